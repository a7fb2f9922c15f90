package io.plus.data;

/**
 * Hidden ground truth about one pair: whether user types disagree on it (controversial), and the
 * probability with which the labelling user prefers the recorded {@code chosen} response (1.0 for
 * noise-free labels; the Bayes-optimal accuracy on the pair is {@code max(p, 1 - p)}).
 */
public record PairTruth(String pairId, boolean controversial, double pChosen) {
}
