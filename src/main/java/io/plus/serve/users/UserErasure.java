package io.plus.serve.users;

import io.plus.serve.db.TenantTransactions;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Erases everything PLUS holds about a user: feedback, summary history, watermark, cache. */
@ApplicationScoped
public class UserErasure {
    /** What was erased. {@code cacheEntries} is -1 when Redis did not answer (the entry is dropped on retry). */
    public record Erased(long feedbackEvents, long summaries, int cacheEntries) {
    }

    private final CachedUserData cache;

    @Inject
    public UserErasure(CachedUserData cache) {
        this.cache = cache;
    }

    public Uni<Erased> erase(UserKey user) {
        return TenantTransactions.of(user.tenant(), () -> Panache.executeUpdate(
                        "delete from FeedbackEvent where tenant = ?1 and userId = ?2", user.tenant(), user.user())
                .chain(events -> Panache.executeUpdate("delete from UserSummary where tenant = ?1 and userId = ?2",
                                user.tenant(), user.user())
                        .chain(summaries -> Panache.executeUpdate("delete from PlusUser where id.tenant = ?1 and id.userId = ?2",
                                        user.tenant(), user.user())
                                .map(ignored -> new long[]{events, summaries}))))
                .chain(counts -> cache.erase(user).map(cached -> new Erased(counts[0], counts[1], cached)));
    }
}
