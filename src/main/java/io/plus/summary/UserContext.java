package io.plus.summary;

/**
 * What the summarizer reads about one user: the context encoding in the embedding space
 * ({@code [preference direction, items mean]}), the evidence the labelled context gives for each
 * bank statement, and the labelled choices themselves, which a written summary must help explain
 * ({@link StatementPruning}).
 */
public record UserContext(float[] encoding, float[] evidence, ContextChoices choices) {
    /** A context whose choices are not at hand (policy training reads only encoding and evidence). */
    public UserContext(float[] encoding, float[] evidence) {
        this(encoding, evidence, ContextChoices.NONE);
    }
}
