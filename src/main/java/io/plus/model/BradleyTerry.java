package io.plus.model;

/**
 * The Bradley–Terry negative log-likelihood of one preference, {@code -log σ(margin)} with
 * {@code margin = r(chosen) − r(rejected)}, in plain Java for serving and evaluation (training
 * computes the same on tensors).
 */
public final class BradleyTerry {
    private BradleyTerry() {
    }

    public static double loss(double margin) {
        // softplus(-m) = log(1 + e^{-m}), written to avoid overflow for either sign
        return margin > 0 ? Math.log1p(Math.exp(-margin)) : -margin + Math.log1p(Math.exp(margin));
    }
}
