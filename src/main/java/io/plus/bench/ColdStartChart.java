package io.plus.bench;

import java.util.List;
import java.util.Locale;

/**
 * One dataset's cold-start curves as plain SVG: unseen users' accuracy on all pairs against the
 * context budget k (to scale), a line per method that reads context, the identification ceiling
 * dotted, BTL and the Oracle as dashed flat lines.
 */
public final class ColdStartChart {
    private static final int LEFT = 60;
    private static final int TOP = 40;
    private static final int WIDTH = 420;
    private static final int HEIGHT = 260;

    private ColdStartChart() {
    }

    /** The chart, or empty text when the dataset has no curve. */
    public static String render(BenchResult result, String dataset) {
        BenchResult.Curves curves = result.coldStartCurves(dataset);
        List<BenchResult.CurveRow> rows = curves.points();
        if (rows.isEmpty()) {
            return "";
        }
        int maxK = rows.stream().mapToInt(BenchResult.CurveRow::k).max().orElse(1);
        List<String> lines = curves.lines();
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"11\">%n", LEFT + WIDTH + 200, TOP + HEIGHT + 50));
        svg.append(String.format(Locale.ROOT, "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n"
                + "<text x=\"%d\" y=\"20\" font-size=\"13\" font-weight=\"bold\">%s: unseen users' accuracy on all "
                + "pairs (%%) by context units k</text>%n", LEFT, SvgChart.escape(dataset)));
        for (int tick = 0; tick <= 100; tick += 25) {
            double y = y(tick / 100.0);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%d</text>%n", LEFT, LEFT + WIDTH, y, y, LEFT - 6,
                    y + 4, tick));
        }
        rows.stream().map(BenchResult.CurveRow::k).distinct().forEach(k -> svg.append(String.format(Locale.ROOT,
                "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>%n", x(k, maxK), TOP + HEIGHT + 16, k)));
        int colour = 0;
        int legendY = TOP;
        for (String line : lines) {
            String stroke = SvgChart.COLOURS[colour++ % SvgChart.COLOURS.length];
            String dash = line.equals(ColdStartRecord.CEILING) ? " stroke-dasharray=\"2,3\"" : "";
            StringBuilder points = new StringBuilder();
            for (BenchResult.CurveRow row : rows) {
                if (row.method().equals(line) && row.accuracyAll().n() > 0) {
                    double x = x(row.k(), maxK);
                    double y = y(row.accuracyAll().mean());
                    points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
                    svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\">"
                            + "<title>%s k=%d: %s</title></circle>%n", x, y, stroke, SvgChart.escape(line), row.k(),
                            MarkdownTable.percent(row.accuracyAll())));
                }
            }
            svg.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s/>%n",
                    points.toString().trim(), stroke, dash));
            legendY = legend(svg, legendY, stroke, dash, line);
        }
        for (String reference : BenchResult.CURVE_REFERENCES) {
            String stroke = SvgChart.COLOURS[colour++ % SvgChart.COLOURS.length];
            var row = result.unseenUsersRow(dataset, reference);
            if (row.isPresent()) {
                double y = y(row.get().accuracyAll().mean());
                svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
                        + "stroke-width=\"2\" stroke-dasharray=\"8,4\"><title>%s: %s</title></line>%n", LEFT, LEFT + WIDTH,
                        y, y, stroke, reference, MarkdownTable.percent(row.get().accuracyAll())));
                legendY = legend(svg, legendY, stroke, " stroke-dasharray=\"8,4\"", reference + " (no context)");
            }
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static int legend(StringBuilder svg, int y, String stroke, String dash, String label) {
        int x = LEFT + WIDTH + 16;
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"%s/>"
                + "<text x=\"%d\" y=\"%d\">%s</text>%n", x, x + 24, y, y, stroke, dash, x + 30, y + 4, SvgChart.escape(label)));
        return y + 18;
    }

    private static double x(int k, int maxK) {
        return LEFT + 20 + (WIDTH - 40) * (maxK <= 1 ? 0 : (k - 1) / (double) (maxK - 1));
    }

    private static double y(double accuracy) {
        return TOP + HEIGHT * (1 - accuracy);
    }
}
