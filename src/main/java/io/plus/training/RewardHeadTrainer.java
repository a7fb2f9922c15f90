package io.plus.training;

import io.plus.model.MlpWeights;

import java.util.Arrays;
import java.util.Random;
import java.util.function.IntConsumer;

/**
 * Trains a reward head from scratch on a fixed set of labelled pairs and returns its weights.
 * A share of the pairs is held out for validation and the weights of the epoch with the lowest
 * validation loss are kept (early stopping), since small heads over frozen embeddings overfit
 * small datasets within a few epochs; training ends when {@link EarlyStopping} says so.
 */
public final class RewardHeadTrainer {
    /** Hold out this share of the training pairs for choosing the epoch... */
    static final double VALIDATION_SHARE = 0.1;
    /** ...when there are at least this many of them. */
    public static final int MIN_VALIDATION_PAIRS = 30;

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
        Random random = new Random(config.seed() ^ 0x5DEECE66DL);
        boolean[] heldOut = validationRows(groups, random);
        int validationSize = 0;
        for (boolean h : heldOut) {
            validationSize += h ? 1 : 0;
        }
        try (RewardModelSession session = new RewardModelSession(config, data.dimension())) {
            if (validationSize < MIN_VALIDATION_PAIRS) {
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

    /** Marks the rows of a random {@link #VALIDATION_SHARE} of the groups (or of the rows, with few groups). */
    public static boolean[] validationRows(int[] groups, Random random) {
        int[] distinct = Arrays.stream(groups).distinct().sorted().toArray();
        boolean[] heldOut = new boolean[groups.length];
        if (distinct.length < 10) {
            int[] order = Shuffle.permutation(groups.length, random);
            for (int i = 0; i < (int) (groups.length * VALIDATION_SHARE); i++) {
                heldOut[order[i]] = true;
            }
            return heldOut;
        }
        int[] order = Shuffle.permutation(distinct.length, random);
        java.util.Set<Integer> chosen = new java.util.HashSet<>();
        for (int i = 0; i < Math.max(1, (int) (distinct.length * VALIDATION_SHARE)); i++) {
            chosen.add(distinct[order[i]]);
        }
        for (int i = 0; i < groups.length; i++) {
            heldOut[i] = chosen.contains(groups[i]);
        }
        return heldOut;
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
