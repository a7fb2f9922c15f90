package io.plus.data;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A user's fixed place in [0, 1) for one purpose: the same tenant and user always land in the same
 * place, so a share of users chosen by it (held out from training, routed to a canary) is the same
 * users in every run and on every instance. Each purpose has its own salt, so the users held out
 * are not also the users a canary sees first.
 */
public final class UserBuckets {
    /** Users never trained on, by any run: the unseen-user evaluation set. */
    public static final String HELD_OUT = "plus/held-out-users/v1";
    /** Pairs of a training user held out as the seen-user evaluation set. */
    public static final String SEEN_TEST = "plus/seen-user-test-pairs/v1";
    /** Users served by a canary model: those below its percent, the same ones on every instance. */
    public static final String CANARY = "plus/canary-users/v1";

    private UserBuckets() {
    }

    /** Where {@code tenant}'s {@code id} (a user, or an event) falls for {@code purpose}: uniform in [0, 1). */
    public static double position(String purpose, String tenant, String id) {
        byte[] digest = sha256(purpose + '\u0000' + tenant + '\u0000' + id);
        long bits = 0;
        for (int i = 0; i < 7; i++) { // 56 bits: exactly representable in a double
            bits = (bits << 8) | (digest[i] & 0xff);
        }
        return bits / (double) (1L << 56);
    }

    /** True when the id's position is below {@code share}: that share of ids, always the same ones. */
    public static boolean within(String purpose, String tenant, String id, double share) {
        return position(purpose, tenant, id) < share;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
