package io.plus.serve.feedback;

import io.plus.serve.auth.Caller;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plus.serve.ServeConfig;
import io.plus.serve.input.FieldRules;
import io.plus.serve.problem.JsonProblems;
import io.plus.serve.problem.Problem.FieldError;
import io.plus.serve.problem.ProblemException;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads a feedback request (one JSON event, a JSON array, or NDJSON) and validates it field by
 * field. All problems of the request are reported together, each with a JSON pointer to the event
 * and field, and the request is rejected whole: nothing of it is stored.
 */
public final class FeedbackParser {
    public static final String NDJSON = "application/x-ndjson";
    static final Set<String> CONTEXT_KINDS = Set.of("conversation", "self-description");
    private static final Set<String> EVENT_FIELDS = Set.of("tenant", "user", "eventId", "timestamp", "preference", "context");
    private static final Set<String> PREFERENCE_FIELDS = Set.of("prompt", "chosen", "rejected");
    private static final Set<String> CONTEXT_FIELDS = Set.of("kind", "text");
    /** Clocks disagree; an event a little in the future is fine, one a day ahead is a client bug. */
    private static final Duration MAX_CLOCK_SKEW = Duration.ofDays(1);

    private final ObjectMapper json;
    private final ServeConfig.Limits limits;
    private final Clock clock;

