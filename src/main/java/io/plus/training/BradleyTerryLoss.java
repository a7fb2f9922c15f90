package io.plus.training;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/**
 * The Bradley–Terry negative log-likelihood {@code -log σ(r_chosen - r_rejected)}, computed as
 * {@code softplus(-(r_chosen - r_rejected))} so it stays finite for large margins.
 */
public final class BradleyTerryLoss {
    private BradleyTerryLoss() {
    }

    /** Mean loss over a batch of chosen and rejected rewards (same shape). */
    public static NDArray mean(NDArray chosenRewards, NDArray rejectedRewards) {
        return Activation.softPlus(rejectedRewards.sub(chosenRewards)).mean();
    }

    /** The same loss for one margin, in plain Java (used by evaluation). */
    public static double of(double margin) {
        // softplus(-m) = log(1 + e^{-m}), written to avoid overflow for either sign
        return margin > 0 ? Math.log1p(Math.exp(-margin)) : -margin + Math.log1p(Math.exp(margin));
    }
}
