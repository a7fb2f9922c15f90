package io.plus.serve.problem;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says what Jackson found wrong with a body in the API's own words: a JSON pointer to the place
 * and what a client should change. Jackson's messages name Java classes, its own settings and
 * features; none of that reaches a client (they are logged at debug level only).
 */
public final class JsonProblems {
    /** A pointer segment longer than this is cut: a hostile key name is not echoed whole. */
    private static final int MAX_SEGMENT = 64;
    private static final Pattern DUPLICATE = Pattern.compile("^Duplicate (?:field|Object property) '(.*)'", Pattern.DOTALL);

    private JsonProblems() {
    }

    /** The 400 problem for a body Jackson could not read or bind. */
    public static ProblemException of(JsonProcessingException error) {
        if (error instanceof StreamConstraintsException limit) {
            return new ProblemException(400, "json-too-complex", "The JSON exceeds a parsing limit",
                    limitExceeded(limit.getOriginalMessage()), List.of(new Problem.FieldError(parserPointer(error),
                    limitExceeded(limit.getOriginalMessage()))), Map.of());
        }
        if (error instanceof JsonParseException) {
            Matcher duplicate = DUPLICATE.matcher(String.valueOf(error.getOriginalMessage()));
            if (duplicate.find()) {
                return ProblemException.invalid(parserPointer(error),
                        "repeats the key \"" + cut(duplicate.group(1)) + "\": each key may appear once");
            }
            return malformed("is not valid JSON" + at(error.getLocation()) + syntaxReason(error.getOriginalMessage()));
        }
        if (error instanceof UnrecognizedPropertyException unknown) {
            return ProblemException.invalid(pointer(unknown), "unknown field; expected one of " + known(unknown.getKnownPropertyIds()));
        }
        if (error instanceof MismatchedInputException mismatch) {
            String message = String.valueOf(mismatch.getOriginalMessage());
            if (message.startsWith("Trailing token")) {
                return malformed("holds more than one JSON value" + at(mismatch.getLocation())
                        + ": send exactly one (an array for several events)");
            }
            if (message.startsWith("No content to map")) {
                return ProblemException.invalid("", "a JSON body is required");
            }
            String pointer = pointer(mismatch);
            return ProblemException.invalid(pointer.isEmpty() ? "" : pointer, expected(mismatch.getTargetType()));
        }
        if (error instanceof JsonMappingException mapping) {
            return ProblemException.invalid(pointer(mapping), "has a value that cannot be read here");
        }
        return malformed("is not valid JSON" + at(error.getLocation()));
    }

    private static ProblemException malformed(String detail) {
        return new ProblemException(400, "malformed-json", "The body is not valid JSON", "the body " + detail);
    }

    /** What a field of this Java type must hold, said in JSON's terms. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "has the wrong type";
        }
        if (type == String.class || type == Character.class || type == char.class || type.isEnum()) {
            return "must be a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "must be a number";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be an array";
        }
        return "must be an object";
    }

    /** The pointer of the value Jackson was binding: {@code /items/3/candidates/0}. */
    static String pointer(JsonMappingException error) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference step : error.getPath()) {
            pointer.append('/');
            if (step.getFieldName() != null) {
                pointer.append(segment(step.getFieldName()));
            } else if (step.getIndex() >= 0) {
                pointer.append(step.getIndex());
            }
        }
        return pointer.toString();
    }

    /** The pointer of where the parser stood (for syntax errors and duplicate keys). */
    private static String parserPointer(JsonProcessingException error) {
        if (error.getProcessor() instanceof JsonParser parser) {
            JsonStreamContext context = parser.getParsingContext();
            StringBuilder pointer = new StringBuilder();
            for (; context != null && !context.inRoot(); context = context.getParent()) {
                String segment = context.inObject() ? segment(String.valueOf(context.getCurrentName()))
                        : String.valueOf(Math.max(0, context.getCurrentIndex()));
                pointer.insert(0, "/" + segment);
            }
            return pointer.toString();
        }
        return "";
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /**
     * Jackson's reason for a syntax error, when it speaks of JSON only (an unexpected character, an
     * end of input); anything that names code or settings is left out.
     */
    static String syntaxReason(String message) {
        if (message == null) {
            return "";
        }
        String reason = message.split("\n", 2)[0];
        int marker = reason.indexOf(" (start marker");
        if (marker > 0) {
            reason = reason.substring(0, marker);
        }
        if (reason.length() > 160 || reason.contains("`") || reason.contains("Feature") || reason.contains("java.")
                || reason.contains("$") || reason.contains("Source:")) {
            return "";
        }
        return ": " + reason;
    }

    private static String limitExceeded(String message) {
        String m = String.valueOf(message);
        if (m.contains("nesting depth")) {
            return "nests arrays and objects too deeply";
        }
        if (m.contains("Token count")) {
            return "holds too many JSON values and keys";
        }
        if (m.contains("Number value length")) {
            return "holds a number with too many digits";
        }
        if (m.contains("String value length") || m.contains("Name length")) {
            return "holds a string or key that is too long";
        }
        return "is too large to read";
    }

    private static String known(Collection<Object> names) {
        TreeSet<String> sorted = new TreeSet<>();
        if (names != null) {
            names.forEach(name -> sorted.add(String.valueOf(name)));
        }
        return sorted.toString();
    }

    /** A client's key as a pointer segment: escaped, at most 64 characters, control characters and surrogates as '?'. */
    public static String segment(String key) {
        return escape(cut(key));
    }

    private static String cut(String segment) {
        String clean = segment.replaceAll("[\\p{Cntrl}\\p{Cs}]", "?");
        return clean.length() <= MAX_SEGMENT ? clean : clean.substring(0, MAX_SEGMENT) + "…";
    }

    /** RFC 6901: ~ and / inside a key. */
    public static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
