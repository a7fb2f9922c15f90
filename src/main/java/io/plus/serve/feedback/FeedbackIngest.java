package io.plus.serve.feedback;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.plus.serve.ServeConfig;
import io.plus.serve.db.TenantTransactions;
import io.plus.serve.problem.DatabaseFailures;
import io.plus.serve.problem.Problem.FieldError;
import io.plus.serve.problem.ProblemException;
import io.plus.serve.users.UserKey;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Stores validated events in one transaction and answers only after the commit. A client event id
 * (unique per user) makes an event idempotent: the same event again gets its first answer back, a
 * different event under a used id is a conflict and the whole request changes nothing.
 *
 * <p>Each user's events are numbered by their feedback sequence; the user's row is locked (by the
 * upsert that advances it) until the commit, so concurrent requests for one user serialise and a
 * concurrent retry of the same event loses on the unique key, is retried, and answers as a replay.
 */
@ApplicationScoped
public class FeedbackIngest {
    /** A stored or replayed event: the sequence number it has in its user's feedback. */
    public record Receipt(String eventId, String tenant, String user, long sequence, boolean replayed) {
    }

    private final NewFeedback listeners;
    private final Vertx vertx;
    private final ServeConfig config;

    private GroupCommit groupCommit;

    @jakarta.annotation.PostConstruct
    void startGroupCommit() {
        groupCommit = new GroupCommit(vertx, config.ingestTransactions(), config.ingestQueueEvents(),
                this::storeInOneTransaction);
    }

    private final Counter stored;
    private final Counter replayed;

    @Inject
    public FeedbackIngest(MeterRegistry meters, NewFeedback listeners, Vertx vertx, ServeConfig config) {
        this.listeners = listeners;
        this.vertx = vertx;
        this.config = config;
        this.stored = Counter.builder("plus.feedback.events").tag("result", "stored")
                .description("feedback events ingested").register(meters);
        this.replayed = Counter.builder("plus.feedback.events").tag("result", "replayed")
                .description("feedback events ingested").register(meters);
    }

    public Uni<List<Receipt>> ingest(List<FeedbackInput> events) {
        Deduplicated batch = Deduplicated.of(events);
        return groupCommit.submit(batch.unique())
                .call(receipts -> listeners.stored(watermarks(receipts)))
                .map(receipts -> {
                    receipts.forEach(r -> (r.replayed() ? replayed : stored).increment());
                    return batch.answerAll(receipts);
                });
    }

