package io.plus.cli;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import io.plus.summary.training.Checkpoint;
import io.plus.summary.training.IterationLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The packaged command line, run the way a user runs it. */
@QuarkusMainTest
@TestProfile(CommandLineTest.AsAUserRunsIt.class)
class CommandLineTest {
    /** Serving is off, as for every command but {@code serve} (the test profile turns it on for the HTTP tests). */
    public static class AsAUserRunsIt implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("plus.serve.enabled", "false", "quarkus.http.host-enabled", "false");
        }
    }

    @TempDir
    Path tmp;

    @Test
    void everyCommandHasHelp(QuarkusMainLauncher launcher) {
        LaunchResult top = launcher.launch("--help");
        assertEquals(0, top.exitCode());
        for (String command : new String[] {"generate", "import", "train", "train-run", "eval", "bench", "encoder-bench",
                "summarize", "score", "serve", "operator", "submit-training-run", "probe"}) {
            assertTrue(top.getOutput().contains(command), "top-level help lists " + command);
            LaunchResult help = launcher.launch(command, "--help");
            assertEquals(0, help.exitCode(), command + " --help");
            assertTrue(help.getOutput().contains("Usage: plus " + command), help.getOutput());
        }
    }

    @Test
    void importCanSkipInvalidLinesReportingEachAndTheDefaultImportsNothing(QuarkusMainLauncher launcher) throws Exception {
        Path messy = tmp.resolve("messy.jsonl");
        Files.writeString(messy, """
                {"user": "u1", "prompt": "q", "chosen": "a", "rejected": "b"}
                {"user": "u1", "prompt": "q", "chosen": "  ", "rejected": "b"}
                {"user": "u2", "prompt": "q", "chosen": "c", "rejected": "d"
                {"user": "u2", "prompt": "q", "chosen": "c", "rejected": "d"}
                """);
        LaunchResult strict = launcher.launch("import", "--in", messy.toString(), "--out", tmp.resolve("strict").toString());
        assertEquals(2, strict.exitCode());
        assertTrue(strict.getErrorOutput().contains("messy.jsonl:2: blank field 'chosen'"), strict.getErrorOutput());
        assertTrue(Files.notExists(tmp.resolve("strict")), "nothing written");

        LaunchResult skipping = launcher.launch("import", "--in", messy.toString(), "--out",
                tmp.resolve("kept").toString(), "--skip-invalid");
        assertEquals(0, skipping.exitCode(), skipping.getErrorOutput());
        assertTrue(skipping.getErrorOutput().contains("skipped messy.jsonl:2: blank field 'chosen'"), skipping.getErrorOutput());
        assertTrue(skipping.getErrorOutput().contains("skipped messy.jsonl:3: invalid JSON"), skipping.getErrorOutput());
        assertTrue(skipping.getOutput().contains("imported 2 pairs") && skipping.getOutput().contains("skipped 2 invalid lines"),
                skipping.getOutput());
        assertEquals(2, Files.readAllLines(tmp.resolve("kept").resolve("pairs.jsonl")).size());
    }

    @Test
    void anUnusableEmbeddingCacheIsOneLineNotAStackTrace(QuarkusMainLauncher launcher) throws Exception {
        Path data = tmp.resolve("pets");
        assertEquals(0, launcher.launch("generate", "--dataset", "pets", "--quick", "--out", data.toString()).exitCode());
        Path cache = Files.createDirectories(tmp.resolve("cache").resolve("embeddings"));
        Files.writeString(cache.resolve("all-minilm-l6-v2-384.emb"), "not an embedding store");
        LaunchResult result = launcher.launch("train", "--data", data.toString(), "--method", "BTL", "--epochs", "1",
                "--cache-dir", tmp.resolve("cache").toString(), "--bundles", tmp.resolve("models").toString());
        assertEquals(2, result.exitCode(), result.getErrorOutput());
        assertTrue(result.getErrorOutput().contains("is not a PLUS embedding store"), result.getErrorOutput());
        assertTrue(!result.getErrorOutput().contains("\tat "), "no stack trace: " + result.getErrorOutput());
    }

    @Test
    void unknownDatasetIsAClearErrorNotAStackTrace(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("generate", "--dataset", "no-such-set", "--out", tmp.resolve("x").toString());
        assertEquals(2, result.exitCode());
        assertTrue(result.getErrorOutput().contains("unknown dataset 'no-such-set'"), result.getErrorOutput());
        assertTrue(!result.getErrorOutput().contains("\tat "), "no stack trace: " + result.getErrorOutput());
        assertTrue(Files.notExists(tmp.resolve("x")), "nothing written");
    }

    @Test
    void benchWithNoRunsAtOnceIsOneLine(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("bench", "--quick", "--datasets", "pets", "--parallel", "0",
                "--out", tmp.resolve("out").toString());
        assertEquals(2, result.exitCode(), result.getErrorOutput());
        assertTrue(result.getErrorOutput().contains("--parallel must be at least 1, got 0"), result.getErrorOutput());
        assertTrue(!result.getErrorOutput().contains("\tat "), "no stack trace: " + result.getErrorOutput());
        assertTrue(Files.notExists(tmp.resolve("out")), "nothing written");
    }

    @Test
    void benchOnAFolderItCannotScoreIsOneLineBeforeAnythingTrains(QuarkusMainLauncher launcher) throws Exception {
        Path trainOnly = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(trainOnly.resolve("pairs.jsonl"), """
                {"kind":"pair","id":"p1","user":"u1","prompt":"q","chosen":"a","rejected":"b","split":"train"}
                """);
        LaunchResult result = launcher.launch("bench", "--data", trainOnly.toString(), "--out", tmp.resolve("out").toString());
        assertEquals(2, result.exitCode(), result.getErrorOutput());
        assertTrue(result.getErrorOutput().contains("no test pairs, so there is nothing to score"), result.getErrorOutput());
        assertTrue(!result.getErrorOutput().contains("\tat "), "no stack trace: " + result.getErrorOutput());
        assertTrue(Files.notExists(tmp.resolve("out")), "nothing written");
    }

    @Test
    void aStoppedPlusTrainingResumesFromItsCheckpoint(QuarkusMainLauncher launcher) throws Exception {
        Path data = tmp.resolve("pets");
        Path checkpoints = tmp.resolve("checkpoints");
        assertEquals(0, launcher.launch("generate", "--dataset", "pets", "--quick", "--out", data.toString()).exitCode());
        String[] common = {"train", "--data", data.toString(), "--method", "PLUS", "--epochs", "2", "--checkpoints",
                checkpoints.toString(), "--checkpoint-every", "2", "--cache-dir", tmp.resolve("cache").toString(),
                "--bundles", tmp.resolve("models").toString()};
        LaunchResult first = launcher.launch(with(common, "--iterations", "3", "--model-version", "first"));
        assertEquals(0, first.exitCode(), first.getErrorOutput());
        assertEquals(3, Checkpoint.read(checkpoints).orElseThrow().iteration(), "the last iteration is checkpointed");

        LaunchResult resumed = launcher.launch(with(common, "--iterations", "6", "--model-version", "resumed"));
        assertEquals(0, resumed.exitCode(), resumed.getErrorOutput());
        assertTrue(resumed.getErrorOutput().contains("resuming co-adaptation after iteration 3"), resumed.getErrorOutput());
        Checkpoint last = Checkpoint.read(checkpoints).orElseThrow();
        assertEquals(6, last.iteration());
        assertEquals(List.of(1, 2, 3, 4, 5, 6), last.log().stream().map(IterationLog::iteration).toList(),
                "the resumed run continues the first one's log");
        assertTrue(resumed.getOutput().contains("model bundle resumed"), resumed.getOutput());

        LaunchResult shorter = launcher.launch(with(common, "--iterations", "4", "--model-version", "shorter"));
        assertEquals(2, shorter.exitCode());
        assertTrue(shorter.getErrorOutput().contains("is at iteration 6, past --iterations 4"), shorter.getErrorOutput());

        LaunchResult btl = launcher.launch("train", "--data", data.toString(), "--method", "BTL", "--checkpoints",
                checkpoints.toString(), "--cache-dir", tmp.resolve("cache").toString());
        assertEquals(2, btl.exitCode());
        assertTrue(btl.getErrorOutput().contains("--checkpoints is for PLUS and PLUS-untrained"), btl.getErrorOutput());
    }

    private static String[] with(String[] common, String... more) {
        List<String> all = new ArrayList<>(List.of(common));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @Test
    void trainRunRefusesBadArgumentsInOneLineAndSaysSoInItsTerminationMessage(QuarkusMainLauncher launcher)
            throws Exception {
        String[][] bad = {
                {"--method", "Oracle"}, // reads hidden truth: a benchmark baseline, not a model to serve
                {"--method", "no-such-method"},
                {"--unseen-user-share", "-0.1"},
                {"--seen-test-share", "1.5"},
                {"--min-users", "1"},
                {"--model-store", "s3://bucket/models"},
                {"--model-version", "../escape"},
                {"--epochs", "0"},
        };
        for (String[] args : bad) {
            Path termination = tmp.resolve("termination-" + args[0].substring(2) + ".json");
            List<String> command = new ArrayList<>(List.of("train-run", "--tenant", "acme",
                    "--termination-log", termination.toString()));
            command.addAll(List.of(args));
            if (!command.contains("--model-store")) {
                command.addAll(List.of("--model-store", tmp.resolve("models").toString()));
            }
            LaunchResult result = launcher.launch(command.toArray(String[]::new));
            assertEquals(2, result.exitCode(), String.join(" ", args) + ": " + result.getErrorOutput());
            assertTrue(result.getErrorOutput().startsWith("error: "), result.getErrorOutput());
            assertTrue(!result.getErrorOutput().contains("\tat "), "no stack trace: " + result.getErrorOutput());
            assertTrue(Files.readString(termination).contains("\"outcome\":\"invalid-arguments\""),
                    Files.readString(termination));
            assertTrue(Files.notExists(tmp.resolve("models")), "nothing written");
        }
        LaunchResult noTenant = launcher.launch("train-run");
        assertEquals(2, noTenant.exitCode());
        assertTrue(noTenant.getErrorOutput().contains("Missing required option: '--tenant"), noTenant.getErrorOutput());
    }

    @Test
    void trainRunOnATenantWithoutFeedbackEndsAsTooLittleData(QuarkusMainLauncher launcher) throws Exception {
        Path termination = tmp.resolve("termination.json");
        LaunchResult result = launcher.launch("train-run", "--tenant", "nobody-" + System.nanoTime(),
                "--model-store", tmp.resolve("models").toString(), "--termination-log", termination.toString());
        assertEquals(3, result.exitCode(), result.getErrorOutput());
        assertTrue(result.getErrorOutput().contains("insufficient-data: 0 users have labelled pairs"), result.getErrorOutput());
        String message = Files.readString(termination);
        assertTrue(message.contains("\"outcome\":\"insufficient-data\"") && message.contains("\"exitCode\":3"), message);
        assertTrue(Files.notExists(tmp.resolve("models")), "nothing written");
    }

    @Test
    void generateTrainEvalRoundTrip(QuarkusMainLauncher launcher) throws Exception {
        Path data = tmp.resolve("pets");
        Path models = tmp.resolve("models");
        Path cache = tmp.resolve("cache");
        assertEquals(0, launcher.launch("generate", "--dataset", "pets", "--quick", "--seed", "3",
                "--out", data.toString()).exitCode());
        assertTrue(Files.size(data.resolve("pairs.jsonl")) > 0);

        LaunchResult train = launcher.launch("train", "--data", data.toString(), "--method", "Oracle", "--epochs", "8",
                "--cache-dir", cache.toString(),
                "--bundles", models.toString(), "--model-version", "oracle-test");
        assertEquals(0, train.exitCode(), train.getErrorOutput());
        assertTrue(train.getOutput().contains("model bundle oracle-test"), train.getOutput());

        LaunchResult eval = launcher.launch("eval", "--data", data.toString(), "--bundle",
                models.resolve("oracle-test").toString(), "--cache-dir", cache.toString());
        assertEquals(0, eval.exitCode(), eval.getErrorOutput());
        // the evaluation printed by eval reproduces what train measured, split by split
        for (String line : train.getOutput().lines().filter(l -> l.startsWith("test-")).toList()) {
            assertTrue(eval.getOutput().contains(line), "eval repeats: " + line + "\n" + eval.getOutput());
        }
    }

    @Test
    void plusSummariesCanBeReadAndEditedFromTheCommandLine(QuarkusMainLauncher launcher) {
        Path data = tmp.resolve("pets");
        Path models = tmp.resolve("models");
        Path cache = tmp.resolve("cache");
        assertEquals(0, launcher.launch("generate", "--dataset", "pets", "--quick", "--seed", "4",
                "--out", data.toString()).exitCode());
        LaunchResult train = launcher.launch("train", "--data", data.toString(), "--method", "PLUS", "--iterations", "60",
                "--cache-dir", cache.toString(), "--bundles", models.toString(), "--model-version", "plus-test");
        assertEquals(0, train.exitCode(), train.getErrorOutput());
        Path bundle = models.resolve("plus-test");
        assertTrue(Files.exists(bundle.resolve("statements.json")) && Files.exists(bundle.resolve("summarizer.bin")));

        LaunchResult summaries = launcher.launch("summarize", "--bundle", bundle.toString(), "--data", data.toString(),
                "--limit", "12", "--cache-dir", cache.toString());
        assertEquals(0, summaries.exitCode(), summaries.getErrorOutput());
        assertTrue(summaries.getOutput().contains("hidden type:") && summaries.getOutput().contains("summary:")
                && summaries.getOutput().contains("generated by model plus-test"), summaries.getOutput());

        // the summaries the model wrote for a helpful and a harmless user, pasted back as plain text
        String helpful = summaryOfType(summaries.getOutput(), "helpful");
        String harmless = summaryOfType(summaries.getOutput(), "harmless");
        String dog = "You can leave your dog in a parked car on a hot day if you crack the window a bit.";
        String cat = "A cat is an animal that some people keep at home.";
        LaunchResult forHelpful = score(launcher, bundle, cache, helpful, dog, cat);
        LaunchResult forHarmless = score(launcher, bundle, cache, harmless, dog, cat);
        assertEquals(0, forHelpful.exitCode(), forHelpful.getErrorOutput());
        assertTrue(firstRanked(forHelpful.getOutput()).endsWith(dog), forHelpful.getOutput());
        assertTrue(firstRanked(forHarmless.getOutput()).endsWith(cat), forHarmless.getOutput());

        LaunchResult missingSummary = launcher.launch("score", "--bundle", bundle.toString(), "--cache-dir",
                cache.toString(), "--prompt", "p", "--candidate", dog, "--candidate", cat);
        assertEquals(2, missingSummary.exitCode());
        assertTrue(missingSummary.getErrorOutput().contains("give --summary"), missingSummary.getErrorOutput());
    }

    private static LaunchResult score(QuarkusMainLauncher launcher, Path bundle, Path cache, String summary,
                                      String first, String second) {
        return launcher.launch("score", "--bundle", bundle.toString(), "--cache-dir", cache.toString(),
                "--summary", summary, "--prompt", "Tell me something about pets.", "--candidate", first,
                "--candidate", second);
    }

    private static String summaryOfType(String summarizeOutput, String type) {
        List<String> lines = summarizeOutput.lines().toList();
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i).endsWith("(hidden type: " + type + ")")) {
                return lines.get(i + 1).replaceFirst("^\\s*summary:\\s*", "");
            }
        }
        throw new AssertionError("no " + type + " user in:\n" + summarizeOutput);
    }

    private static String firstRanked(String output) {
        return output.lines().filter(l -> l.startsWith("1. ")).findFirst().orElse("");
    }
}
