package io.plus.serve.auth;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * A token bucket per tenant: its rate's {@code perSecond} tokens a second, at most {@code burst}
 * saved up; each data call takes one. Per instance: with n instances a tenant gets up to n times
 * the rate.
 */
public final class TenantRateLimiter {
    /** A tenant's allowance. */
    public record Rate(int perSecond, int burst) {
        public Rate {
            if (perSecond < 1 || burst < 1) {
                throw new IllegalArgumentException("a rate limit needs at least 1 request per second and a burst of 1");
            }
        }
    }

    private final Function<String, Rate> rateOf;
    private final LongSupplier nanoClock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        final double perNano;
        final double burst;
        double tokens;
        long refilledAt;

        Bucket(Rate rate, long now) {
            this.perNano = rate.perSecond() / 1e9;
            this.burst = rate.burst();
            this.tokens = burst;
            this.refilledAt = now;
        }
    }

    /** The same rate for every tenant. */
    public TenantRateLimiter(int perSecond, int burst) {
        this(tenant -> new Rate(perSecond, burst), System::nanoTime);
    }

    /** Each tenant's own rate, asked once, when its first call comes. */
    public TenantRateLimiter(Function<String, Rate> rateOf) {
        this(rateOf, System::nanoTime);
    }

    TenantRateLimiter(Function<String, Rate> rateOf, LongSupplier nanoClock) {
        this.rateOf = rateOf;
        this.nanoClock = nanoClock;
    }

    /** Takes a token for {@code tenant}: 0 if the call may go on, else the milliseconds until one is free. */
    public long acquire(String tenant) {
        long now = nanoClock.getAsLong();
        Bucket bucket = buckets.computeIfAbsent(tenant, t -> new Bucket(rateOf.apply(t), now));
        synchronized (bucket) {
            bucket.tokens = Math.min(bucket.burst, bucket.tokens + (now - bucket.refilledAt) * bucket.perNano);
            bucket.refilledAt = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - bucket.tokens) / bucket.perNano / 1e6);
        }
    }
}
