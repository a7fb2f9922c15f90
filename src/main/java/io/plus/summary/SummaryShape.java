package io.plus.summary;

/**
 * The limits and sizes a summarizer policy works with: embedding size, how many statements a
 * summary may hold, its word budget, and how strongly the context's evidence for a statement
 * raises its logit (the policy's prior: before any training it already writes what the context
 * shows, as a language model asked to summarise would).
 */
public record SummaryShape(int embeddingDimension, int maxStatements, int wordBudget, float evidenceWeight) {
    public SummaryShape {
        if (embeddingDimension < 1 || maxStatements < 1 || wordBudget < 1) {
            throw new IllegalArgumentException("invalid summary shape " + this);
        }
    }

    /** Policy input: {@code [context preference direction, context items mean, written-so-far mean, step share]}. */
    public int stateDimension() {
        return 3 * embeddingDimension + 1;
    }

    /** Policy output: a query in the embedding space, the STOP logit and the value estimate. */
    public int outputDimension() {
        return embeddingDimension + 2;
    }
}
