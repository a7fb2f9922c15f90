package io.plus.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** PLUS against each other method, paired over seeds, as a Markdown table (one row per dataset and split). */
final class ComparisonTable {
    static final String METHOD = "PLUS";

    private ComparisonTable() {
    }

    static String render(BenchResult result) {
        List<PairedComparison> comparisons = result.comparisons();
        if (comparisons.isEmpty()) {
            return "";
        }
        List<String> others = comparisons.stream().map(PairedComparison::against).distinct().toList();
        Map<String, Map<String, PairedComparison>> rows = new LinkedHashMap<>();
        for (PairedComparison comparison : comparisons) {
            rows.computeIfAbsent(comparison.dataset() + " | " + comparison.split().wireName(), k -> new LinkedHashMap<>())
                    .put(comparison.against(), comparison);
        }
        StringBuilder out = new StringBuilder("\n" + METHOD + " against each method: the accuracy difference in points, "
                + "seed by seed on the same data, as mean ± standard error; \"above\" or \"below\" where it is at "
                + "least twice its standard error and half a point, \"≈\" where it is within seed noise (with one "
                + "seed no ordering is called):\n\n| Dataset | Split |");
        others.forEach(other -> out.append(" vs ").append(other).append(" |"));
        out.append("\n|---|---|").append("---|".repeat(others.size())).append('\n');
        rows.forEach((row, byOther) -> {
            out.append("| ").append(row).append(" |");
            for (String other : others) {
                PairedComparison comparison = byOther.get(other);
                out.append(' ').append(comparison == null ? "—" : cell(comparison)).append(" |");
            }
            out.append('\n');
        });
        return out.toString();
    }

    private static String cell(PairedComparison comparison) {
        String difference = String.format(Locale.ROOT, "%+.1f", comparison.meanPoints());
        String verdict = switch (comparison.verdict()) {
            case ONE_SEED -> null;
            case ABOVE -> "above";
            case BELOW -> "below";
            case WITHIN_NOISE -> "≈";
        };
        return verdict == null ? difference
                : String.format(Locale.ROOT, "%s ± %.1f %s", difference, comparison.standardErrorPoints(), verdict);
    }
}
