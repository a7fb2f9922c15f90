package io.plus.training;

/**
 * Training examples for a reward head, already turned into feature vectors: row {@code i} of
 * {@code chosen} was preferred over row {@code i} of {@code rejected}. Rows are stored flat.
 */
public record LabelledFeatures(int dimension, int size, float[] chosen, float[] rejected) {
    public LabelledFeatures {
        if (chosen.length != (long) dimension * size || rejected.length != (long) dimension * size) {
            throw new IllegalArgumentException("feature arrays do not hold " + size + " rows of " + dimension);
        }
    }
}
