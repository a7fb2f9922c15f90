package io.plus.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Reward heads with seeded Gaussian weights, for tests that need any fixed head. */
public final class RandomHeads {
    private RandomHeads() {
    }

    /** A BASIC-layout head with one hidden layer (zero biases). */
    public static RewardHead basic(int embedding, int conditioning, int hidden, long seed) {
        Random random = new Random(seed);
        int inputs = FeatureLayout.BASIC.dimension(embedding, conditioning);
        return new RewardHead(new MlpWeights(List.of(layer(inputs, hidden, random, false),
                layer(hidden, 1, random, false))), FeatureLayout.BASIC, embedding, conditioning);
    }

    /** A head of any layout and depth (0 hidden layers: linear) with 8 units a layer and Gaussian biases. */
    public static RewardHead of(FeatureLayout layout, int dimension, int hiddenLayers, long seed) {
        Random random = new Random(seed);
        List<MlpWeights.Layer> layers = new ArrayList<>();
        int inputs = layout.dimension(dimension, dimension);
        for (int l = 0; l <= hiddenLayers; l++) {
            int outputs = l == hiddenLayers ? 1 : 8;
            layers.add(layer(inputs, outputs, random, true));
            inputs = outputs;
        }
        return new RewardHead(new MlpWeights(layers), layout, dimension, dimension);
    }

    private static MlpWeights.Layer layer(int inputs, int outputs, Random random, boolean biases) {
        float[] weight = new float[inputs * outputs];
        for (int i = 0; i < weight.length; i++) {
            weight[i] = (float) random.nextGaussian();
        }
        float[] bias = new float[outputs];
        for (int i = 0; biases && i < outputs; i++) {
            bias[i] = (float) random.nextGaussian();
        }
        return new MlpWeights.Layer(inputs, outputs, weight, bias);
    }
}
