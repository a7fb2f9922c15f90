package io.plus.data;

import java.util.Objects;

/**
 * One labelled comparison: {@code user} preferred {@code chosen} over {@code rejected} as an
 * answer to {@code prompt}. {@code topic} may be null.
 */
public record PreferencePair(String id, String user, String prompt, String chosen, String rejected,
                             String topic, Split split) {
    public PreferencePair {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(chosen, "chosen");
        Objects.requireNonNull(rejected, "rejected");
        Objects.requireNonNull(split, "split");
    }
}