    /** Stores distinct events of one tenant in one transaction: the receipts in their order. */
    Uni<List<Receipt>> storeInOneTransaction(List<FeedbackInput> unique) {
        if (unique.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        String tenant = unique.get(0).tenant();
        // Optimistic first: new events are the normal case, so insert without looking for known ids
        // and let the unique key catch a retry; then run again, looking first (replays, conflicts).
        AtomicBoolean lookFirst = new AtomicBoolean();
        return Uni.createFrom().deferred(() -> TenantTransactions.of(tenant, () -> store(unique, lookFirst.get())))
                .onFailure(error -> DatabaseFailures.uniqueViolation(error).isPresent() && !lookFirst.getAndSet(true))
                .retry().atMost(1)
                // a concurrent request stored one of these ids between our look and our insert
                .onFailure(error -> DatabaseFailures.uniqueViolation(error).isPresent()).retry().atMost(3);
    }

    private Uni<List<Receipt>> store(List<FeedbackInput> events, boolean lookFirst) {
        Uni<Map<String, FeedbackEvent>> known = lookFirst ? existing(events) : Uni.createFrom().item(Map.of());
        return known.chain(found -> {
            Receipt[] receipts = new Receipt[events.size()];
            Map<UserKey, List<Integer>> newByUser = new TreeMap<>(
                    java.util.Comparator.comparing(UserKey::tenant).thenComparing(UserKey::user));
            List<FieldError> conflicts = new ArrayList<>();
            for (int i = 0; i < events.size(); i++) {
                FeedbackInput event = events.get(i);
                FeedbackEvent stored = found.get(clientKey(event.tenant(), event.user(), event.eventId()));
                if (stored == null) {
                    newByUser.computeIfAbsent(event.userKey(), k -> new ArrayList<>()).add(i);
                } else if (stored.bodySha256.equals(event.contentSha256())) {
                    receipts[i] = new Receipt(event.eventId(), stored.tenant, stored.userId, stored.sequence, true);
                } else {
                    conflicts.add(new FieldError(event.pointer() + "/eventId", "event id " + event.eventId()
                            + " was already used for a different event of this user (sequence " + stored.sequence + ")"));
                }
            }
            if (!conflicts.isEmpty()) {
                throw new ProblemException(409, "event-id-conflict", "Event id reused for a different event",
                        conflicts.get(0).detail(), conflicts, Map.of());
            }
            if (newByUser.isEmpty()) {
                return Uni.createFrom().item(List.of(receipts));
            }
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            List<UserKey> users = new ArrayList<>(newByUser.keySet());
            return advance(users, newByUser).chain(last -> {
                List<FeedbackEvent> rows = new ArrayList<>();
                for (Map.Entry<UserKey, List<Integer>> user : newByUser.entrySet()) {
                    long sequence = last.get(user.getKey()) - user.getValue().size();
                    for (int index : user.getValue()) {
                        FeedbackInput event = events.get(index);
                        sequence++;
                        rows.add(event.toEntity(sequence, now));
                        receipts[index] = new Receipt(event.eventId(), event.tenant(), event.user(), sequence, false);
                    }
                }
                return Panache.getSession().chain(session -> session.persistAll(rows.toArray()));
            }).replaceWith(() -> List.of(receipts));
        });
    }

    /**
     * Advances every user's watermark by their number of new events (creating users as needed) and
     * returns the new watermarks: one statement per tenant. The rows stay locked until the commit;
     * they are locked in a fixed order (tenant, user), so two transactions touching the same users
     * cannot deadlock.
     */
    private static Uni<Map<UserKey, Long>> advance(List<UserKey> sortedUsers, Map<UserKey, List<Integer>> newByUser) {
        Map<String, List<UserKey>> byTenant = new LinkedHashMap<>();
        sortedUsers.forEach(user -> byTenant.computeIfAbsent(user.tenant(), t -> new ArrayList<>()).add(user));
        Map<UserKey, Long> last = new HashMap<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Map.Entry<String, List<UserKey>> tenant : byTenant.entrySet()) {
            List<UserKey> users = tenant.getValue();
            String sql = advanceSql(users.size());
            int listParameter = 2 * users.size() + 2;
            chain = chain.chain(() -> Panache.getSession().chain(session -> {
                var query = session.createNativeQuery(sql).setParameter(1, tenant.getKey());
                for (int i = 0; i < users.size(); i++) {
                    query.setParameter(2 * i + 2, users.get(i).user())
                            .setParameter(2 * i + 3, (long) newByUser.get(users.get(i)).size());
                }
                return query.setParameter(listParameter, users.stream().map(UserKey::user).toList()).getResultList();
            }).invoke(rows -> {
                for (Object row : rows) {
                    Object[] columns = (Object[]) row;
                    last.put(new UserKey(tenant.getKey(), (String) columns[0]), ((Number) columns[1]).longValue());
                }
            }).replaceWithVoid());
        }
        return chain.replaceWith(last);
    }

