package io.plus.bench;

import io.plus.data.Split;
import io.plus.eval.Reliability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * Everything one benchmark run measured, and its mean ± std summary over seeds; {@code notes} say
 * what could not be measured and why (a dataset without hidden truth has no Oracle, for example).
 * {@code phaseSeconds}: generating and embedding are wall time; training and evaluating are summed over
 * the runs, {@code runsAtOnce} of which went side by side, so they may add up to more than {@code totalSeconds}.
 */
public record BenchResult(String encoderId, List<Long> seeds, List<RunRecord> runs, List<SummaryRecord> summaries,
                          List<ColdStartRecord> coldStart, Map<String, Double> phaseSeconds, double totalSeconds,
                          List<String> notes, int runsAtOnce) {

    /** Mean ± sample standard deviation of one metric over seeds for a (dataset, split, method). */
    public record Stat(double mean, double std, int n) {
        static Stat of(List<Double> values) {
            List<Double> finite = values.stream().filter(v -> !v.isNaN()).toList();
            if (finite.isEmpty()) {
                return new Stat(Double.NaN, Double.NaN, 0);
            }
            double mean = finite.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            double var = finite.size() < 2 ? 0 : finite.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum()
                    / (finite.size() - 1);
            return new Stat(mean, Math.sqrt(var), finite.size());
        }
    }

    /** A summary row: one dataset, split and method, aggregated over seeds (the reliability bins pooled). */
    public record Row(String dataset, Split split, String method, Stat accuracyAll, Stat accuracyControversial,
                      Stat nllAll, Stat eceAll, Stat bayesAll, Stat bayesControversial, int pairsAll,
                      int pairsControversial, Reliability reliability) {
    }

    public List<Row> summary() {
        Map<String, List<RunRecord>> groups = new LinkedHashMap<>();
        for (RunRecord run : runs) {
            groups.computeIfAbsent(run.dataset() + "\u0000" + run.metrics().split() + "\u0000" + run.method(),
                    k -> new ArrayList<>()).add(run);
        }
        List<Row> rows = new ArrayList<>();
        for (List<RunRecord> group : groups.values()) {
            RunRecord first = group.get(0);
            rows.add(new Row(first.dataset(), first.metrics().split(), first.method(),
                    stat(group, r -> r.metrics().all().accuracy()),
                    stat(group, r -> r.metrics().controversial().accuracy()),
                    stat(group, r -> r.metrics().all().nll()),
                    stat(group, r -> r.metrics().all().ece()),
                    stat(group, r -> r.metrics().all().bayesAccuracy()),
                    stat(group, r -> r.metrics().controversial().bayesAccuracy()),
                    first.metrics().all().count(), first.metrics().controversial().count(),
                    Reliability.pooled(group.stream().map(r -> r.metrics().all().reliability()).toList())));
        }
        return rows;
    }

    /**
     * One point of a cold-start curve over seeds: a dataset, a method (or the ceiling) and a context budget;
     * {@code namesPreference} over the seeds where it was judged (none: {@code n = 0}).
     */
    public record CurveRow(String dataset, String method, int k, Stat accuracyAll, Stat accuracyControversial,
                           int users, int usersWithK, Stat namesPreference) {
    }

    public List<CurveRow> coldStartSummary() {
        Map<String, List<ColdStartRecord>> groups = new LinkedHashMap<>();
        for (ColdStartRecord point : coldStart) {
            groups.computeIfAbsent(point.dataset() + "\u0000" + point.method() + "\u0000" + point.k(),
                    key -> new ArrayList<>()).add(point);
        }
        List<CurveRow> rows = new ArrayList<>();
        for (List<ColdStartRecord> group : groups.values()) {
            ColdStartRecord first = group.get(0);
            // the fewest over seeds: a user dealt out differently may have more context at one seed
            rows.add(new CurveRow(first.dataset(), first.method(), first.k(),
                    Stat.of(group.stream().map(p -> p.all().accuracy()).toList()),
                    Stat.of(group.stream().map(p -> p.controversial().accuracy()).toList()),
                    group.stream().mapToInt(ColdStartRecord::users).min().orElseThrow(),
                    group.stream().mapToInt(ColdStartRecord::usersWithK).min().orElseThrow(),
                    Stat.of(group.stream().map(ColdStartRecord::namesPreference).toList())));
        }
        return rows;
    }

    /** PLUS against every other method, paired over seeds (empty where PLUS did not run). */
    public List<PairedComparison> comparisons() {
        return PairedComparison.of(runs, ComparisonTable.METHOD);
    }

    /** Methods that read no context: flat reference lines beside the cold-start curves. */
    public static final List<String> CURVE_REFERENCES = List.of("BTL", "Oracle");

    /** A dataset's cold-start points, and its lines (methods, then the ceiling) in report order. */
    public record Curves(List<CurveRow> points, List<String> lines) {
    }

    public Curves coldStartCurves(String dataset) {
        List<CurveRow> points = coldStartSummary().stream().filter(r -> r.dataset().equals(dataset)).toList();
        List<String> lines = new ArrayList<>(points.stream().map(CurveRow::method).distinct()
                .filter(line -> !line.equals(ColdStartRecord.CEILING)).toList());
        if (points.stream().anyMatch(r -> r.method().equals(ColdStartRecord.CEILING))) {
            lines.add(ColdStartRecord.CEILING); // last, beside the Oracle it is measured with
        }
        return new Curves(points, lines);
    }

    /** The main table's unseen-users row of a method that reads no context, if it ran. */
    public Optional<Row> unseenUsersRow(String dataset, String method) {
        return summary().stream().filter(r -> r.dataset().equals(dataset) && r.method().equals(method)
                && r.split() == Split.TEST_UNSEEN_USERS && r.accuracyAll().n() > 0).findFirst();
    }

    private static Stat stat(List<RunRecord> group, ToDoubleFunction<RunRecord> metric) {
        return Stat.of(group.stream().map(r -> metric.applyAsDouble(r)).toList());
    }

}
