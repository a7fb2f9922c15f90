package io.plus.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A grouped bar chart of the benchmark, written as plain SVG (no plotting dependency): one group
 * per dataset and split, one bar per method with its std as an error bar; the upper panel shows
 * controversial pairs, the lower panel all pairs. Diagnostic rows (a method's summaries re-worded
 * or swapped) stay in the tables and are left out here.
 */
public final class SvgChart {
    static final String[] COLOURS = {"#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#b07aa1",
            "#9c755f", "#edc948", "#ff9da7", "#bab0ac"};
    /** Room under a panel for the rotated group labels. */
    private static final int LABEL_SPACE = 110;
    private static final int PANEL_HEIGHT = 260;
    private static final int LEFT = 60;
    private static final int BAR = 14;
    private static final int GROUP_GAP = 26;

    private SvgChart() {
    }

    public static String render(BenchResult result) {
        List<BenchResult.Row> rows = result.summary();
        Set<String> methods = new LinkedHashSet<>();
        Map<String, Map<String, BenchResult.Row>> groups = new LinkedHashMap<>();
        for (BenchResult.Row row : rows) {
            if (isDiagnostic(row.method())) {
                continue;
            }
            methods.add(row.method());
            groups.computeIfAbsent(row.dataset() + " · " + row.split().wireName().replace("test-", ""),
                    k -> new LinkedHashMap<>()).put(row.method(), row);
        }
        int groupWidth = methods.size() * BAR + GROUP_GAP;
        int width = LEFT + groups.size() * groupWidth + 160; // room for the last rotated label
        int height = 2 * (PANEL_HEIGHT + LABEL_SPACE) + 70;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"11\">%n", width, height));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
        panel(svg, groups, new ArrayList<>(methods), 30, "Accuracy on controversial pairs (%)", true);
        panel(svg, groups, new ArrayList<>(methods), 30 + PANEL_HEIGHT + LABEL_SPACE, "Accuracy on all pairs (%)", false);
        legend(svg, new ArrayList<>(methods), 2 * (PANEL_HEIGHT + LABEL_SPACE) + 40);
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static void panel(StringBuilder svg, Map<String, Map<String, BenchResult.Row>> groups, List<String> methods,
                              int top, String title, boolean controversial) {
        int plotHeight = PANEL_HEIGHT - 40;
        int bottom = top + 20 + plotHeight;
        int groupWidth = methods.size() * BAR + GROUP_GAP;
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"13\" font-weight=\"bold\">%s</text>%n",
                LEFT, top + 10, title));
        for (int tick = 0; tick <= 100; tick += 25) {
            double y = bottom - plotHeight * tick / 100.0;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%d</text>%n",
                    LEFT, LEFT + groups.size() * groupWidth, y, y, LEFT - 6, y + 4, tick));
        }
        int g = 0;
        for (Map.Entry<String, Map<String, BenchResult.Row>> group : groups.entrySet()) {
            int x0 = LEFT + g * groupWidth + GROUP_GAP / 2;
            for (int m = 0; m < methods.size(); m++) {
                BenchResult.Row row = group.getValue().get(methods.get(m));
                BenchResult.Stat stat = row == null ? null
                        : controversial ? row.accuracyControversial() : row.accuracyAll();
                if (stat == null || stat.n() == 0) {
                    continue;
                }
                double h = plotHeight * stat.mean();
                double x = x0 + m * BAR;
                svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" fill=\"%s\">"
                        + "<title>%s %s: %.1f ± %.1f</title></rect>%n", x, bottom - h, BAR - 2, h,
                        COLOURS[m % COLOURS.length], escape(group.getKey()), escape(methods.get(m)),
                        100 * stat.mean(), 100 * stat.std()));
                double errTop = bottom - plotHeight * Math.min(1, stat.mean() + stat.std());
                double errBottom = bottom - plotHeight * Math.max(0, stat.mean() - stat.std());
                double cx = x + (BAR - 2) / 2.0;
                svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"black\"/>%n",
                        cx, cx, errTop, errBottom));
            }
            double labelX = x0 + methods.size() * BAR / 2.0;
            svg.append(String.format(Locale.ROOT, "<text transform=\"translate(%.1f,%d) rotate(35)\">%s</text>%n",
                    labelX, bottom + 12, escape(group.getKey())));
            g++;
        }
    }

    private static void legend(StringBuilder svg, List<String> methods, int y) {
        int x = LEFT;
        for (int m = 0; m < methods.size(); m++) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"%d\">%s</text>%n", x, y, COLOURS[m % COLOURS.length], x + 16, y + 10,
                    escape(methods.get(m))));
            x += 30 + 7 * methods.get(m).length();
        }
    }

    /** Rows that are not a trained method's own: re-worded or swapped summaries, and the identification ceiling. */
    static boolean isDiagnostic(String method) {
        return method.endsWith(" reworded") || method.endsWith(" other type's summary")
                || method.equals(ColdStartRecord.CEILING);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
