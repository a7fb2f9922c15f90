package io.plus.training;

import io.plus.model.MlpWeights;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * Trains a reward head from scratch on a fixed set of labelled pairs and returns its weights.
 * The pairs {@link ValidationSplit} picks are held out and the weights of the epoch with the lowest
 * validation loss are kept (early stopping), since small heads over frozen embeddings overfit
 * small datasets within a few epochs; training ends when {@link EarlyStopping} says so.
 */
public final class RewardHeadTrainer {
    private final TrainConfig config;

    public RewardHeadTrainer(TrainConfig config) {
        this.config = config;
    }

    public MlpWeights train(LabelledFeatures data) {
        return train(data, epoch -> { });
    }

    public MlpWeights train(LabelledFeatures data, IntConsumer onEpoch) {
        int[] rowsAsGroups = new int[data.size()];
        Arrays.setAll(rowsAsGroups, i -> i);
        return train(data, rowsAsGroups, onEpoch);
    }

    /**
     * Trains and reports each finished epoch to {@code onEpoch}. Rows with the same {@code groups}
     * value (e.g. the same prompt, whose responses recur across pairs) stay on the same side of the
     * validation split, so validation measures generalisation rather than recall.
     */
    public MlpWeights train(LabelledFeatures data, int[] groups, IntConsumer onEpoch) {
        return train(data, ValidationSplit.heldOut(groups, config.seed()), onEpoch);
    }

    /** Trains on the rows not {@code heldOut}; the held-out rows choose the epoch (all false: no early stopping). */
    public MlpWeights train(LabelledFeatures data, boolean[] heldOut, IntConsumer onEpoch) {
        if (heldOut.length != data.size()) {
            throw new IllegalArgumentException(heldOut.length + " held-out flags for " + data.size() + " rows");
        }
        try (RewardModelSession session = new RewardModelSession(config, data.dimension())) {
            if (indices(heldOut, true).length == 0) {
                session.trainEpochs(data, config.epochs(), onEpoch);
                return session.exportWeights();
            }
            LabelledFeatures validation = rows(data, indices(heldOut, true));
            LabelledFeatures fit = rows(data, indices(heldOut, false));
            MlpWeights best = null;
            EarlyStopping stopping = new EarlyStopping();
            for (int epoch = 1; epoch <= config.epochs() && !stopping.shouldStop(); epoch++) {
                session.trainEpochs(fit, 1, done -> { });
                if (stopping.isBest(session.meanLoss(validation))) {
                    best = session.exportWeights();
                }
                onEpoch.accept(epoch);
            }
            return best;
        }
    }

    private static int[] indices(boolean[] flags, boolean value) {
        return java.util.stream.IntStream.range(0, flags.length).filter(i -> flags[i] == value).toArray();
    }

    static LabelledFeatures rows(LabelledFeatures data, int[] indices) {
        int d = data.dimension();
        float[] chosen = new float[indices.length * d];
        float[] rejected = new float[indices.length * d];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(data.chosen(), indices[i] * d, chosen, i * d, d);
            System.arraycopy(data.rejected(), indices[i] * d, rejected, i * d, d);
        }
        return new LabelledFeatures(d, indices.length, chosen, rejected);
    }
}
