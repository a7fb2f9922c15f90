package io.plus.bench;

import io.plus.data.Split;
import io.plus.eval.PairMetrics;
import io.plus.eval.Reliability;
import io.plus.eval.SplitMetrics;
import io.plus.training.Calibration;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PairedComparisonTest {
    @Test
    void aConsistentGapIsCalledAndOneThatChangesSignIsWithinNoise() {
        List<RunRecord> runs = plusBtlAndIclOverThreeSeeds();
        // an Oracle 10 points above on every seed
        add(runs, "Oracle", Map.of(1L, 0.90, 2L, 0.80, 3L, 1.00));
        add(runs, "PLUS reworded", Map.of(1L, 0.10, 2L, 0.10, 3L, 0.10));

        Map<String, PairedComparison> byOther = new java.util.HashMap<>();
        PairedComparison.of(runs, "PLUS").forEach(c -> byOther.put(c.against(), c));

        assertEquals(java.util.Set.of("BTL", "ICL", "Oracle"), byOther.keySet(), "diagnostic variants are not compared");
        assertEquals(PairedComparison.Verdict.ABOVE, byOther.get("BTL").verdict());
        assertEquals(5.0, byOther.get("BTL").meanPoints(), 1e-9);
        assertEquals(0.0, byOther.get("BTL").standardErrorPoints(), 1e-9);
        assertEquals(PairedComparison.Verdict.WITHIN_NOISE, byOther.get("ICL").verdict());
        assertEquals(PairedComparison.Verdict.BELOW, byOther.get("Oracle").verdict());
        assertEquals(3, byOther.get("Oracle").seeds());
    }

    @Test
    void aGapSmallerThanTwoStandardErrorsIsNotCalled() {
        List<RunRecord> runs = new ArrayList<>();
        // differences +4, -1, +3: mean 2, standard error 1.53, so 2 < 2 × 1.53
        add(runs, "PLUS", Map.of(1L, 0.84, 2L, 0.79, 3L, 0.83));
        add(runs, "VPL", Map.of(1L, 0.80, 2L, 0.80, 3L, 0.80));
        PairedComparison comparison = PairedComparison.of(runs, "PLUS").get(0);
        assertEquals(2.0, comparison.meanPoints(), 1e-9);
        assertEquals(Math.sqrt(7.0 / 3), comparison.standardErrorPoints(), 1e-9);
        assertEquals(PairedComparison.Verdict.WITHIN_NOISE, comparison.verdict());
    }

    @Test
    void oneSeedShowsTheDifferenceButCallsNoOrdering() {
        List<RunRecord> runs = new ArrayList<>();
        add(runs, "PLUS", Map.of(1L, 0.70));
        add(runs, "BTL", Map.of(1L, 0.60));
        PairedComparison comparison = PairedComparison.of(runs, "PLUS").get(0);
        assertEquals(PairedComparison.Verdict.ONE_SEED, comparison.verdict());
        assertEquals(10.0, comparison.meanPoints(), 1e-9);

        String table = ComparisonTable.render(result(runs));
        assertTrue(table.contains("| attributes | test-seen-users | +10.0 |"), table);
        assertFalse(table.contains(" above |"), table);
    }

    @Test
    void theTableSaysWhichOrderingsStandOut() {
        List<RunRecord> runs = plusBtlAndIclOverThreeSeeds();
        String table = ComparisonTable.render(result(runs));
        assertTrue(table.contains("| Dataset | Split | vs BTL | vs ICL |"), table);
        assertTrue(table.contains("| attributes | test-seen-users | +5.0 ± 0.0 above | +0.2 ± 0.6 ≈ |"), table);
        assertEquals("", ComparisonTable.render(result(runs.stream().filter(r -> !r.method().equals("PLUS")).toList())),
                "without PLUS there is nothing to compare");
    }

    private static List<RunRecord> plusBtlAndIclOverThreeSeeds() {
        List<RunRecord> runs = new ArrayList<>();
        // seed by seed: PLUS 80, 70, 90; BTL 5 points below on every seed, although the seeds spread by 20
        add(runs, "PLUS", Map.of(1L, 0.80, 2L, 0.70, 3L, 0.90));
        add(runs, "BTL", Map.of(1L, 0.75, 2L, 0.65, 3L, 0.85));
        // ICL one point above, one below, half a point above: a mean of +0.17 is noise
        add(runs, "ICL", Map.of(1L, 0.79, 2L, 0.71, 3L, 0.895));
        return runs;
    }

    private static void add(List<RunRecord> runs, String method, Map<Long, Double> accuracyBySeed) {
        new java.util.TreeMap<>(accuracyBySeed).forEach((seed, accuracy) -> {
            PairMetrics metrics = new PairMetrics(100, accuracy, 0.5, 0.0, Double.NaN, Reliability.of(new double[0]));
            runs.add(new RunRecord("attributes", method, seed, new SplitMetrics(Split.TEST_SEEN_USERS, metrics, metrics),
                    0, Calibration.NONE));
        });
    }

    private static BenchResult result(List<RunRecord> runs) {
        return new BenchResult("encoder", List.of(1L), runs, List.of(), List.of(), Map.of(), 0, List.of(), 1);
    }
}
