package io.plus.summary;

/**
 * PPO settings of the summarizer, after the paper: clip 0.2, GAE λ 0.95, normalised advantages,
 * KL penalty 0.01 to the reference (initial) policy, and a small cost per written word.
 */
public record PpoConfig(float learningRate, int epochs, double clip, double gaeLambda, double klCoefficient,
                        double lengthCostPerWord, double entropyCoefficient, double valueCoefficient,
                        int hiddenUnits) {
    public static PpoConfig defaults() {
        return new PpoConfig(1e-3f, 4, 0.2, 0.95, 0.06, 0.005, 0.01, 0.5, 128);
    }
}
