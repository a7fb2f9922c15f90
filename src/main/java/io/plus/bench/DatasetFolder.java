package io.plus.bench;

import io.plus.data.Dataset;
import io.plus.data.Split;
import io.plus.data.io.DatasetFormatException;
import io.plus.data.io.DatasetReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A dataset folder a user brings to the benchmark ({@code plus import}'s output, or written by hand).
 * It is read and checked once, before anything trains, so a bad folder fails the run at once. Its
 * splits are its own: every seed sees the same pairs, and seeds vary only the training.
 */
public final class DatasetFolder implements DatasetSource {
    private final String name;
    private final Dataset dataset;

    private DatasetFolder(String name, Dataset dataset) {
        this.name = name;
        this.dataset = dataset;
    }

    /** Reads the folder (with {@code truth.jsonl} when it has one) and checks it can be benchmarked. */
    public static DatasetFolder read(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new DatasetFormatException(folder + ": not a dataset folder (expected a folder holding pairs.jsonl)");
        }
        Path normalised = folder.toAbsolutePath().normalize();
        String name = normalised.getFileName() == null ? "data" : normalised.getFileName().toString();
        Dataset dataset = DatasetReader.read(folder, name);
        if (dataset.pairs(Split.TRAIN).isEmpty()) {
            throw new DatasetFormatException(folder + ": no pairs with split \"train\", so there is nothing to learn from");
        }
        if (dataset.pairs().stream().noneMatch(p -> p.split().isTest())) {
            throw new DatasetFormatException(folder + ": no test pairs, so there is nothing to score (give some pairs split "
                    + Arrays.stream(Split.values()).filter(Split::isTest).map(s -> "\"" + s.wireName() + "\"").toList()
                    + ")");
        }
        return new DatasetFolder(name, dataset);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Dataset load(long seed) {
        return dataset;
    }
}
