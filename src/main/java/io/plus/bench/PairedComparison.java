package io.plus.bench;

import io.plus.data.Split;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One method against another on the same dataset, split and seeds: the accuracy difference seed by
 * seed, its mean and standard error, and whether the ordering stands out from seed noise. Seeds
 * share their data, so the paired difference cancels what a seed's split does to both methods. An
 * ordering is called only when the mean difference is at least twice its standard error and at
 * least half a point; anything else is within noise, and with one seed nothing is called.
 */
public record PairedComparison(String dataset, Split split, String method, String against, double meanPoints,
                               double standardErrorPoints, int seeds, Verdict verdict) {
    /** What the full bench may claim about the ordering. */
    public enum Verdict { ABOVE, BELOW, WITHIN_NOISE, ONE_SEED }

    static final double SMALLEST_CALLED_POINTS = 0.5;

    /** {@code method} against every other method that ran beside it (not its diagnostic variants). */
    public static List<PairedComparison> of(List<RunRecord> runs, String method) {
        Map<Group, Map<Long, Double>> accuracy = new LinkedHashMap<>();
        for (RunRecord run : runs) {
            if (!SvgChart.isDiagnostic(run.method())) {
                accuracy.computeIfAbsent(new Group(run.dataset(), run.metrics().split(), run.method()),
                        k -> new LinkedHashMap<>()).put(run.seed(), run.metrics().all().accuracy());
            }
        }
        List<PairedComparison> out = new ArrayList<>();
        accuracy.forEach((group, mine) -> {
            if (!group.method().equals(method)) {
                return;
            }
            accuracy.forEach((other, theirs) -> {
                if (other.dataset().equals(group.dataset()) && other.split() == group.split()
                        && !other.method().equals(method)) {
                    compare(group, other.method(), mine, theirs).ifPresent(out::add);
                }
            });
        });
        return out;
    }

    private record Group(String dataset, Split split, String method) {
    }

    private static Optional<PairedComparison> compare(Group group, String against, Map<Long, Double> mine,
                                                      Map<Long, Double> theirs) {
        List<Double> differences = new ArrayList<>();
        mine.forEach((seed, accuracy) -> {
            Double other = theirs.get(seed);
            if (other != null && !accuracy.isNaN() && !other.isNaN()) {
                differences.add(100 * (accuracy - other));
            }
        });
        if (differences.isEmpty()) {
            return Optional.empty();
        }
        int n = differences.size();
        double mean = differences.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double variance = n < 2 ? Double.NaN
                : differences.stream().mapToDouble(d -> (d - mean) * (d - mean)).sum() / (n - 1);
        double standardError = Math.sqrt(variance / n);
        Verdict verdict;
        if (n < 2) {
            verdict = Verdict.ONE_SEED;
        } else if (Math.abs(mean) >= SMALLEST_CALLED_POINTS && Math.abs(mean) >= 2 * standardError) {
            verdict = mean > 0 ? Verdict.ABOVE : Verdict.BELOW;
        } else {
            verdict = Verdict.WITHIN_NOISE;
        }
        return Optional.of(new PairedComparison(group.dataset(), group.split(), group.method(), against, mean,
                standardError, n, verdict));
    }
}
