package io.plus.training;

import io.plus.model.MlpWeights;

import java.util.function.IntConsumer;

/** Trains a reward head from scratch on a fixed set of labelled pairs and returns its weights. */
public final class RewardHeadTrainer {
    private final TrainConfig config;

    public RewardHeadTrainer(TrainConfig config) {
        this.config = config;
    }

    public MlpWeights train(LabelledFeatures data) {
        return train(data, epoch -> { });
    }

    /** Trains and reports each finished epoch to {@code onEpoch} (for progress display). */
    public MlpWeights train(LabelledFeatures data, IntConsumer onEpoch) {
        try (RewardModelSession session = new RewardModelSession(config, data.dimension())) {
            session.trainEpochs(data, config.epochs(), onEpoch);
            return session.exportWeights();
        }
    }
}
