package io.plus.data.io;

import io.plus.data.Dataset;
import io.plus.data.GroundTruth;
import io.plus.data.PairTruth;
import io.plus.data.PreferencePair;
import io.plus.data.UserTruth;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;

/**
 * Writes a dataset directory: {@code pairs.jsonl} (pairs in dataset order, then context items in
 * dataset order) and, when there is ground truth, {@code truth.jsonl} (users by id, then pair
 * truths in pair order). The same dataset always gives the same bytes.
 */
public final class DatasetWriter {
    private DatasetWriter() {
    }

    public static void write(Dataset dataset, Path dir) throws IOException {
        Files.createDirectories(dir);
        try (BufferedWriter out = Files.newBufferedWriter(dir.resolve(DatasetJson.PAIRS_FILE), StandardCharsets.UTF_8)) {
            for (PreferencePair p : dataset.pairs()) {
                out.write(DatasetJson.pairLine(p));
                out.write('\n');
            }
            for (var c : dataset.contextItems()) {
                out.write(DatasetJson.contextLine(c));
                out.write('\n');
            }
        }
        Path truthFile = dir.resolve(DatasetJson.TRUTH_FILE);
        GroundTruth truth = dataset.truth() == null ? GroundTruth.NONE : dataset.truth();
        if (truth.users().isEmpty() && truth.pairs().isEmpty()) {
            Files.deleteIfExists(truthFile); // a stale truth file would be read back as this dataset's
            return;
        }
        try (BufferedWriter out = Files.newBufferedWriter(truthFile, StandardCharsets.UTF_8)) {
            for (UserTruth u : truth.users().values().stream()
                    .sorted(Comparator.comparing(UserTruth::user)).toList()) {
                out.write(DatasetJson.userTruthLine(u));
                out.write('\n');
            }
            Set<String> written = new HashSet<>();
            for (PreferencePair p : dataset.pairs()) {
                PairTruth t = truth.pairs().get(p.id());
                if (t != null && written.add(p.id())) {
                    out.write(DatasetJson.pairTruthLine(t));
                    out.write('\n');
                }
            }
            for (PairTruth t : truth.pairs().values().stream()
                    .filter(t -> !written.contains(t.pairId()))
                    .sorted(Comparator.comparing(PairTruth::pairId)).toList()) {
                out.write(DatasetJson.pairTruthLine(t));
                out.write('\n');
            }
        }
    }
}
