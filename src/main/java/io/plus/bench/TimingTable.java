package io.plus.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a benchmark's time went, as Markdown: seconds per phase, and each method's training time
 * per dataset (median over seeds), so a slow method or dataset shows at a glance.
 */
public final class TimingTable {
    private TimingTable() {
    }

    public static String render(BenchResult result) {
        StringBuilder out = new StringBuilder("\nTime: ");
        List<String> phases = new ArrayList<>();
        result.phaseSeconds().forEach((phase, seconds) -> phases.add(String.format(Locale.ROOT, "%s %.0f s", phase, seconds)));
        boolean sideBySide = result.runsAtOnce() > 1;
        String summed = sideBySide ? " (training and evaluation summed over runs, " + result.runsAtOnce() + " at once)" : "";
        String shared = sideBySide ? "; runs side by side share the cores, so time one with --parallel 1" : "";
        out.append(String.join(", ", phases)).append(String.format(Locale.ROOT, "; %.0f s in all%s. "
                + "Training seconds per run (median over seeds%s):%n%n", result.totalSeconds(), summed, shared));

        // dataset -> method -> seed -> seconds; a run's time is repeated on each of its splits
        Map<String, Map<String, Map<Long, Double>>> seconds = new LinkedHashMap<>();
        List<String> methods = new ArrayList<>();
        for (RunRecord run : result.runs()) {
            if (run.trainSeconds() <= 0) {
                continue; // variants evaluated on a trained model (reworded, swapped) train nothing
            }
            if (!methods.contains(run.method())) {
                methods.add(run.method());
            }
            seconds.computeIfAbsent(run.dataset(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(run.method(), k -> new TreeMap<>())
                    .putIfAbsent(run.seed(), run.trainSeconds());
        }
        out.append("| Dataset | ").append(String.join(" | ", methods)).append(" |\n|---|");
        out.append("---|".repeat(methods.size())).append('\n');
        seconds.forEach((dataset, byMethod) -> {
            out.append("| ").append(dataset);
            for (String method : methods) {
                Map<Long, Double> bySeed = byMethod.get(method);
                out.append(" | ").append(bySeed == null ? "—" : String.format(Locale.ROOT, "%.1f", median(bySeed.values())));
            }
            out.append(" |\n");
        });
        return out.toString();
    }

    static double median(java.util.Collection<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
