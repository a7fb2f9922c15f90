package io.plus.summary;

import java.util.List;
import java.util.Objects;

/**
 * One thing a summary can say about a user, e.g. "Likes answers that mention dogs." {@code text}
 * is the canonical wording; {@code phrasings} are other wordings of the same statement used in
 * training so the reward model learns the meaning rather than one sentence; {@code heldOutPhrasings}
 * are never used in training and measure robustness to a person's own words. A mined statement
 * names the response {@code feature} it is about (a word stem, or {@code #length}) and its
 * {@code polarity} (+1 the user leans towards the feature, -1 away from it); curated statements
 * have no feature (null) and polarity 0.
 */
public record Statement(String id, String text, List<String> phrasings, List<String> heldOutPhrasings,
                        String origin, String feature, int polarity) {
    public Statement {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        phrasings = List.copyOf(phrasings);
        heldOutPhrasings = List.copyOf(heldOutPhrasings);
        if (phrasings.isEmpty() || !phrasings.get(0).equals(text)) {
            throw new IllegalArgumentException("the canonical text must be the first phrasing of " + id);
        }
    }

    public int words() {
        return SummaryText.wordCount(text);
    }
}
