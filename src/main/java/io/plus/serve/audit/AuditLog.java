package io.plus.serve.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plus.serve.auth.Caller;
import io.plus.serve.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Records admin actions and erasures in PostgreSQL (V8 {@code audit_log}) and reads them back. An
 * action is recorded once its outcome is known, before the caller gets the answer: a refusal (a
 * 4xx problem) as {@code refused} with its problem type, anything else that failed as
 * {@code failed}. Details are ids and counts only.
 */
@ApplicationScoped
public class AuditLog {
    private static final Logger LOG = Logger.getLogger(AuditLog.class);
    private static final String COLUMNS = "INSERT INTO audit_log (actor, action, tenant, target, outcome, status, detail) ";
    /** For the reactive pool ($n) and for a Hibernate native query (?n). */
    private static final String INSERT_FOR_POOL = COLUMNS + "VALUES ($1, $2, $3, $4, $5, $6, $7)";
    private static final String INSERT_FOR_HIBERNATE = COLUMNS + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";

    /** One recorded action. */
    public record Entry(long id, OffsetDateTime at, String actor, String action, String tenant, String target,
                        String outcome, int status, Map<String, Object> detail) {
    }

    /** What is being done, by whom, to what. */
    public record Action(String actor, String name, String tenant, String target) {
        public static Action by(Caller caller, String name, String tenant, String target) {
            return new Action(caller.credentialId(), name, tenant, target);
        }
    }

    private final Pool pool;
    private final ObjectMapper json;

    @Inject
    public AuditLog(Pool pool, ObjectMapper json) {
        this.pool = pool;
        this.json = json;
    }

    /**
     * Runs {@code work} and records its outcome; the answer (or the failure) is passed on once the
     * entry is stored. If the entry cannot be stored the action stands and the loss is logged.
     */
    public <T> Uni<T> recorded(Action action, Uni<T> work, int successStatus, Function<T, Map<String, Object>> detail) {
        return work.onItemOrFailure().call((result, failure) -> failure == null
                ? append(action, "succeeded", successStatus, detail.apply(result))
                : appendFailure(action, failure));
    }

    /**
     * Like {@link #recorded}, for work that writes its own success entry inside its transaction
     * ({@link #appendInTransaction}): only a refusal or a failure is recorded here.
     */
    public <T> Uni<T> recordedUnlessSucceeded(Action action, Uni<T> work) {
        return work.onFailure().call(failure -> appendFailure(action, failure));
    }

    /**
     * The success entry of {@code action}, written in the caller's open transaction (a tenant
     * transaction of the action's tenant): it commits with the action or not at all.
     */
    public Uni<Void> appendInTransaction(Action action, int status, Map<String, Object> detail) {
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT_FOR_HIBERNATE)
                        .setParameter(1, action.actor()).setParameter(2, action.name()).setParameter(3, action.tenant())
                        .setParameter(4, action.target()).setParameter(5, "succeeded").setParameter(6, status)
                        .setParameter(7, write(detail)).executeUpdate())
                .replaceWithVoid();
    }

    /** A 4xx problem is a refusal (with its problem type); anything else a failure. */
    private Uni<Void> appendFailure(Action action, Throwable failure) {
        if (failure instanceof ProblemException problem && problem.status() < 500) {
            return append(action, "refused", problem.status(), Map.of("problem", problem.slug()));
        }
        int status = failure instanceof ProblemException problem ? problem.status() : 500;
        return append(action, "failed", status, Map.of());
    }

    Uni<Void> append(Action action, String outcome, int status, Map<String, Object> detail) {
        return pool.preparedQuery(INSERT_FOR_POOL)
                .execute(Tuple.from(Arrays.asList(action.actor(), action.name(), action.tenant(),
                        action.target(), outcome, status, write(detail))))
                .replaceWithVoid()
                .onFailure().recoverWithItem(error -> {
                    LOG.errorf("audit entry not stored (%s %s on %s by %s, %s): %s", action.name(), outcome,
                            action.target(), action.actor(), status, error.toString());
                    return null;
                });
    }

    /** Entries newest first, optionally since a time and of one action. */
    public Uni<List<Entry>> read(Optional<OffsetDateTime> since, Optional<String> action, int limit) {
        return pool.preparedQuery("SELECT id, at, actor, action, tenant, target, outcome, status, detail FROM audit_log "
                        + "WHERE ($1::timestamptz IS NULL OR at >= $1) AND ($2::text IS NULL OR action = $2) "
                        + "ORDER BY at DESC, id DESC LIMIT $3")
                .execute(Tuple.of(since.orElse(null), action.orElse(null), limit))
                .map(rows -> {
                    List<Entry> entries = new ArrayList<>();
                    for (Row row : rows) {
                        entries.add(new Entry(row.getLong(0), row.getOffsetDateTime(1), row.getString(2), row.getString(3),
                                row.getString(4), row.getString(5), row.getString(6), row.getInteger(7),
                                read(row.getString(8))));
                    }
                    return entries;
                });
    }

    private String write(Map<String, Object> detail) {
        try {
            return json.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            return "{}";
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> read(String detail) {
        try {
            return json.readValue(detail, Map.class);
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }
}
