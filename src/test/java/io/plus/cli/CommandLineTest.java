package io.plus.cli;

import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The packaged command line, run the way a user runs it. */
@QuarkusMainTest
class CommandLineTest {
    @TempDir
    Path tmp;

    @Test
    void everyCommandHasHelp(QuarkusMainLauncher launcher) {
        LaunchResult top = launcher.launch("--help");
        assertEquals(0, top.exitCode());
        for (String command : new String[] {"generate", "import", "train", "eval", "bench"}) {
            assertTrue(top.getOutput().contains(command), "top-level help lists " + command);
            LaunchResult help = launcher.launch(command, "--help");
            assertEquals(0, help.exitCode(), command + " --help");
            assertTrue(help.getOutput().contains("Usage: plus " + command), help.getOutput());
        }
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
}
