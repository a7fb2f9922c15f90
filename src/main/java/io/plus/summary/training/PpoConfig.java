package io.plus.summary.training;

/**
 * PPO settings of the summarizer, after the paper: clip 0.2, GAE λ 0.95, normalised advantages,
 * a KL penalty to the reference (initial) policy, and a small cost per written word. The word cost
 * (0.002, a 10-word statement costs 0.02 of reward) is kept below what a second true statement is
 * worth: at 0.005 the summarizer learned to drop the second attribute of attributes-mix users
 * (unseen users, controversial pairs, 3 seeds: 58.7% against 62.4% at 0.002) and to name a
 * correlate ("long") instead of a with-examples user's actual preference.
 */
public record PpoConfig(float learningRate, int epochs, double clip, double gaeLambda, double klCoefficient,
                        double lengthCostPerWord, double entropyCoefficient, double valueCoefficient,
                        int hiddenUnits) {
    public static PpoConfig defaults() {
        return new PpoConfig(1e-3f, 4, 0.2, 0.95, 0.06, 0.002, 0.01, 0.5, 128);
    }
}
