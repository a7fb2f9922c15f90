package io.plus.summary;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One thing a summary can say about a user, e.g. "Likes answers that mention dogs." {@code text}
 * is the canonical wording; {@code phrasings} are other wordings of the same statement used in
 * training so the reward model learns the meaning rather than one sentence; {@code heldOutPhrasings}
 * are never used in training and measure robustness to a person's own words. A mined statement
 * names the response {@code feature} it is about (a word stem, or {@code #length}) and its
 * {@code polarity} (+1 the user leans towards the feature, -1 away from it); curated statements
 * have no feature (null) and polarity 0. A style statement also carries the unit {@code direction}
 * in the embedding space along which its users' choices move (chosen minus rejected response); it
 * is null for every other statement.
 */
public record Statement(String id, String text, List<String> phrasings, List<String> heldOutPhrasings,
                        String origin, String feature, int polarity, float[] direction) {
    public Statement {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        phrasings = List.copyOf(phrasings);
        heldOutPhrasings = List.copyOf(heldOutPhrasings);
        if (phrasings.isEmpty() || !phrasings.get(0).equals(text)) {
            throw new IllegalArgumentException("the canonical text must be the first phrasing of " + id);
        }
    }

    /** Records compare arrays by reference; a statement read back from a bundle must equal the one written. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Statement that && id.equals(that.id) && text.equals(that.text)
                && phrasings.equals(that.phrasings) && heldOutPhrasings.equals(that.heldOutPhrasings)
                && Objects.equals(origin, that.origin) && Objects.equals(feature, that.feature)
                && polarity == that.polarity && Arrays.equals(direction, that.direction);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, text, phrasings, heldOutPhrasings, origin, feature, polarity) * 31
                + Arrays.hashCode(direction);
    }

    @Override
    public String toString() {
        return "Statement[" + id + ": " + text + "]";
    }

    public int words() {
        return SummaryText.wordCount(text);
    }
}
