package io.plus.bench;

import io.plus.data.Split;
import io.plus.data.generate.PetsGenerator;
import io.plus.data.io.DatasetFormatException;
import io.plus.data.io.DatasetWriter;
import io.plus.encoder.EncoderSpec;
import io.plus.encoder.Encoders;
import io.plus.encoder.TextEncoder;
import io.plus.methods.catalog.MethodRegistry;
import io.plus.training.TrainConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code bench --data}: dataset folders a user brings, with and without hidden truth. */
class DatasetFolderBenchTest {
    @TempDir
    Path tmp;

    @Test
    void aFolderWithoutTruthIsBenchmarkedWithoutWhatNeedsTheTruthAndSaysSo() throws Exception {
        Path withTruth = tmp.resolve("pets-labelled");
        Path withoutTruth = tmp.resolve("pets-real");
        DatasetWriter.write(PetsGenerator.generate(PetsGenerator.Config.quick(4)), withTruth);
        Files.createDirectories(withoutTruth);
        Files.copy(withTruth.resolve("pairs.jsonl"), withoutTruth.resolve("pairs.jsonl"));

        BenchConfig config = new BenchConfig(List.of(DatasetFolder.read(withTruth), DatasetFolder.read(withoutTruth)),
                List.of("BTL", "PLUS", "Oracle"), List.of(1L), TrainConfig.defaults(1).withEpochs(5), tmp.resolve("out"));
        BenchResult result;
        try (TextEncoder encoder = Encoders.open(EncoderSpec.MINILM, Optional.empty())) {
            result = new BenchRunner(encoder, MethodRegistry.standard(encoder, 20)).run(config, Progress.silent());
        }

        assertEquals(List.of("pets-real: " + BenchRunner.NO_TRUTH), result.notes());
        assertTrue(find(result, "pets-labelled", "Oracle", Split.TEST_UNSEEN_USERS).isPresent());
        assertTrue(find(result, "pets-real", "Oracle", Split.TEST_UNSEEN_USERS).isEmpty(), "no Oracle without truth");
        assertTrue(find(result, "pets-real", "PLUS other type's summary", Split.TEST_UNSEEN_USERS).isEmpty());
        assertTrue(find(result, "pets-real", "PLUS reworded", Split.TEST_UNSEEN_USERS).isPresent());
        for (String method : List.of("BTL", "PLUS")) {
            List<Split> splits = result.summary().stream().filter(r -> r.method().equals(method))
                    .map(BenchResult.Row::split).distinct().toList();
            assertTrue(splits.containsAll(List.of(Split.TEST_SEEN_USERS, Split.TEST_UNSEEN_USERS)), splits.toString());
            for (Split split : splits) {
                BenchResult.Row labelled = find(result, "pets-labelled", method, split).orElseThrow();
                BenchResult.Row real = find(result, "pets-real", method, split).orElseThrow();
                assertTrue(labelled.accuracyControversial().n() == 1 && labelled.bayesAll().n() == 1, labelled.toString());
                assertEquals(0, real.accuracyControversial().n(), "no controversial split without truth: " + real);
                assertEquals(0, real.bayesAll().n(), "no Bayes ceiling without truth: " + real);
                // the truth file feeds the evaluator only: the methods learn and score exactly the same
                assertEquals(labelled.accuracyAll().mean(), real.accuracyAll().mean(), method + " " + split);
                assertEquals(labelled.nllAll().mean(), real.nllAll().mean(), method + " " + split);
                assertEquals(labelled.pairsAll(), real.pairsAll());
            }
        }
        SummaryRecord realSummaries = result.summaries().stream()
                .filter(s -> s.dataset().equals("pets-real")).findFirst().orElseThrow();
        assertEquals(0, realSummaries.report().judgedUsers(), "no hidden type to judge a summary against");
        assertFalse(realSummaries.report().examples().isEmpty());

        String markdown = Files.readString(BenchReport.write(result, config.outputDirectory()).markdown());
        assertTrue(markdown.contains("Note: pets-real: no hidden truth (truth.jsonl), so no Oracle"), markdown);
        assertTrue(markdown.matches("(?s).*\\| pets-real \\| test-unseen-users \\| PLUS \\| — \\| \\d+\\.\\d ± .*"), markdown);
    }

    @Test
    void aFolderThatCannotBeBenchmarkedIsRefusedBeforeAnythingTrains() throws Exception {
        Path trainOnly = Files.createDirectories(tmp.resolve("train-only"));
        Files.writeString(trainOnly.resolve("pairs.jsonl"), """
                {"kind":"pair","id":"p1","user":"u1","prompt":"q","chosen":"a","rejected":"b","split":"train"}
                """);
        DatasetFormatException noTests = assertThrows(DatasetFormatException.class, () -> DatasetFolder.read(trainOnly));
        assertTrue(noTests.getMessage().contains("no test pairs, so there is nothing to score"), noTests.getMessage());
        assertThrows(DatasetFormatException.class, () -> DatasetFolder.read(tmp.resolve("missing")));

        Path a = tmp.resolve("a").resolve("same");
        Path b = tmp.resolve("b").resolve("same");
        DatasetWriter.write(PetsGenerator.generate(PetsGenerator.Config.quick(1)), a);
        DatasetWriter.write(PetsGenerator.generate(PetsGenerator.Config.quick(2)), b);
        IllegalArgumentException clash = assertThrows(IllegalArgumentException.class, () -> new BenchConfig(
                List.of(DatasetFolder.read(a), DatasetFolder.read(b)), List.of("BTL"), List.of(1L),
                TrainConfig.defaults(1), tmp.resolve("out")));
        assertTrue(clash.getMessage().contains("two datasets are named 'same'"), clash.getMessage());
    }

    private static Optional<BenchResult.Row> find(BenchResult result, String dataset, String method, Split split) {
        return result.summary().stream()
                .filter(r -> r.dataset().equals(dataset) && r.method().equals(method) && r.split() == split)
                .findFirst();
    }
}
