package io.plus.data;

/**
 * Hidden ground truth about a synthetic user: the type name and its latent vector (one-hot for a
 * discrete type, attribute weights for a mixture). Only the Oracle baseline and the evaluator's
 * reports may read it; learned methods must never see it.
 */
public record UserTruth(String user, String type, double[] latent) {
}
