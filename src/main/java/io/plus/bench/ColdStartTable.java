package io.plus.bench;

import java.util.List;

/**
 * The cold-start curves as Markdown, one table per dataset: unseen users' accuracy by how many units
 * of context each has given, for every method that reads context and for the identification ceiling;
 * BTL and the Oracle read none, so their rows are the reference lines.
 */
public final class ColdStartTable {
    private ColdStartTable() {
    }

    public static String render(BenchResult result) {
        List<String> datasets = result.coldStart().stream().map(ColdStartRecord::dataset).distinct().toList();
        if (datasets.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("\nCold start: accuracy in % on the unseen users' test pairs, all / "
                + "controversial, when each user has given only their first k context units (pairs; queries for dsp); "
                + "the same users and pairs at every k, nothing retrained. Identification ceiling = the Oracle told the "
                + "seen users' hidden type (for mixtures: weighting) that makes those k units most probable.\n");
        for (String dataset : datasets) {
            BenchResult.Curves curves = result.coldStartCurves(dataset);
            List<BenchResult.CurveRow> rows = curves.points();
            List<String> lines = curves.lines();
            out.append("\n").append(dataset).append(" (").append(rows.get(0).users()).append(" unseen users)\n\n");
            out.append("| k | users with k | ").append(String.join(" | ", lines)).append(" |\n|---|---|")
                    .append("---|".repeat(lines.size())).append('\n');
            for (int k : rows.stream().map(BenchResult.CurveRow::k).distinct().toList()) {
                BenchResult.CurveRow any = rows.stream().filter(r -> r.k() == k).findFirst().orElseThrow();
                out.append("| ").append(k).append(" | ").append(any.usersWithK()).append('/').append(any.users());
                for (String line : lines) {
                    out.append(" | ").append(rows.stream().filter(r -> r.k() == k && r.method().equals(line)).findFirst()
                            .map(r -> MarkdownTable.percent(r.accuracyAll()) + " / "
                                    + MarkdownTable.percent(r.accuracyControversial()))
                            .orElse("—"));
                }
                out.append(" |\n");
            }
            appendNaming(out, rows, lines);
            for (String reference : BenchResult.CURVE_REFERENCES) {
                result.unseenUsersRow(dataset, reference).ifPresent(r -> out.append("\n").append(reference)
                        .append(" at every k: ").append(MarkdownTable.percent(r.accuracyAll())).append(" / ")
                        .append(MarkdownTable.percent(r.accuracyControversial())).append('.'));
            }
            out.append('\n');
        }
        return out.toString();
    }

    /**
     * How often each line's description (PLUS's summary, the ceiling's recognised type) names the unseen
     * users' preferences, where a generator defines them: what the context allows beside what is written.
     */
    private static void appendNaming(StringBuilder out, List<BenchResult.CurveRow> rows, List<String> lines) {
        List<String> judged = lines.stream()
                .filter(line -> rows.stream().anyMatch(r -> r.method().equals(line) && r.namesPreference().n() > 0))
                .toList();
        if (judged.isEmpty()) {
            return;
        }
        out.append("\nNames the preference (% of these users):\n\n| k | ").append(String.join(" | ", judged))
                .append(" |\n|---|").append("---|".repeat(judged.size())).append('\n');
        for (int k : rows.stream().map(BenchResult.CurveRow::k).distinct().toList()) {
            out.append("| ").append(k);
            for (String line : judged) {
                out.append(" | ").append(rows.stream().filter(r -> r.k() == k && r.method().equals(line)).findFirst()
                        .map(r -> MarkdownTable.percent(r.namesPreference())).orElse("—"));
            }
            out.append(" |\n");
        }
    }
}
