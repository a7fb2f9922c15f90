package io.plus.cli;

import io.plus.methods.catalog.MethodRegistry;
import io.plus.training.TrainConfig;
import picocli.CommandLine.Option;

/** Hyper-parameters shared by {@code train} and {@code train-run}. */
public class TrainingOptions {
    @Option(names = "--seed", defaultValue = "1", description = "Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--epochs", defaultValue = "20", description = "Reward-model epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--iterations", defaultValue = "" + MethodRegistry.PLUS_ITERATIONS,
            description = "Co-adaptation iterations for PLUS (default: ${DEFAULT-VALUE}).")
    int iterations;

    /** The training configuration these flags ask for; a clear error for impossible values. */
    TrainConfig config() {
        if (epochs < 1) {
            throw new IllegalArgumentException("--epochs must be at least 1, not " + epochs);
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("--iterations must be at least 1, not " + iterations);
        }
        return TrainConfig.defaults(seed).withEpochs(epochs);
    }
}
