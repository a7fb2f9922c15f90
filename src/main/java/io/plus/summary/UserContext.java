package io.plus.summary;

import java.util.List;

/**
 * What the summarizer reads about one user: the context encoding in the embedding space
 * ({@code [preference direction, items mean]}), the evidence the labelled context gives for each
 * bank statement, and the labelled context pairs themselves, embedded, for {@link SummaryCheck}.
 */
public record UserContext(float[] encoding, float[] evidence, List<Pair> pairs) {
    /** A labelled context pair as the reward model reads it. */
    public record Pair(float[] prompt, float[] chosen, float[] rejected) {
    }

    public UserContext {
        pairs = List.copyOf(pairs);
    }

    /** A context without labelled pairs (nothing for a check to weigh). */
    public UserContext(float[] encoding, float[] evidence) {
        this(encoding, evidence, List.of());
    }
}
