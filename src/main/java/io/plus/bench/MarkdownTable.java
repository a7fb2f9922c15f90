package io.plus.bench;

import io.plus.eval.SummaryEvaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/** The benchmark summary as a Markdown table: mean ± std over seeds, in percent. */
public final class MarkdownTable {
    private MarkdownTable() {
    }

    public static String render(BenchResult result) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Encoder %s, seeds %s, %.0f s in all. Accuracy in %%, mean ± std over seeds; "
                + "\"controversial\" = pairs on which user types disagree; Bayes = best accuracy the labels allow; "
                + "ECE = expected calibration error of σ(margin), in points.%n%n",
                result.encoderId(), result.seeds(), result.totalSeconds()));
        for (String note : result.notes()) {
            out.append("Note: ").append(note).append(".\n");
        }
        if (!result.notes().isEmpty()) {
            out.append('\n');
        }
        out.append("| Dataset | Split | Method | Acc. controversial | Acc. all | NLL all | ECE all | Bayes contr. / all | Pairs contr. / all |\n");
        out.append("|---|---|---|---|---|---|---|---|---|\n");
        List<BenchResult.Row> rows = result.summary();
        for (BenchResult.Row row : rows) {
            out.append("| ").append(row.dataset())
                    .append(" | ").append(row.split().wireName())
                    .append(" | ").append(row.method())
                    .append(" | ").append(percent(row.accuracyControversial()))
                    .append(" | ").append(percent(row.accuracyAll()))
                    .append(" | ").append(plain(row.nllAll()))
                    .append(" | ").append(percent(row.eceAll()))
                    .append(" | ").append(bayes(row.bayesControversial())).append(" / ").append(bayes(row.bayesAll()))
                    .append(" | ").append(row.pairsControversial()).append(" / ").append(row.pairsAll())
                    .append(" |\n");
        }
        if (!result.summaries().isEmpty()) {
            out.append("\nSummaries written for test users (mean over seeds, where the generator defines what a hidden "
                    + "type implies; \"names preference\" = share of users whose summary states each preference of "
                    + "their type with weight ≥ 0.3 and nothing against any; \"precision\" = mean share of a "
                    + "summary's statements that the type implies):\n\n");
            out.append("| Dataset | Method | Words (mean / max) | Names preference | Precision | Example (hidden type → summary, seed ")
                    .append(result.summaries().get(0).seed()).append(") |\n|---|---|---|---|---|---|\n");
            Map<String, List<SummaryRecord>> groups = new LinkedHashMap<>();
            for (SummaryRecord record : result.summaries()) {
                groups.computeIfAbsent(record.dataset() + "\u0000" + record.method(), k -> new ArrayList<>()).add(record);
            }
            for (List<SummaryRecord> group : groups.values()) {
                SummaryRecord first = group.get(0);
                double words = group.stream().mapToDouble(r -> r.report().meanWords()).average().orElse(Double.NaN);
                double max = group.stream().mapToDouble(r -> r.report().maxWords()).max().orElse(Double.NaN);
                BenchResult.Stat named = BenchResult.Stat.of(group.stream().map(r -> r.report().namesPreferenceShare()).toList());
                BenchResult.Stat precise = BenchResult.Stat.of(group.stream().map(r -> r.report().statementPrecision()).toList());
                StringBuilder examples = new StringBuilder();
                for (SummaryEvaluation.Example example : first.report().examples()) {
                    examples.append(examples.length() == 0 ? "" : "<br>").append(example.type()).append(" → ")
                            .append(example.summary().replace("|", "\\|"));
                }
                out.append("| ").append(first.dataset()).append(" | ").append(first.method())
                        .append(String.format(Locale.ROOT, " | %.1f / %.0f | ", words, max))
                        .append(percent(named)).append(" | ").append(percent(precise)).append(" | ")
                        .append(examples).append(" |\n");
            }
        }
        out.append(ComparisonTable.render(result));
        out.append(CalibrationTable.render(result));
        out.append(ColdStartTable.render(result));
        out.append(TimingTable.render(result));
        return out.toString();
    }

    static String percent(BenchResult.Stat stat) {
        if (stat.n() == 0) {
            return "—";
        }
        return String.format(Locale.ROOT, "%.1f ± %.1f", 100 * stat.mean(), 100 * stat.std());
    }

    private static String plain(BenchResult.Stat stat) {
        return stat.n() == 0 ? "—" : String.format(Locale.ROOT, "%.3f", stat.mean());
    }

    private static String bayes(BenchResult.Stat stat) {
        return stat.n() == 0 ? "—" : String.format(Locale.ROOT, "%.1f", 100 * stat.mean());
    }
}
