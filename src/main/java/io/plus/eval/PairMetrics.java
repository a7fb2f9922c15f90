package io.plus.eval;

/**
 * Pairwise accuracy (ties count half) and mean Bradley–Terry negative log-likelihood over a set
 * of pairs, with the Bayes-optimal accuracy the labels allow where ground truth is known
 * ({@code NaN} otherwise).
 */
public record PairMetrics(int count, double accuracy, double nll, double bayesAccuracy) {
    public static final PairMetrics EMPTY = new PairMetrics(0, Double.NaN, Double.NaN, Double.NaN);
}
