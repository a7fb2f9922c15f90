package io.plus.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plus.data.Dataset;
import io.plus.data.generate.AttributesGenerator;
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
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same seed gives the same bench, to the last bit, for every method: only the timings may differ.
 * Both runs share one process, so this catches state carried from run to run (a generator, a cache, an
 * engine's random state). The second run has garbage collections going on all the time, so it also
 * catches native memory that a collection frees while libtorch still reads it (a run's result then
 * depends on when the collector ran). It also runs its 6 methods 3 at a time, where the first ran them one
 * by one: runs side by side share libtorch's one random generator and the embedding cache, and must not
 * change each other's results. Whether a busy machine changes results is what
 * src/load/run-busy-machine-bench.sh compares, across processes.
 */
class BenchReproducibilityTest {
    /** Smaller than the quick set: 8 seen and 4 unseen users, each unseen one with 8 context pairs. */
    private static final DatasetSource SMALL_ATTRIBUTES = new DatasetSource() {
        @Override
        public String name() {
            return "attributes";
        }

        @Override
        public Dataset load(long seed) {
            return AttributesGenerator.generate(new AttributesGenerator.Config(seed, AttributesGenerator.Variant.SINGLE,
                    8, 4, 320, 80, 3, 2).withUnseenContextPairs(8));
        }
    };

    @TempDir
    Path tmp;

    @Test
    void runningTheSameSmallBenchTwiceWritesTheSameResults() throws Exception {
        JsonNode first = resultsWithoutTimings(run(tmp.resolve("first"), 1));
        JsonNode second;
        try (CollectorPressure ignored = CollectorPressure.start()) {
            second = resultsWithoutTimings(run(tmp.resolve("second"), 3)); // and 3 runs at once, on 2 cores here
        }
        // 6 methods, PLUS's and PLUS-untrained's two variants (reworded, another type's summary) and the
        // identification ceiling, on 3 test splits
        assertEquals((6 + 2 + 2 + 1) * 3, first.get("runs").size(), first.get("runs").toString());
        // ICL, VPL, PLUS-untrained, PLUS and the identification ceiling at 5 budgets
        assertEquals(5 * 5, first.get("coldStartRuns").size());
        assertEquals(first, second);
    }

    /** A thread that asks for a garbage collection every few milliseconds until closed. */
    private static final class CollectorPressure implements AutoCloseable {
        private final Thread thread;

        private CollectorPressure(Thread thread) {
            this.thread = thread;
        }

        static CollectorPressure start() {
            Thread thread = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    System.gc();
                    LockSupport.parkNanos(5_000_000);
                }
            }, "collector-pressure");
            thread.setDaemon(true);
            thread.start();
            return new CollectorPressure(thread);
        }

        @Override
        public void close() throws InterruptedException {
            thread.interrupt();
            thread.join();
        }
    }

    private static Path run(Path out, int runsAtOnce) throws Exception {
        BenchConfig config = new BenchConfig(List.of(SMALL_ATTRIBUTES),
                List.of("BTL", "ICL", "VPL", "PLUS-untrained", "PLUS", "Oracle"), List.of(3L),
                TrainConfig.defaults(1).withEpochs(4), out, runsAtOnce);
        try (TextEncoder encoder = Encoders.open(EncoderSpec.MINILM, Optional.empty())) {
            BenchResult result = new BenchRunner(encoder, MethodRegistry.standard(encoder, 12)).run(config, Progress.silent());
            return BenchReport.write(result, out).json();
        }
    }

    private static JsonNode resultsWithoutTimings(Path json) throws Exception {
        ObjectNode document = (ObjectNode) new ObjectMapper().readTree(json.toFile());
        document.remove(List.of("totalSeconds", "phaseSeconds", "runsAtOnce"));
        for (JsonNode run : document.get("runs")) {
            ((ObjectNode) run).remove("trainSeconds");
        }
        return document;
    }
}
