package io.plus.ids;

import java.util.regex.Pattern;

/**
 * The one rule for the ids PLUS stores and routes by (tenants, users, events, model versions,
 * training runs): 1 to 128 letters, digits and {@code . _ : @ -}, starting with a letter or digit,
 * so they are safe in URLs, cache keys, file names and properties keys. The API, the command line,
 * the operator's resources and the chart's schema all use it.
 */
public final class Ids {
    public static final int MAX_LENGTH = 128;
    private static final String FIRST = "[A-Za-z0-9]";
    private static final String REST = "[A-Za-z0-9._:@-]";
    /** The whole rule as one anchored regular expression, for annotations and JSON schemas. */
    public static final String PATTERN = "^" + FIRST + REST + "{0," + (MAX_LENGTH - 1) + "}$";
    private static final Pattern CHARACTERS = Pattern.compile(FIRST + REST + "*");

    private Ids() {
    }

    /** Whether {@code text} is made of the allowed characters (its length is checked apart, against a configurable bound). */
    public static boolean allowedCharacters(String text) {
        return text != null && CHARACTERS.matcher(text).matches();
    }

    /** Whether {@code text} is an id: allowed characters and at most {@link #MAX_LENGTH} of them. */
    public static boolean valid(String text) {
        return allowedCharacters(text) && text.length() <= MAX_LENGTH;
    }
}
