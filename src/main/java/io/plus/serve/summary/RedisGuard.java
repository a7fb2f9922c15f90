package io.plus.serve.summary;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.plus.serve.ServeConfig;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Redis is a cache: every call through here has a short timeout and a fallback, and after a
 * failure Redis is skipped for a while instead of making each request wait for the timeout.
 */
@ApplicationScoped
public class RedisGuard {
    private static final Logger LOG = Logger.getLogger(RedisGuard.class);
    private final Duration timeout;
    private final Duration retryAfter;
    /** Until when (System.nanoTime) Redis is considered down; 0 when up. */
    private final AtomicLong downUntil = new AtomicLong();
    private final MeterRegistry meters;
    private final Gauge gauge;

    @Inject
    public RedisGuard(ServeConfig config, MeterRegistry meters) {
        this.timeout = config.redisTimeout();
        this.retryAfter = config.redisRetryAfter();
        this.meters = meters;
        this.gauge = Gauge.builder("plus.redis.available", this, g -> g.available() ? 1 : 0)
                .description("1 while the summary cache answers, 0 while it is skipped").register(meters);
    }

    /** The gauge reads this instance, so it goes with it (see ActiveModel#removeGauges). */
    @PreDestroy
    void removeGauge() {
        meters.remove(gauge);
    }

    public boolean available() {
        long until = downUntil.get();
        return until == 0 || System.nanoTime() - until > 0;
    }

    /** Connection refused or lost, or no answer in time: Redis itself is away. */
    static boolean unreachable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof java.io.IOException
                    || t instanceof io.smallrye.mutiny.TimeoutException
                    || t instanceof java.util.concurrent.TimeoutException
                    || t instanceof io.vertx.core.VertxException && String.valueOf(t.getMessage()).contains("closed")) {
                return true;
            }
        }
        return false;
    }

    /** Runs {@code call} unless Redis is known to be down; any failure or timeout gives {@code fallback}. */
    public <T> Uni<T> call(String what, Supplier<Uni<? extends T>> call, Supplier<T> fallback) {
        if (!available()) {
            return Uni.createFrom().item(fallback);
        }
        return Uni.createFrom().<T>deferred(call).ifNoItem().after(timeout).fail()
                .invoke(() -> downUntil.set(0))
                .onFailure().recoverWithItem(error -> {
                    if (!unreachable(error)) {
                        // e.g. the client's pool is busy: this call does without the cache, the next tries again
                        LOG.debugf("Redis call failed (%s during %s)", error, what);
                        return fallback.get();
                    }
                    if (downUntil.getAndSet(System.nanoTime() + retryAfter.toNanos()) == 0) {
                        LOG.warnf("Redis unavailable (%s during %s); serving without the cache, next try in %s",
                                error.toString(), what, retryAfter);
                    }
                    return fallback.get();
                });
    }
}
