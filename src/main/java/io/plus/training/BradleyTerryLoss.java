package io.plus.training;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/**
 * The Bradley–Terry negative log-likelihood {@code -log σ(r_chosen - r_rejected)}, computed as
 * {@code softplus(-(r_chosen - r_rejected))} so it stays finite for large margins; one margin in
 * plain Java is {@link io.plus.model.BradleyTerry}.
 */
public final class BradleyTerryLoss {
    private BradleyTerryLoss() {
    }

    /** Mean loss over a batch of chosen and rejected rewards (same shape). */
    public static NDArray mean(NDArray chosenRewards, NDArray rejectedRewards) {
        return Activation.softPlus(rejectedRewards.sub(chosenRewards)).mean();
    }
}
