package io.plus.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * Hidden ground truth about a synthetic user: the type name and its latent vector (one-hot for a
 * discrete type, attribute weights for a mixture). Only the Oracle baseline and the evaluator's
 * reports may read it; learned methods must never see it.
 */
public record UserTruth(String user, String type, double[] latent) {
    public UserTruth {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(type, "type");
        latent = latent.clone(); // records with arrays are otherwise shared and mutable
    }

    // A record compares arrays by reference; compare the latent by value so that datasets
    // (and their ground truth) round-trip through files as equal.
    @Override
    public boolean equals(Object o) {
        return o instanceof UserTruth t && user.equals(t.user) && type.equals(t.type)
                && Arrays.equals(latent, t.latent);
    }

    @Override
    public int hashCode() {
        return Objects.hash(user, type, Arrays.hashCode(latent));
    }

    @Override
    public String toString() {
        return "UserTruth[user=" + user + ", type=" + type + ", latent=" + Arrays.toString(latent) + "]";
    }
}
