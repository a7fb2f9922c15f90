package io.plus.summary;

/**
 * What the summarizer reads about one user: the context encoding in the embedding space
 * ({@code [preference direction, items mean]}) and the evidence the labelled context gives for
 * each bank statement.
 */
public record UserContext(float[] encoding, float[] evidence) {
}
