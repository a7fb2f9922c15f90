package io.plus.bench;

import io.plus.data.Split;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cold-start curves as Markdown, one table per dataset: unseen users' accuracy by how many units
 * of context each has given, for every method that reads context and for the identification ceiling;
 * BTL and the Oracle read none, so their rows are the reference lines.
 */
public final class ColdStartTable {
    /** Methods whose accuracy does not depend on context: shown as flat reference lines. */
    private static final List<String> REFERENCES = List.of("BTL", "Oracle");

    private ColdStartTable() {
    }

    public static String render(BenchResult result) {
        Map<String, List<BenchResult.CurveRow>> byDataset = new LinkedHashMap<>();
        for (BenchResult.CurveRow row : result.coldStartSummary()) {
            byDataset.computeIfAbsent(row.dataset(), d -> new ArrayList<>()).add(row);
        }
        if (byDataset.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("\nCold start: accuracy in % on the unseen users' test pairs, all / "
                + "controversial, when each user has given only their first k context units (pairs; queries for dsp); "
                + "the same users and pairs at every k, nothing retrained. Identification ceiling = the Oracle told the "
                + "type that a recogniser knowing every type's reward model finds most probable from those k units.\n");
        byDataset.forEach((dataset, rows) -> {
            List<String> lines = new ArrayList<>();
            List<Integer> budgets = new ArrayList<>();
            for (BenchResult.CurveRow row : rows) {
                if (!lines.contains(row.method())) {
                    lines.add(row.method());
                }
                if (!budgets.contains(row.k())) {
                    budgets.add(row.k());
                }
            }
            lines.remove(ColdStartRecord.CEILING);
            lines.add(ColdStartRecord.CEILING); // last, beside the Oracle it is measured with
            lines.removeIf(line -> rows.stream().noneMatch(r -> r.method().equals(line)));
            out.append("\n").append(dataset).append(" (").append(rows.get(0).users()).append(" unseen users)\n\n");
            out.append("| k | users with k | ").append(String.join(" | ", lines)).append(" |\n|---|---|")
                    .append("---|".repeat(lines.size())).append('\n');
            for (int k : budgets) {
                Optional<BenchResult.CurveRow> any = rows.stream().filter(r -> r.k() == k).findFirst();
                out.append("| ").append(k).append(" | ").append(any.map(r -> r.usersWithK() + "/" + r.users()).orElse("—"));
                for (String line : lines) {
                    out.append(" | ").append(rows.stream().filter(r -> r.k() == k && r.method().equals(line)).findFirst()
                            .map(r -> MarkdownTable.percent(r.accuracyAll()) + " / "
                                    + MarkdownTable.percent(r.accuracyControversial()))
                            .orElse("—"));
                }
                out.append(" |\n");
            }
            for (String reference : REFERENCES) {
                result.summary().stream().filter(r -> r.dataset().equals(dataset) && r.method().equals(reference)
                                && r.split() == Split.TEST_UNSEEN_USERS).findFirst()
                        .ifPresent(r -> out.append("\n").append(reference).append(" at every k: ")
                                .append(MarkdownTable.percent(r.accuracyAll())).append(" / ")
                                .append(MarkdownTable.percent(r.accuracyControversial())).append('.'));
            }
            out.append('\n');
        });
        return out.toString();
    }
}
