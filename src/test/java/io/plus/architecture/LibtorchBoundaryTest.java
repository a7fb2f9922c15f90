package io.plus.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What serves a summary is plain Java: the summary package (its training half lives in
 * summary.training), the functions, the reward head and bundles never name DJL (whose engine loads
 * libtorch) or the training code, so a serving process never maps libtorch. Read from the sources.
 */
class LibtorchBoundaryTest {
    private static final Path SOURCES = Path.of("src/main/java/io/plus");
    /** Folders under io/plus whose code serves, with their subfolders. */
    private static final List<String> SERVING = List.of("summary", "serve", "model", "bundle");
    /** The training half of the summarizer, inside summary/. */
    private static final Path SUMMARY_TRAINING = SOURCES.resolve("summary/training");
    private static final Pattern FORBIDDEN = Pattern.compile("\\b(ai\\.djl|io\\.plus\\.training|io\\.plus\\.summary\\.training)\\.");

    @Test
    void servingCodeNamesNeitherDjlNorTrainingCode() throws IOException {
        List<String> offences = new ArrayList<>();
        int read = 0;
        for (String folder : SERVING) {
            try (Stream<Path> files = Files.walk(SOURCES.resolve(folder))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java") && !f.startsWith(SUMMARY_TRAINING))
                        .toList()) {
                    read++;
                    Matcher forbidden = FORBIDDEN.matcher(Files.readString(file));
                    while (forbidden.find()) {
                        offences.add(SOURCES.relativize(file) + " names " + forbidden.group(1));
                    }
                }
            }
        }
        assertTrue(read > 40, "the serving sources were read: " + read);
        assertEquals(List.of(), offences);
    }

    @Test
    void theTrainingHalfOfTheSummarizerIsWhereDjlIs() throws IOException {
        // the check above would pass vacuously if the summarizer's DJL code had moved out of sight
        assertTrue(Files.readString(SOURCES.resolve("summary/training/SummarizerPolicy.java")).contains("import ai.djl."));
    }
}
