package io.plus.data.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * One JSON object read from a file at a known line, with typed field access that records a
 * problem (instead of throwing) when a field is missing, blank or of the wrong type.
 */
public final class JsonLine {
    private final ObjectNode node;
    private final String file;
    private final int line;
    private final Problems problems;
    private int problemsHere;

    public JsonLine(ObjectNode node, String file, int line, Problems problems) {
        this.node = node;
        this.file = file;
        this.line = line;
        this.problems = problems;
    }

    public int line() {
        return line;
    }

    public void problem(String text) {
        problemsHere++;
        problems.add(file, line, text);
    }

    /** True when any problem was recorded for this line: its record must not be built. */
    public boolean hasProblems() {
        return problemsHere > 0;
    }

    public boolean has(String field) {
        JsonNode v = node.get(field);
        return v != null && !v.isNull();
    }

    /** A required non-blank string; null (and a problem) otherwise. */
    public String text(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            problem("missing field '" + field + "'");
            return null;
        }
        if (!v.isTextual()) {
            problem("field '" + field + "' must be a string");
            return null;
        }
        if (v.asText().isBlank()) {
            problem("blank field '" + field + "'");
            return null;
        }
        return v.asText();
    }

    /** A required identifier: a non-blank string, or an integer (read as its decimal text). */
    public String key(String field) {
        JsonNode v = node.get(field);
        if (v != null && v.isIntegralNumber()) {
            return v.asText();
        }
        return text(field);
    }

    /** An optional non-blank string: null when absent or JSON null; a problem if blank. */
    public String optionalText(String field) {
        return has(field) ? text(field) : null;
    }

    public Boolean bool(String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isBoolean()) {
            problem((v == null ? "missing field '" : "field must be true/false: '") + field + "'");
            return null;
        }
        return v.booleanValue();
    }

    public Double number(String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isNumber()) {
            problem((v == null ? "missing field '" : "field must be a number: '") + field + "'");
            return null;
        }
        return v.doubleValue();
    }

    public double[] numbers(String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isArray()) {
            problem((v == null ? "missing field '" : "field must be an array of numbers: '") + field + "'");
            return null;
        }
        double[] out = new double[v.size()];
        for (int i = 0; i < out.length; i++) {
            if (!v.get(i).isNumber()) {
                problem("field '" + field + "' must be an array of numbers");
                return null;
            }
            out[i] = v.get(i).doubleValue();
        }
        return out;
    }

    /** Strict files reject unknown fields: a misspelt optional field would otherwise be ignored. */
    public void allowOnly(Set<String> fields) {
        List<String> unknown = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!fields.contains(f)) {
                unknown.add(f);
            }
        }
        if (!unknown.isEmpty()) {
            problem("unknown field(s) " + unknown);
        }
    }
}
