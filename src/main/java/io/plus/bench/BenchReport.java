package io.plus.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes a benchmark result as Markdown, JSON and an SVG chart into the output folder. */
public final class BenchReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BenchReport() {
    }

    /**
     * The files written; {@code coldStartCharts} holds one chart per dataset with a cold-start curve,
     * {@code reliabilityCharts} one per dataset.
     */
    public record Written(Path markdown, Path json, Path chart, List<Path> coldStartCharts,
                          List<Path> reliabilityCharts) {
    }

    public static Written write(BenchResult result, Path directory) throws IOException {
        Files.createDirectories(directory);
        Path markdown = directory.resolve("results.md");
        Path json = directory.resolve("results.json");
        Path chart = directory.resolve("results.svg");
        Files.writeString(markdown, MarkdownTable.render(result));
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("encoder", result.encoderId());
        document.put("seeds", result.seeds());
        document.put("totalSeconds", result.totalSeconds());
        document.put("phaseSeconds", result.phaseSeconds());
        document.put("runsAtOnce", result.runsAtOnce());
        document.put("notes", result.notes());
        document.put("summary", result.summary());
        document.put("comparisons", result.comparisons());
        document.put("runs", result.runs());
        document.put("summaries", result.summaries());
        document.put("coldStart", result.coldStartSummary());
        document.put("coldStartRuns", result.coldStart());
        JSON.writeValue(json.toFile(), document);
        Files.writeString(chart, SvgChart.render(result));
        List<Path> curves = new ArrayList<>();
        for (String dataset : result.coldStart().stream().map(ColdStartRecord::dataset).distinct().toList()) {
            Path curve = directory.resolve("coldstart-" + fileName(dataset) + ".svg");
            Files.writeString(curve, ColdStartChart.render(result, dataset));
            curves.add(curve);
        }
        List<Path> reliability = new ArrayList<>();
        for (String dataset : result.runs().stream().map(RunRecord::dataset).distinct().toList()) {
            Path diagram = directory.resolve("reliability-" + fileName(dataset) + ".svg");
            Files.writeString(diagram, ReliabilityChart.render(result, dataset));
            reliability.add(diagram);
        }
        return new Written(markdown, json, chart, curves, reliability);
    }

    private static String fileName(String dataset) {
        return dataset.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
