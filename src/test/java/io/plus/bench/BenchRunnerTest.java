package io.plus.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plus.data.Split;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A small end-to-end benchmark: real generators, real encoder, real training, real reports. */
class BenchRunnerTest {
    @TempDir
    Path out;

    @Test
    void oracleSeparatesPetsUserTypesThatBtlCannotAndReportsAreWritten() throws Exception {
        BenchConfig config = new BenchConfig(List.of(DatasetCatalog.source("pets", true, Optional.empty())),
                List.of("BTL", "VPL", "PLUS", "Oracle"), List.of(1L), TrainConfig.defaults(1).withEpochs(10), out);
        BenchResult result;
        try (TextEncoder encoder = Encoders.open(EncoderSpec.MINILM, Optional.empty())) {
            result = new BenchRunner(encoder, MethodRegistry.standard(encoder, 60)).run(config, Progress.silent());
        }
        BenchResult.Row oracle = row(result, "Oracle", Split.TEST_UNSEEN_USERS);
        BenchResult.Row btl = row(result, "BTL", Split.TEST_UNSEEN_USERS);
        // the controversial pairs flip between the two user types: one shared model is near chance
        assertTrue(oracle.accuracyControversial().mean() >= 0.95, "Oracle " + oracle);
        assertTrue(btl.accuracyControversial().mean() <= 0.7, "BTL " + btl);
        // agreed pairs are easy for both, so BTL's accuracy on all pairs is well above its controversial one
        assertTrue(btl.accuracyAll().mean() > btl.accuracyControversial().mean() + 0.1, "BTL " + btl);
        assertEquals(1.0, oracle.bayesControversial().mean(), 1e-9, "pets labels are noise-free");
        // VPL's latent, read from a new user's context pairs, tells the two types apart
        BenchResult.Row vpl = row(result, "VPL", Split.TEST_UNSEEN_USERS);
        assertTrue(vpl.accuracyControversial().mean() >= 0.9, "VPL " + vpl);

        BenchResult.Row plus = row(result, "PLUS", Split.TEST_UNSEEN_USERS);
        BenchResult.Row swapped = row(result, "PLUS other type's summary", Split.TEST_UNSEEN_USERS);
        row(result, "PLUS reworded", Split.TEST_UNSEEN_USERS);
        assertTrue(plus.accuracyControversial().mean() >= 0.9, "PLUS " + plus);
        // the summary is what personalises: another type's summary makes the model wrong where types disagree
        assertTrue(swapped.accuracyControversial().mean() <= 0.3, "swapped " + swapped);
        SummaryRecord summaries = result.summaries().get(0);
        assertEquals("PLUS", summaries.method());
        assertTrue(summaries.report().meanWords() > 0 && summaries.report().maxWords() <= 50, summaries.report().toString());
        // every test user of pets is judged: the summary names their pet, and a share of its statements is implied
        assertTrue(summaries.report().judgedUsers() > 0, summaries.report().toString());
        assertTrue(summaries.report().namesPreferenceShare() >= 0.9, summaries.report().toString());
        double precision = summaries.report().statementPrecision();
        assertTrue(precision > 0 && precision <= 1, summaries.report().toString());

        BenchReport.Written written = BenchReport.write(result, out);
        String markdown = Files.readString(written.markdown());
        assertTrue(markdown.contains("| pets | test-unseen-users | Oracle |"), markdown);
        assertTrue(markdown.contains("| pets | PLUS | "), "summary table: " + markdown);
        assertTrue(markdown.contains("| Names preference | Precision |"), "summary table: " + markdown);
        assertTrue(markdown.contains("| Dataset | BTL | VPL | PLUS | Oracle |"), "timing table: " + markdown);
        assertTrue(markdown.matches("(?s).*\\| pets \\| \\d+\\.\\d \\| \\d+\\.\\d \\| \\d+\\.\\d \\| \\d+\\.\\d \\|\n.*"),
                "a training time per method: " + markdown);
        JsonNode json = new ObjectMapper().readTree(written.json().toFile());
        assertEquals(result.summary().size(), json.get("summary").size());
        String svg = Files.readString(written.chart());
        assertTrue(svg.startsWith("<svg") && svg.contains("Oracle") && svg.contains("<rect"), "SVG chart");

        // every method's rewards were temperature-scaled on pairs it held out, and the report says by how much
        for (RunRecord run : result.runs()) {
            assertTrue(run.calibration().fitted() && run.calibration().scale() > 0, run.method() + " " + run.calibration());
            assertTrue(run.calibration().nllAfter() <= run.calibration().nllBefore(), run.method() + " " + run.calibration());
            assertTrue(run.metrics().all().ece() >= 0 && run.metrics().all().ece() <= 0.5, run.toString());
        }
        assertTrue(markdown.contains("| ECE all |") && markdown.contains("Reward calibration"), markdown);
        assertTrue(markdown.matches("(?s).*\\| pets \\| PLUS \\| \\d+\\.\\d\\d \\| \\d+ \\| .*"), "PLUS's factor: " + markdown);
        assertEquals(List.of(out.resolve("reliability-pets.svg")), written.reliabilityCharts());
        String reliability = Files.readString(written.reliabilityCharts().get(0));
        for (String method : List.of("BTL", "VPL", "PLUS", "Oracle")) {
            assertTrue(reliability.contains(">" + method + "</text>"), method + " in the legend: " + reliability);
        }
        assertTrue(reliability.contains("<polyline") && !reliability.contains("reworded"), reliability);
    }

    private static BenchResult.Row row(BenchResult result, String method, Split split) {
        return result.summary().stream()
                .filter(r -> r.method().equals(method) && r.split() == split)
                .findFirst().orElseThrow(() -> new AssertionError("no row for " + method + " " + split));
    }
}
