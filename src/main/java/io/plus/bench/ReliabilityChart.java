package io.plus.bench;

import io.plus.data.Split;
import io.plus.eval.Reliability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One dataset's reliability diagrams as plain SVG, a panel per test split: for each method, the
 * accuracy of its predictions against their confidence (pairs of all seeds pooled), beside the
 * diagonal a calibrated model follows. Bins holding fewer than {@link #MIN_PAIRS} pairs are left out:
 * their accuracy is mostly noise. Diagnostic rows (summaries re-worded or swapped) are left out too.
 */
public final class ReliabilityChart {
    static final int MIN_PAIRS = 10;
    private static final int LEFT = 50;
    private static final int TOP = 50;
    private static final int SIZE = 220;
    private static final int GAP = 60;

    private ReliabilityChart() {
    }

    /** The chart, or empty text when the dataset has no rows. */
    public static String render(BenchResult result, String dataset) {
        Map<Split, List<BenchResult.Row>> panels = new LinkedHashMap<>();
        List<String> methods = new ArrayList<>();
        for (BenchResult.Row row : result.summary()) {
            if (!row.dataset().equals(dataset) || SvgChart.isDiagnostic(row.method())) {
                continue;
            }
            panels.computeIfAbsent(row.split(), split -> new ArrayList<>()).add(row);
            if (!methods.contains(row.method())) {
                methods.add(row.method());
            }
        }
        if (panels.isEmpty()) {
            return "";
        }
        int width = LEFT + panels.size() * (SIZE + GAP) + 130;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"11\">%n", width, TOP + SIZE + 60));
        svg.append(String.format(Locale.ROOT, "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n"
                + "<text x=\"%d\" y=\"20\" font-size=\"13\" font-weight=\"bold\">%s: accuracy against confidence "
                + "max(p, 1 − p), all seeds; calibrated = on the diagonal</text>%n", LEFT, SvgChart.escape(dataset)));
        int panel = 0;
        for (Map.Entry<Split, List<BenchResult.Row>> entry : panels.entrySet()) {
            int x0 = LEFT + panel++ * (SIZE + GAP);
            axes(svg, x0, entry.getKey().wireName());
            for (BenchResult.Row row : entry.getValue()) {
                line(svg, x0, row, SvgChart.COLOURS[methods.indexOf(row.method()) % SvgChart.COLOURS.length]);
            }
        }
        int legendX = LEFT + panels.size() * (SIZE + GAP) - GAP / 2;
        for (int m = 0; m < methods.size(); m++) {
            int y = TOP + 18 * m;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"%s\" "
                    + "stroke-width=\"2\"/><text x=\"%d\" y=\"%d\">%s</text>%n", legendX, legendX + 24, y, y,
                    SvgChart.COLOURS[m % SvgChart.COLOURS.length], legendX + 30, y + 4, SvgChart.escape(methods.get(m))));
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static void axes(StringBuilder svg, int x0, String title) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-weight=\"bold\">%s</text>%n", x0, TOP - 8,
                SvgChart.escape(title)));
        for (int tick = 50; tick <= 100; tick += 10) {
            double x = x(x0, tick / 100.0);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#eee\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>%n", x, x, TOP, TOP + SIZE, x,
                    TOP + SIZE + 14, tick));
        }
        for (int tick = 0; tick <= 100; tick += 25) {
            double y = y(tick / 100.0);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#eee\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%d</text>%n", x0, x0 + SIZE, y, y, x0 - 4, y + 4,
                    tick));
        }
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#888\" "
                + "stroke-dasharray=\"4,3\"/>%n", x(x0, 0.5), x(x0, 1), y(0.5), y(1)));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">confidence (%%)</text>%n",
                x0 + SIZE / 2, TOP + SIZE + 30));
    }

    private static void line(StringBuilder svg, int x0, BenchResult.Row row, String stroke) {
        StringBuilder points = new StringBuilder();
        for (Reliability.Bin bin : row.reliability().bins()) {
            if (bin.count() < MIN_PAIRS) {
                continue;
            }
            double x = x(x0, bin.meanConfidence());
            double y = y(bin.accuracy());
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%s\"><title>%s: "
                    + "%d pairs, confidence %.1f%%, accuracy %.1f%%</title></circle>%n", x, y, stroke,
                    SvgChart.escape(row.method()), bin.count(), 100 * bin.meanConfidence(), 100 * bin.accuracy()));
        }
        if (points.length() > 0) {
            svg.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" "
                    + "stroke-width=\"1.5\"/>%n", points.toString().trim(), stroke));
        }
    }

    private static double x(int x0, double confidence) {
        return x0 + SIZE * (confidence - 0.5) / 0.5;
    }

    private static double y(double accuracy) {
        return TOP + SIZE * (1 - accuracy);
    }
}
