package io.plus.model;

import java.util.List;
import java.util.Random;

/** Reward heads with seeded Gaussian weights (zero biases), for tests that need any fixed head. */
public final class RandomHeads {
    private RandomHeads() {
    }

    /** A BASIC-layout head with one hidden layer. */
    public static RewardHead basic(int embedding, int conditioning, int hidden, long seed) {
        Random random = new Random(seed);
        int inputs = FeatureLayout.BASIC.dimension(embedding, conditioning);
        return new RewardHead(new MlpWeights(List.of(layer(inputs, hidden, random), layer(hidden, 1, random))),
                FeatureLayout.BASIC, embedding, conditioning);
    }

    private static MlpWeights.Layer layer(int inputs, int outputs, Random random) {
        float[] weight = new float[inputs * outputs];
        for (int i = 0; i < weight.length; i++) {
            weight[i] = (float) random.nextGaussian();
        }
        return new MlpWeights.Layer(inputs, outputs, weight, new float[outputs]);
    }
}
