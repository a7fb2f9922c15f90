package io.plus.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plus.encoder.EncoderSpec;
import io.plus.encoder.Encoders;
import io.plus.encoder.TextEncoder;
import io.plus.methods.catalog.MethodRegistry;
import io.plus.training.TrainConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The same seed gives the same bench, to the last bit, for every method: only the timings may differ. */
class BenchReproducibilityTest {
    @TempDir
    Path tmp;

    @Test
    void runningTheSameSmallBenchTwiceWritesTheSameResults() throws Exception {
        JsonNode first = resultsWithoutTimings(run(tmp.resolve("first")));
        JsonNode second = resultsWithoutTimings(run(tmp.resolve("second")));
        assertTrue(first.get("runs").size() >= 2 * 6 * 2, "every method on both datasets: " + first.get("runs").size());
        assertTrue(first.get("coldStartRuns").size() > 0);
        assertEquals(first, second);
    }

    private static Path run(Path out) throws Exception {
        BenchConfig config = new BenchConfig(List.of(DatasetCatalog.source("pets-ood", true, Optional.empty()),
                DatasetCatalog.source("attributes", true, Optional.empty())),
                List.of("BTL", "ICL", "VPL", "PLUS-untrained", "PLUS", "Oracle"), List.of(3L),
                TrainConfig.defaults(1).withEpochs(4), out);
        try (TextEncoder encoder = Encoders.open(EncoderSpec.MINILM, Optional.empty())) {
            BenchResult result = new BenchRunner(encoder, MethodRegistry.standard(encoder, 12)).run(config, Progress.silent());
            return BenchReport.write(result, out).json();
        }
    }

    private static JsonNode resultsWithoutTimings(Path json) throws Exception {
        ObjectNode document = (ObjectNode) new ObjectMapper().readTree(json.toFile());
        document.remove(List.of("totalSeconds", "phaseSeconds"));
        for (JsonNode run : document.get("runs")) {
            ((ObjectNode) run).remove("trainSeconds");
        }
        return document;
    }
}
