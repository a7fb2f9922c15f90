package io.plus.methods;

import io.plus.data.Dataset;
import io.plus.training.TrainConfig;

import java.util.function.IntConsumer;

/** A way of learning a (possibly personalised) reward model from a dataset's training pairs. */
public interface RewardMethod {
    String name();

    /** Trains on the dataset's TRAIN pairs; {@code onEpoch} is told each finished epoch. */
    FittedModel fit(Dataset dataset, EmbeddingTable embeddings, TrainConfig config, IntConsumer onEpoch);

    /** Whether it needs the hidden ground truth to run at all (the Oracle); such a method skips data without it. */
    default boolean readsGroundTruth() {
        return false;
    }
}