    public FeedbackParser(ObjectMapper json, ServeConfig.Limits limits, Clock clock) {
        this.json = json;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * The events of {@code body}, each for {@code caller}'s tenant: an event may leave the tenant out,
     * and one naming another tenant refuses the whole request.
     */
    public List<FeedbackInput> parse(byte[] body, boolean ndjson, Caller caller) {
        List<JsonNode> nodes = new ArrayList<>();
        List<String> pointers = new ArrayList<>();
        if (ndjson) {
            // lines end in \n (or \r\n); anything else between two events — a lone \r, a second
            // object on the same line — is content after the line's one JSON value, and refused.
            // Lines are cut as bytes: Jackson, not a lenient decoder, judges their UTF-8.
            int line = 0;
            for (int start = 0; start < body.length; ) {
                int end = start;
                while (end < body.length && body[end] != '\n') {
                    end++;
                }
                line++;
                int length = end - start - (end > start && body[end - 1] == '\r' ? 1 : 0);
                if (!blank(body, start, length)) {
                    String pointer = "/" + nodes.size();
                    nodes.add(read(body, start, length, pointer, "line " + line + ": "));
                    pointers.add(pointer);
                }
                start = end + 1;
            }
        } else {
            JsonNode root = read(body, 0, body.length, "", "");
            if (root.isArray()) {
                for (int i = 0; i < root.size(); i++) {
                    nodes.add(root.get(i));
                    pointers.add("/" + i);
                }
            } else {
                nodes.add(root);
                pointers.add("");
            }
        }
        if (nodes.isEmpty()) {
            throw ProblemException.invalid("", "no events: send one event, a JSON array or NDJSON lines");
        }
        if (nodes.size() > limits.eventsPerRequest()) {
            throw ProblemException.invalid("", nodes.size() + " events; at most " + limits.eventsPerRequest()
                    + " per request");
        }
        List<FieldError> errors = new ArrayList<>();
        List<FeedbackInput> events = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            FeedbackInput event = event(nodes.get(i), pointers.get(i), caller, errors);
            if (event != null) {
                events.add(event);
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return events;
    }

    private static boolean blank(byte[] bytes, int start, int length) {
        for (int i = start; i < start + length; i++) {
            if (bytes[i] != ' ' && bytes[i] != '\t' && bytes[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    private JsonNode read(byte[] bytes, int offset, int length, String pointer, String where) {
        try {
            JsonNode node = json.readTree(bytes, offset, length);
            if (node == null || node.isMissingNode()) {
                throw ProblemException.invalid(pointer, where + "no JSON value");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw JsonProblems.of(e).within(pointer, where);
        } catch (java.io.IOException e) {
            throw new ProblemException(400, "malformed-json", "The body is not valid JSON", where + "the body cannot be read");
        }
    }

    private FeedbackInput event(JsonNode node, String pointer, Caller caller, List<FieldError> errors) {
        int before = errors.size();
        if (!node.isObject()) {
            errors.add(new FieldError(pointer.isEmpty() ? "/" : pointer, "an event must be a JSON object"));
            return null;
        }
        unknownFields(node, EVENT_FIELDS, pointer, errors);
        String named = node.has("tenant") ? id(node, "tenant", pointer, errors) : null;
        String tenant = named == null && node.has("tenant") ? null : caller.tenantFor(named, pointer + "/tenant");
        String user = id(node, "user", pointer, errors);
        if (user != null) {
            user = caller.userFor(user, pointer + "/user");
        }
        String eventId = id(node, "eventId", pointer, errors);
        OffsetDateTime occurredAt = timestamp(node, pointer, errors);
        JsonNode preference = node.get("preference");
        JsonNode context = node.get("context");
        String kind = null;
        String prompt = null;
        String chosen = null;
        String rejected = null;
        String text = null;
        if ((preference == null) == (context == null)) {
            errors.add(new FieldError(pointer + "/preference",
                    "give exactly one of \"preference\" (prompt, chosen, rejected) or \"context\" (kind, text)"));
        } else if (preference != null) {
            String at = pointer + "/preference";
            if (!preference.isObject()) {
                errors.add(new FieldError(at, "must be an object with prompt, chosen and rejected"));
            } else {
                unknownFields(preference, PREFERENCE_FIELDS, at, errors);
                kind = FeedbackEvent.PREFERENCE;
                prompt = text(preference, "prompt", at, limits.promptLength(), errors);
                chosen = text(preference, "chosen", at, limits.responseLength(), errors);
                rejected = text(preference, "rejected", at, limits.responseLength(), errors);
                if (chosen != null && chosen.equals(rejected)) {
                    errors.add(new FieldError(at + "/rejected", "is identical to chosen: a preference needs two different responses"));
                }
            }
        } else {
            String at = pointer + "/context";
            if (!context.isObject()) {
                errors.add(new FieldError(at, "must be an object with kind and text"));
            } else {
                unknownFields(context, CONTEXT_FIELDS, at, errors);
                JsonNode kindNode = context.get("kind");
                if (kindNode == null || !kindNode.isTextual() || !CONTEXT_KINDS.contains(kindNode.asText())) {
                    errors.add(new FieldError(at + "/kind", "must be \"conversation\" or \"self-description\""));
                } else {
                    kind = kindNode.asText();
                }
                text = text(context, "text", at, limits.contextLength(), errors);
            }
        }
        if (errors.size() > before) {
            return null;
        }
        return new FeedbackInput(pointer, tenant, user, eventId, occurredAt, kind, prompt, chosen, rejected, text);
    }

    private static void unknownFields(JsonNode node, Set<String> known, String pointer, List<FieldError> errors) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                errors.add(new FieldError(pointer + "/" + JsonProblems.segment(name), "unknown field; expected one of " + known));
            }
        }
    }

    /** The field's string value, or null with an error when it is missing or not a string. */
    private static String string(JsonNode node, String field, String at, List<FieldError> errors) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            errors.add(new FieldError(at, "is required"));
            return null;
        }
        if (!value.isTextual()) {
            errors.add(new FieldError(at, "must be a string"));
            return null;
        }
        return value.asText();
    }

    private String id(JsonNode node, String field, String pointer, List<FieldError> errors) {
        String at = pointer + "/" + field;
        String text = string(node, field, at, errors);
        return text != null && FieldRules.id(text, at, limits.idLength(), errors) ? text : null;
    }

    private String text(JsonNode node, String field, String pointer, int max, List<FieldError> errors) {
        String at = pointer + "/" + field;
        String text = string(node, field, at, errors);
        return text != null && FieldRules.text(text, at, max, errors) ? text : null;
    }

    private OffsetDateTime timestamp(JsonNode node, String pointer, List<FieldError> errors) {
        JsonNode value = node.get("timestamp");
        String at = pointer + "/timestamp";
        if (value == null || !value.isTextual()) {
            errors.add(new FieldError(at, "is required: an ISO-8601 time with offset, e.g. 2026-11-27T10:00:00Z"));
            return null;
        }
        try {
            OffsetDateTime time = OffsetDateTime.parse(value.asText()).withOffsetSameInstant(ZoneOffset.UTC);
            if (!FieldRules.timeInRange(time, at, errors)) {
                return null;
            }
            if (time.toInstant().isAfter(clock.instant().plus(MAX_CLOCK_SKEW))) {
                errors.add(new FieldError(at, "is more than a day in the future"));
                return null;
            }
            return time;
        } catch (DateTimeException e) { // unparsable, or out of range once moved to UTC
            errors.add(new FieldError(at, "is not an ISO-8601 time with offset (e.g. 2026-11-27T10:00:00Z)"));
            return null;
        }
    }
}
