package io.plus.serve.auth;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TenantRateLimiterTest {
    @Test
    void aTenantGetsItsBurstThenItsRateAndOthersAreNotTouched() {
        AtomicLong now = new AtomicLong(0);
        TenantRateLimiter limiter = new TenantRateLimiter(tenant -> new TenantRateLimiter.Rate(2, 3), now::get);
        for (int i = 0; i < 3; i++) {
            assertEquals(0, limiter.acquire("greedy"), "within the burst");
        }
        long wait = limiter.acquire("greedy");
        assertTrue(wait > 0 && wait <= 500, "one token comes back in half a second at 2/s: " + wait);
        assertEquals(0, limiter.acquire("calm"), "another tenant has its own bucket");
        now.addAndGet(500_000_000L);
        assertEquals(0, limiter.acquire("greedy"), "refilled");
        assertTrue(limiter.acquire("greedy") > 0);
        now.addAndGet(60_000_000_000L);
        for (int i = 0; i < 3; i++) {
            assertEquals(0, limiter.acquire("greedy"), "a long pause saves up no more than the burst");
        }
        assertTrue(limiter.acquire("greedy") > 0);
    }

    @Test
    void aTenantWithItsOwnRateGetsItWhileTheOthersKeepTheDefault() {
        AtomicLong now = new AtomicLong(0);
        TenantRateLimiter limiter = new TenantRateLimiter(
                tenant -> tenant.equals("big") ? new TenantRateLimiter.Rate(100, 50) : new TenantRateLimiter.Rate(2, 3), now::get);
        for (int i = 0; i < 50; i++) {
            assertEquals(0, limiter.acquire("big"), "call " + i + " within big's own burst");
        }
        assertTrue(limiter.acquire("big") > 0, "over its own burst");
        now.addAndGet(100_000_000L);
        for (int i = 0; i < 10; i++) {
            assertEquals(0, limiter.acquire("big"), "100/s gives 10 calls in 100 ms");
        }
        for (int i = 0; i < 3; i++) {
            assertEquals(0, limiter.acquire("small"));
        }
        assertTrue(limiter.acquire("small") > 0, "the default burst of 3 still holds for everyone else");
    }

    @Test
    void aRateBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TenantRateLimiter.Rate(0, 5));
        assertThrows(IllegalArgumentException.class, () -> new TenantRateLimiter.Rate(5, 0));
    }
}
