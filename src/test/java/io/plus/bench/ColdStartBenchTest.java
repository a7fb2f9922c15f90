package io.plus.bench;

import io.plus.data.Split;
import io.plus.encoder.EncoderSpec;
import io.plus.encoder.Encoders;
import io.plus.encoder.TextEncoder;
import io.plus.eval.ColdStartCurve;
import io.plus.methods.catalog.MethodRegistry;
import io.plus.training.TrainConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cold-start curve on quick pets: unseen users' accuracy by context budget, beside the main table. */
class ColdStartBenchTest {
    @TempDir
    static Path out;

    static BenchResult result;

    @BeforeAll
    static void runSmallBench() throws Exception {
        BenchConfig config = new BenchConfig(List.of(DatasetCatalog.source("pets", true, Optional.empty())),
                List.of("BTL", "ICL", "PLUS", "Oracle"), List.of(2L), TrainConfig.defaults(1).withEpochs(6), out);
        try (TextEncoder encoder = Encoders.open(EncoderSpec.MINILM, Optional.empty())) {
            result = new BenchRunner(encoder, MethodRegistry.standard(encoder, 30)).run(config, Progress.silent());
        }
    }

    @Test
    void everyContextMethodAndTheCeilingHaveAPointAtEveryBudgetOnTheSameUsers() {
        for (String line : List.of("ICL", "PLUS", ColdStartRecord.CEILING)) {
            List<BenchResult.CurveRow> curve = curve(line);
            assertEquals(ColdStartCurve.BUDGETS, curve.stream().map(BenchResult.CurveRow::k).toList(), line);
            for (BenchResult.CurveRow point : curve) {
                assertEquals(point.users(), point.usersWithK(), "every unseen user has 8 context pairs: " + point);
                assertEquals(20, point.users(), "quick pets has 10 unseen users per type");
            }
        }
        assertTrue(curve("BTL").isEmpty() && curve("Oracle").isEmpty(), "methods that read no context have no curve");
        int testPairs = mainRow("BTL").pairsAll();
        assertTrue(result.coldStart().stream().allMatch(p -> p.all().count() == testPairs),
                "the same test pairs at every budget");
    }

    @Test
    void atTheTablesBudgetTheCurveIsTheMainTablesUnseenUsersRow() {
        // the main tables read each unseen user's first 3 context pairs: the same model reading the same context
        for (String method : List.of("ICL", "PLUS")) {
            BenchResult.CurveRow atThree = curve(method).stream().filter(p -> p.k() == DatasetCatalog.TABLE_CONTEXT)
                    .findFirst().orElseThrow();
            assertEquals(mainRow(method).accuracyAll().mean(), atThree.accuracyAll().mean(), method);
            assertEquals(mainRow(method).accuracyControversial().mean(), atThree.accuracyControversial().mean(), method);
        }
    }

    @Test
    void theMainTableHasTheCeilingOnEveryTestSplitAndOnUnseenUsersItIsTheCurveAtTheTablesBudget() {
        for (Split split : List.of(Split.TEST_SEEN_USERS, Split.TEST_UNSEEN_USERS)) {
            assertTrue(result.summary().stream().anyMatch(r -> r.method().equals(ColdStartRecord.CEILING)
                    && r.split() == split), split.wireName());
        }
        BenchResult.CurveRow atThree = curve(ColdStartRecord.CEILING).stream()
                .filter(p -> p.k() == DatasetCatalog.TABLE_CONTEXT).findFirst().orElseThrow();
        assertEquals(mainRow(ColdStartRecord.CEILING).accuracyAll().mean(), atThree.accuracyAll().mean());
        assertTrue(result.comparisons().stream().noneMatch(c -> c.against().equals(ColdStartRecord.CEILING)),
                "a reference row, not a method PLUS is ranked against");
    }

    @Test
    void withEightNoiseFreePairsTheTypeIsKnownSoTheCeilingIsTheOracle() {
        BenchResult.CurveRow ceiling = curve(ColdStartRecord.CEILING).get(ColdStartCurve.BUDGETS.size() - 1);
        assertEquals(mainRow("Oracle").accuracyAll().mean(), ceiling.accuracyAll().mean(), 1e-12);
        for (BenchResult.CurveRow point : curve(ColdStartRecord.CEILING)) {
            assertTrue(point.accuracyAll().mean() <= mainRow("Oracle").accuracyAll().mean() + 1e-12,
                    "knowing the recognised type is never better than knowing the true one here: " + point);
        }
    }

    @Test
    void theSummariesAndTheRecognisedTypesAreJudgedAtEveryBudgetAndOnlyThey() {
        for (String line : List.of("PLUS", ColdStartRecord.CEILING)) {
            assertTrue(curve(line).stream().allMatch(p -> p.namesPreference().n() == 1), line + ": judged at every k");
        }
        assertTrue(curve("ICL").stream().allMatch(p -> p.namesPreference().n() == 0), "ICL writes nothing to judge");
        // eight noise-free pairs tell a pets user's type (the ceiling equals the Oracle there, above)
        assertEquals(1.0, curve(ColdStartRecord.CEILING).get(ColdStartCurve.BUDGETS.size() - 1).namesPreference().mean());
    }

    @Test
    void theReportHasTheCurveTableAndAChartPerDataset() throws Exception {
        BenchReport.Written written = BenchReport.write(result, out);
        String markdown = Files.readString(written.markdown());
        assertTrue(markdown.contains("| k | users with k | ICL | PLUS | identification ceiling |"), markdown);
        assertTrue(markdown.matches("(?s).*\\| 8 \\| 20/20 \\| \\d+\\.\\d ± \\d+\\.\\d / \\d+\\.\\d ± .*"), markdown);
        assertTrue(markdown.contains("BTL at every k: "), markdown);
        assertTrue(markdown.contains("Names the preference (% of these users):\n\n| k | PLUS | identification ceiling |"),
                markdown);
        assertTrue(markdown.contains("\n| 8 | "), markdown);
        assertEquals(List.of(out.resolve("coldstart-pets.svg")), written.coldStartCharts());
        String svg = Files.readString(written.coldStartCharts().get(0));
        assertTrue(svg.startsWith("<svg") && svg.contains("<polyline") && svg.contains("Oracle (no context)"), svg);
        assertTrue(Files.readString(written.json()).contains("\"coldStart\""));
    }

    private static List<BenchResult.CurveRow> curve(String line) {
        return result.coldStartSummary().stream().filter(r -> r.method().equals(line)).toList();
    }

    private static BenchResult.Row mainRow(String method) {
        return result.summary().stream().filter(r -> r.method().equals(method) && r.split() == Split.TEST_UNSEEN_USERS)
                .findFirst().orElseThrow();
    }
}
