package io.plus.serve.auth;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per tenant: {@code perSecond} tokens a second, at most {@code burst} saved up;
 * each data call takes one. Per instance: with n instances a tenant gets up to n times the rate.
 */
public final class TenantRateLimiter {
    private final double perNano;
    private final double burst;
    private final LongSupplier nanoClock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }
    }

    public TenantRateLimiter(int perSecond, int burst) {
        this(perSecond, burst, System::nanoTime);
    }

    TenantRateLimiter(int perSecond, int burst, LongSupplier nanoClock) {
        if (perSecond < 1 || burst < 1) {
            throw new IllegalArgumentException("a rate limit needs at least 1 request per second and a burst of 1");
        }
        this.perNano = perSecond / 1e9;
        this.burst = burst;
        this.nanoClock = nanoClock;
    }

    /** Takes a token for {@code tenant}: 0 if the call may go on, else the milliseconds until one is free. */
    public long acquire(String tenant) {
        long now = nanoClock.getAsLong();
        Bucket bucket = buckets.computeIfAbsent(tenant, t -> new Bucket(burst, now));
        synchronized (bucket) {
            bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.refilledAt) * perNano);
            bucket.refilledAt = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - bucket.tokens) / perNano / 1e6);
        }
    }
}
