package io.plus.training;

import java.util.LinkedHashMap;
import java.util.Map;

/** Hyper-parameters of a Bradley–Terry reward-head training run. */
public record TrainConfig(int hiddenUnits, int hiddenLayers, int epochs, int batchSize,
                          float learningRate, float weightDecay, long seed) {

    public TrainConfig {
        if (hiddenUnits < 1 || hiddenLayers < 0 || epochs < 1 || batchSize < 1 || learningRate <= 0) {
            throw new IllegalArgumentException("invalid training configuration: " + this);
        }
    }

    public static TrainConfig defaults(long seed) {
        return new TrainConfig(256, 2, 20, 64, 1e-3f, 1e-4f, seed);
    }

    public TrainConfig withEpochs(int newEpochs) {
        return new TrainConfig(hiddenUnits, hiddenLayers, newEpochs, batchSize, learningRate, weightDecay, seed);
    }

    public TrainConfig withSeed(long newSeed) {
        return new TrainConfig(hiddenUnits, hiddenLayers, epochs, batchSize, learningRate, weightDecay, newSeed);
    }

    /** For the bundle manifest. */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("hiddenUnits", hiddenUnits);
        map.put("hiddenLayers", hiddenLayers);
        map.put("epochs", epochs);
        map.put("batchSize", batchSize);
        map.put("learningRate", learningRate);
        map.put("weightDecay", weightDecay);
        map.put("seed", seed);
        return map;
    }
}
