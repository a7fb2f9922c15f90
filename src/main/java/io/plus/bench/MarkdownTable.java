package io.plus.bench;

import java.util.List;
import java.util.Locale;

/** The benchmark summary as a Markdown table: mean ± std over seeds, in percent. */
public final class MarkdownTable {
    private MarkdownTable() {
    }

    public static String render(BenchResult result) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Encoder %s, seeds %s, %.0f s in all. Accuracy in %%, mean ± std over seeds; "
                + "\"controversial\" = pairs on which user types disagree; Bayes = best accuracy the labels allow.%n%n",
                result.encoderId(), result.seeds(), result.totalSeconds()));
        out.append("| Dataset | Split | Method | Acc. controversial | Acc. all | NLL all | Bayes contr. / all | Pairs contr. / all |\n");
        out.append("|---|---|---|---|---|---|---|---|\n");
        List<BenchResult.Row> rows = result.summary();
        for (BenchResult.Row row : rows) {
            out.append("| ").append(row.dataset())
                    .append(" | ").append(row.split().wireName())
                    .append(" | ").append(row.method())
                    .append(" | ").append(percent(row.accuracyControversial()))
                    .append(" | ").append(percent(row.accuracyAll()))
                    .append(" | ").append(plain(row.nllAll()))
                    .append(" | ").append(bayes(row.bayesControversial())).append(" / ").append(bayes(row.bayesAll()))
                    .append(" | ").append(row.pairsControversial()).append(" / ").append(row.pairsAll())
                    .append(" |\n");
        }
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