    /**
     * The upsert of {@link #advance} for one tenant ({@code ?1}) and {@code users} users (id, count
     * pairs from {@code ?2}), returning the new watermarks. The user ids are bound once more as a
     * parameter list, in a filter every returned row passes: Hibernate does not cache plans of
     * native queries with list parameters, and it must not cache this one. It keys native selects
     * by a result mapping that is a new object per call, so its plan cache would fill with entries
     * of equal hash that every lookup walks (measured: a fifth of ingest's CPU).
     */
    private static String advanceSql(int users) {
        StringBuilder sql = new StringBuilder("WITH advanced AS (INSERT INTO plus_user (tenant, user_id, last_sequence) VALUES ");
        for (int i = 0; i < users; i++) {
            sql.append(i == 0 ? "" : ", ").append("(?1, ?").append(2 * i + 2).append(", ?").append(2 * i + 3).append(")");
        }
        return sql.append(" ON CONFLICT (tenant, user_id) DO UPDATE SET last_sequence = plus_user.last_sequence")
                .append(" + EXCLUDED.last_sequence, updated_at = now() RETURNING user_id, last_sequence)")
                .append(" SELECT user_id, last_sequence FROM advanced WHERE user_id IN (?").append(2 * users + 2)
                .append(")").toString();
    }

    /** The tenant's stored events under these events' ids, by {@link #clientKey} (a transaction holds one tenant). */
    private static Uni<Map<String, FeedbackEvent>> existing(List<FeedbackInput> events) {
        List<String> ids = events.stream().map(FeedbackInput::eventId).toList();
        Map<String, FeedbackEvent> found = new HashMap<>();
        return FeedbackEvent.<FeedbackEvent>list("tenant = ?1 and eventId in ?2", events.get(0).tenant(), ids)
                .invoke(rows -> rows.forEach(row -> found.put(clientKey(row.tenant, row.userId, row.eventId), row)))
                .replaceWith(found);
    }

    /** What makes a client's event id unique: the user it belongs to and the id. */
    static String clientKey(String tenant, String user, String eventId) {
        return tenant + "\u0000" + user + "\u0000" + eventId;
    }

    private static Map<UserKey, Long> watermarks(List<Receipt> receipts) {
        Map<UserKey, Long> out = new HashMap<>();
        for (Receipt receipt : receipts) {
            if (!receipt.replayed()) {
                out.merge(new UserKey(receipt.tenant(), receipt.user()), receipt.sequence(), Math::max);
            }
        }
        return out;
    }

    /**
     * The same event twice in one request is stored once (the second answered as its replay); the
     * same id with different content in one request is refused.
     */
    record Deduplicated(List<FeedbackInput> all, List<FeedbackInput> unique, int[] uniqueIndexOf) {
        static Deduplicated of(List<FeedbackInput> events) {
            Map<String, Integer> firstByKey = new HashMap<>();
            List<FeedbackInput> unique = new ArrayList<>();
            int[] index = new int[events.size()];
            List<FieldError> errors = new ArrayList<>();
            for (int i = 0; i < events.size(); i++) {
                FeedbackInput event = events.get(i);
                Integer first = firstByKey.putIfAbsent(clientKey(event.tenant(), event.user(), event.eventId()), unique.size());
                if (first == null) {
                    index[i] = unique.size();
                    unique.add(event);
                } else if (unique.get(first).contentSha256().equals(event.contentSha256())) {
                    index[i] = first;
                } else {
                    errors.add(new FieldError(event.pointer() + "/eventId", "event id " + event.eventId()
                            + " appears earlier in this request (" + unique.get(first).pointer() + ") with different content"));
                }
            }
            if (!errors.isEmpty()) {
                throw ProblemException.invalid(errors);
            }
            return new Deduplicated(events, unique, index);
        }

        List<Receipt> answerAll(List<Receipt> uniqueReceipts) {
            List<Receipt> out = new ArrayList<>(all.size());
            boolean[] seen = new boolean[unique.size()];
            for (int i = 0; i < all.size(); i++) {
                Receipt receipt = uniqueReceipts.get(uniqueIndexOf[i]);
                out.add(seen[uniqueIndexOf[i]] ? new Receipt(receipt.eventId(), receipt.tenant(), receipt.user(),
                        receipt.sequence(), true) : receipt);
                seen[uniqueIndexOf[i]] = true;
            }
            return out;
        }
    }
}
