package io.plus.data.generate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Loads the generators' text pools from the classpath: one entry per line, '#' starts a comment line. */
final class TextResources {
    private TextResources() {
    }

    /** The non-blank, non-comment lines of a resource, trimmed; duplicates are a packaging error. */
    static List<String> lines(String resource) {
        InputStream in = TextResources.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing classpath resource " + resource);
        }
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                if (!seen.add(t)) {
                    throw new IllegalStateException(resource + ": duplicate entry '" + t + "'");
                }
                out.add(t);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
        return List.copyOf(out);
    }
}
