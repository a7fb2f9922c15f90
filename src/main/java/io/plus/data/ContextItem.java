package io.plus.data;

import java.util.Objects;

/**
 * Unlabelled text about a user: a past conversation or something the user wrote about
 * themselves. Personalised methods may read it; it carries no preference label.
 */
public record ContextItem(String id, String user, String text, Source source) {
    public enum Source { CONVERSATION, SELF_DESCRIPTION }

    public ContextItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
    }
}
