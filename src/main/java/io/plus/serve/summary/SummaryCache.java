package io.plus.serve.summary;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plus.serve.ServeConfig;
import io.plus.serve.feedback.NewFeedback;
import io.plus.serve.users.CachedUserData;
import io.plus.serve.users.UserKey;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Users' summaries in Redis. Beside each summary Redis keeps the user's feedback watermark: new
 * feedback raises it and drops the summary, and a summary built from older feedback is not cached
 * over a newer watermark (so a build racing with new feedback cannot leave a stale entry).
 * An invalidation Redis did not take is remembered here and retried, and this instance never
 * serves that user from the cache meanwhile; entries also expire (ttl) as a last resort.
 */
@ApplicationScoped
public class SummaryCache implements NewFeedback, CachedUserData {
    private static final Logger LOG = Logger.getLogger(SummaryCache.class);
    private static final String PUT_IF_CURRENT = """
            local w = redis.call('GET', KEYS[2])
            if w and tonumber(w) > tonumber(ARGV[2]) then return 0 end
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[3])
            return 1""";
    private static final String MARK_STALE = """
            local w = redis.call('GET', KEYS[2])
            if (not w) or tonumber(w) < tonumber(ARGV[1]) then redis.call('SET', KEYS[2], ARGV[1], 'PX', ARGV[2]) end
            return redis.call('DEL', KEYS[1])""";

    private final ReactiveRedisDataSource redis;
    private final RedisGuard guard;
    private final ObjectMapper json;
    private final ServeConfig config;
    /** Users whose invalidation Redis has not taken yet, with the watermark to set. */
    private final Map<UserKey, Long> pending = new ConcurrentHashMap<>();

    @Inject
    public SummaryCache(ReactiveRedisDataSource redis, RedisGuard guard, ObjectMapper json, ServeConfig config) {
        this.redis = redis;
        this.guard = guard;
        this.json = json;
        this.config = config;
    }

    /** Hash tag: a user's summary and watermark keys live in one Redis Cluster slot (the scripts touch both). */
    static String summaryKey(UserKey user) {
        return "plus:{" + user.tenant() + "|" + user.user() + "}:summary";
    }

    static String watermarkKey(UserKey user) {
        return "plus:{" + user.tenant() + "|" + user.user() + "}:watermark";
    }

    /**
     * A cached summary as stored: what a hit must check (model version, edited) readable without
     * parsing, and the JSON the API answers with as is.
     */
    public record Cached(String modelVersion, boolean edited, String json, SummaryCache decoder) {
        public SummaryView view() {
            return decoder.decode(json);
        }
    }

    public Uni<Optional<Cached>> get(UserKey user) {
        if (pending.containsKey(user)) {
            return Uni.createFrom().item(Optional.empty());
        }
        return guard.call("summary get", () -> redis.value(String.class).get(summaryKey(user))
                .map(value -> Optional.ofNullable(value).map(this::parse)), Optional::empty);
    }

    /** Stored as {@code modelVersion \n origin \n json}. */
    private Cached parse(String value) {
        int first = value.indexOf('\n');
        int second = first < 0 ? -1 : value.indexOf('\n', first + 1);
        if (second < 0) {
            return new Cached("", false, "{}", this); // not ours: never matches a model, so rebuilt
        }
        return new Cached(value.substring(0, first), UserSummary.EDITED.equals(value.substring(first + 1, second)),
                value.substring(second + 1), this);
    }

    /** Caches {@code view}, built when the user's watermark was {@code asOfSequence}, unless newer feedback arrived since. */
    public Uni<Boolean> put(SummaryView view, long asOfSequence) {
        UserKey user = new UserKey(view.tenant(), view.user());
        if (pending.containsKey(user)) {
            return Uni.createFrom().item(false);
        }
        return guard.call("summary put", () -> redis.execute("EVAL", PUT_IF_CURRENT, "2", summaryKey(user),
                watermarkKey(user), view.modelVersion() + "\n" + view.origin() + "\n" + encode(view),
                Long.toString(asOfSequence), ttlMillis())
                .map(response -> response != null && response.toLong() == 1), () -> false);
    }

    @Override
    public Uni<Void> stored(Map<UserKey, Long> watermarks) {
        return markStale(watermarks);
    }

    /** New feedback up to the given watermarks: drop those users' summaries. Never fails. */
    public Uni<Void> markStale(Map<UserKey, Long> watermarks) {
        List<Uni<Void>> calls = new ArrayList<>();
        watermarks.forEach((user, sequence) -> calls.add(markStale(user, sequence).replaceWithVoid()));
        return calls.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(calls).andCollectFailures().replaceWithVoid();
    }

    /** Removes the user's entries: 1 if a cached summary was removed, 0 if none, -1 if Redis did not answer (retried later). */
    @Override
    public Uni<Integer> erase(UserKey user) {
        pending.remove(user);
        return guard.call("summary erase", () -> redis.key(String.class).del(summaryKey(user))
                .call(() -> redis.key(String.class).del(watermarkKey(user))), () -> -1)
                .invoke(removed -> {
                    if (removed < 0) {
                        pending.merge(user, 0L, Math::max); // the retry drops the summary
                    }
                });
    }

    private Uni<Long> markStale(UserKey user, long sequence) {
        long target = pending.merge(user, sequence, Math::max);
        return guard.call("summary invalidate", () -> redis.execute("EVAL", MARK_STALE, "2", summaryKey(user),
                        watermarkKey(user), Long.toString(target), ttlMillis())
                .map(response -> {
                    pending.remove(user, target);
                    return response == null ? 0L : response.toLong();
                }), () -> -1L);
    }

    // retried as often as the model check runs: both are "catch up after a missed message" loops
    @Scheduled(every = "${plus.serve.model-check-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> retryPending() {
        if (pending.isEmpty() || !guard.available()) {
            return Uni.createFrom().voidItem();
        }
        LOG.infof("retrying %d cache invalidations Redis missed", pending.size());
        return markStale(Map.copyOf(pending));
    }

    public int pendingInvalidations() {
        return pending.size();
    }

    private String ttlMillis() {
        return Long.toString(config.summaryCacheTtl().toMillis());
    }

    private String encode(SummaryView view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    SummaryView decode(String value) {
        try {
            // what we wrote ourselves, perhaps by a newer version with more fields: read leniently
            return json.readerFor(SummaryView.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(value);
        } catch (JsonProcessingException e) {
            LOG.warnf("ignoring an unreadable cached summary: %s", e.getOriginalMessage());
            return null;
        }
    }
}
