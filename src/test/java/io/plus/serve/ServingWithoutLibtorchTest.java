package io.plus.serve;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The hot path must not need libtorch (430 MB, seconds to load): loading a bundle, writing a
 * summary and scoring run on plain Java arrays and ONNX Runtime. Checked in a fresh JVM, since
 * training tests in this one have loaded libtorch already.
 */
class ServingWithoutLibtorchTest {

    @Test
    void loadingSummarizingAndScoringNeverMapLibtorch() throws Exception {
        assumeTrue(Files.exists(Path.of("/proc/self/maps")), "needs Linux /proc to see mapped libraries");
        ServingTestResources.trainBundlesOnce();
        Path bundle = ServingTestResources.MODEL_STORE.resolve(ServingTestResources.PLUS_VERSION);
        Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ScorePathProbe.class.getName(), bundle.toString())
                .redirectErrorStream(true).start();
        String output = new String(probe.getInputStream().readAllBytes());
        assertTrue(probe.waitFor(120, TimeUnit.SECONDS), "probe did not finish: " + output);
        assertTrue(output.contains("ranking=[1, 0]"), "the probe scored with the PLUS bundle: " + output);
        assertEquals(0, probe.exitValue(), "libtorch was mapped on the serving path: " + output);
    }
}
