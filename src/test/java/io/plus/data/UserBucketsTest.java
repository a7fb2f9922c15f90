package io.plus.data;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UserBucketsTest {
    @Test
    void aShareOfUsersIsThatShareAndAlwaysTheSameUsers() {
        int within = 0;
        for (int u = 0; u < 10_000; u++) {
            boolean first = UserBuckets.within(UserBuckets.HELD_OUT, "acme", "user-" + u, 0.2);
            assertEquals(first, UserBuckets.within(UserBuckets.HELD_OUT, "acme", "user-" + u, 0.2), "stable");
            within += first ? 1 : 0;
        }
        assertTrue(Math.abs(within / 10_000.0 - 0.2) < 0.015, "about 20%: " + within);
    }

    @Test
    void tenantsAndPurposesPlaceTheSameIdApart() {
        int sameAcrossTenants = 0;
        int sameAcrossPurposes = 0;
        for (int u = 0; u < 1_000; u++) {
            boolean a = UserBuckets.within(UserBuckets.HELD_OUT, "acme", "u" + u, 0.5);
            sameAcrossTenants += a == UserBuckets.within(UserBuckets.HELD_OUT, "globex", "u" + u, 0.5) ? 1 : 0;
            sameAcrossPurposes += a == UserBuckets.within(UserBuckets.SEEN_TEST, "acme", "u" + u, 0.5) ? 1 : 0;
        }
        // independent placements agree about half the time, not always
        assertTrue(sameAcrossTenants > 400 && sameAcrossTenants < 600, "tenants: " + sameAcrossTenants);
        assertTrue(sameAcrossPurposes > 400 && sameAcrossPurposes < 600, "purposes: " + sameAcrossPurposes);
        assertNotEquals(UserBuckets.position("x", "a", "bc"), UserBuckets.position("x", "ab", "c"), "no run-together");
    }

    @Test
    void positionsLieInTheUnitInterval() {
        for (int u = 0; u < 1_000; u++) {
            double p = UserBuckets.position(UserBuckets.HELD_OUT, "t", "u" + u);
            assertTrue(p >= 0 && p < 1, "in [0, 1): " + p);
        }
    }
}
