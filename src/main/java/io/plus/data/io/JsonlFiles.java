package io.plus.data.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a JSONL file into objects with their line numbers; shared by all JSONL readers. */
public final class JsonlFiles {
    /** One mapper for the package; Jackson mappers are thread-safe once configured. */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonlFiles() {
    }

    /**
     * Every non-blank line as a {@link JsonLine}; a line that is not a JSON object is recorded as
     * a problem and left out of the result (the caller then fails on {@link Problems#throwIfAny}).
     */
    public static List<JsonLine> read(Path file, Problems problems) throws IOException {
        String name = file.getFileName().toString();
        List<JsonLine> out = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int lineNo = 0;
            for (String line; (line = in.readLine()) != null; ) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = MAPPER.readTree(line);
                } catch (JsonProcessingException e) {
                    problems.add(name, lineNo, "invalid JSON: " + e.getOriginalMessage());
                    continue;
                }
                if (!(node instanceof ObjectNode obj)) {
                    problems.add(name, lineNo, "expected a JSON object");
                    continue;
                }
                out.add(new JsonLine(obj, name, lineNo, problems));
            }
        }
        return out;
    }
}
