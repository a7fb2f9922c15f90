package io.plus.serve.users;

import io.plus.serve.audit.AuditLog;
import io.plus.serve.db.TenantTransactions;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;

/**
 * Erases everything PLUS holds about a user: feedback, summary history, watermark, cache. The
 * audit entry (ids and counts) is written in the same transaction as the deletes, so an erasure
 * is never committed without its record.
 */
@ApplicationScoped
public class UserErasure {
    /** What was erased. {@code cacheEntries} is -1 when Redis did not answer (the entry is dropped on retry). */
    public record Erased(long feedbackEvents, long summaries, int cacheEntries) {
    }

    private final CachedUserData cache;
    private final AuditLog audit;

    @Inject
    public UserErasure(CachedUserData cache, AuditLog audit) {
        this.cache = cache;
        this.audit = audit;
    }

    /** Erases {@code user}, recording it as {@code action}; the cache is cleared once the deletes have committed. */
    public Uni<Erased> erase(UserKey user, AuditLog.Action action) {
        return TenantTransactions.of(user.tenant(), () -> Panache.executeUpdate(
                        "delete from FeedbackEvent where tenant = ?1 and userId = ?2", user.tenant(), user.user())
                .chain(events -> Panache.executeUpdate("delete from UserSummary where tenant = ?1 and userId = ?2",
                                user.tenant(), user.user())
                        .chain(summaries -> Panache.executeUpdate("delete from PlusUser where id.tenant = ?1 and id.userId = ?2",
                                        user.tenant(), user.user())
                                .map(ignored -> new long[]{events, summaries})))
                        // the entry keeps the ids and the counts, nothing the user said
                        .call(counts -> audit.appendInTransaction(action, 200,
                                Map.of("feedbackEvents", counts[0], "summaries", counts[1]))))
                .chain(counts -> cache.erase(user).map(cached -> new Erased(counts[0], counts[1], cached)));
    }
}
