package io.plus.bench;

import io.plus.training.TrainConfig;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a benchmark run does: which datasets and methods, how many seeds, where results go, and how
 * many runs (one method on one dataset and seed) train at once, each on one thread.
 */
public record BenchConfig(List<DatasetSource> datasets, List<String> methods, List<Long> seeds,
                          TrainConfig training, Path outputDirectory, int runsAtOnce) {
    /** One run at a time. */
    public BenchConfig(List<DatasetSource> datasets, List<String> methods, List<Long> seeds, TrainConfig training,
                       Path outputDirectory) {
        this(datasets, methods, seeds, training, outputDirectory, 1);
    }

    public BenchConfig {
        if (runsAtOnce < 1) {
            throw new IllegalArgumentException("runs at once must be at least 1, got " + runsAtOnce);
        }
        datasets = List.copyOf(datasets);
        methods = List.copyOf(methods);
        seeds = List.copyOf(seeds);
        if (datasets.isEmpty() || methods.isEmpty() || seeds.isEmpty()) {
            throw new IllegalArgumentException("a benchmark needs datasets, methods and seeds");
        }
        Set<String> names = new HashSet<>();
        for (DatasetSource source : datasets) {
            if (!names.add(source.name())) {
                throw new IllegalArgumentException("two datasets are named '" + source.name()
                        + "': results are reported by name, so each needs its own (rename a folder)");
            }
        }
    }
}
