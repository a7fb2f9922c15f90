package io.plus.serve.input;

import io.plus.ids.Ids;
import io.plus.serve.problem.Problem.FieldError;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The rules every field of the API obeys, whichever endpoint it arrives at: ids that are safe in
 * URLs and cache keys, texts that PostgreSQL and the encoder take as they are, times in a range a
 * client can mean. Each check adds a {@link FieldError} naming the field and returns whether it passed.
 */
public final class FieldRules {
    /** Feedback older than Unix time or past year 9999 is a client bug (PostgreSQL would store "infinity"). */
    static final OffsetDateTime EARLIEST = OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    static final OffsetDateTime LATEST = OffsetDateTime.of(9999, 12, 31, 23, 59, 59, 0, ZoneOffset.UTC);

    private FieldRules() {
    }

    /** Ids ({@link Ids}): 1..max characters, letters, digits and . _ : @ - (they appear in URLs and cache keys). */
    public static boolean id(String text, String at, int max, List<FieldError> errors) {
        if (text == null || text.isEmpty() || text.length() > max) {
            errors.add(new FieldError(at, "must have 1 to " + max + " characters"));
            return false;
        }
        if (!Ids.allowedCharacters(text)) {
            errors.add(new FieldError(at, "may hold only letters, digits and . _ : @ - (and start with a letter or digit)"));
            return false;
        }
        return true;
    }

    /**
     * Free text (prompts, responses, context, summaries): not blank, at most {@code max} characters,
     * and only characters a person writes: no NUL or other control characters but tab, line feed and
     * carriage return, and no half of a surrogate pair (it cannot be stored as UTF-8).
     */
    public static boolean text(String text, String at, int max, List<FieldError> errors) {
        if (text == null) {
            errors.add(new FieldError(at, "is required"));
            return false;
        }
        if (text.isBlank()) {
            errors.add(new FieldError(at, "must not be blank"));
            return false;
        }
        if (text.length() > max) {
            errors.add(new FieldError(at, "has " + text.length() + " characters; at most " + max));
            return false;
        }
        String bad = firstForbidden(text);
        if (bad != null) {
            errors.add(new FieldError(at, bad));
            return false;
        }
        return true;
    }

    /**
     * A summary text: {@link #text}, and no invisible formatting characters (zero-width spaces,
     * bidirectional overrides, byte-order marks). A summary is data that people read and that may be
     * placed into a prompt; such characters would let it say to a model what it does not show a person.
     */
    public static boolean summaryText(String text, String at, int max, List<FieldError> errors) {
        if (!text(text, at, max, errors)) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (Character.getType(text.charAt(i)) == Character.FORMAT) {
                errors.add(new FieldError(at, String.format("holds the invisible formatting character U+%04X at offset %d; "
                        + "a summary must show everything it says", (int) text.charAt(i), i)));
                return false;
            }
        }
        return true;
    }

    /** What is wrong with the first character a text may not hold, or null when every one is fine. */
    static String firstForbidden(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c >= 0x7f && c <= 0x9f) {
                return String.format("holds the control character U+%04X at offset %d; only tab, line feed and "
                        + "carriage return are allowed", (int) c, i);
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return String.format("holds an unpaired surrogate U+%04X at offset %d: not a character", (int) c, i);
            }
        }
        return null;
    }

    /** A time between 1970 and the end of year 9999 (UTC). */
    public static boolean timeInRange(OffsetDateTime time, String at, List<FieldError> errors) {
        if (time.isBefore(EARLIEST) || time.isAfter(LATEST)) {
            errors.add(new FieldError(at, "must lie between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59Z"));
            return false;
        }
        return true;
    }
}
