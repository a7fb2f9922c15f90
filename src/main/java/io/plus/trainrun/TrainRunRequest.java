package io.plus.trainrun;

import io.plus.training.TrainConfig;

import java.nio.file.Path;
import java.util.List;

/**
 * One training run: whose feedback, which method with which hyper-parameters, how the snapshot is
 * split, how much data is enough, and where the bundle goes. {@code trainingRun} names the
 * Kubernetes TrainingRun that started it (null when run by hand); a retried Job finds its own bundle.
 */
public record TrainRunRequest(List<String> tenants, String method, int iterations, TrainConfig config,
                              SplitPolicy split, int minUsers, int minPairs, Path modelStore, String modelVersion,
                              String trainingRun) {
    public TrainRunRequest {
        tenants = List.copyOf(tenants);
        if (tenants.isEmpty()) {
            throw new IllegalArgumentException("name at least one tenant");
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be at least 1, not " + iterations);
        }
        if (minUsers < 2) {
            throw new IllegalArgumentException("the minimum number of users must be at least 2 (one to train on, "
                    + "one held out), not " + minUsers);
        }
        if (minPairs < 1) {
            throw new IllegalArgumentException("the minimum number of pairs must be at least 1, not " + minPairs);
        }
    }
}
