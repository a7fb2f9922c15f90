package io.plus.eval;

/**
 * Pairwise accuracy (ties count half), mean Bradley–Terry negative log-likelihood and expected
 * calibration error over a set of pairs, with the Bayes-optimal accuracy the labels allow where
 * ground truth is known ({@code NaN} otherwise) and the reliability bins the error is read from.
 */
public record PairMetrics(int count, double accuracy, double nll, double ece, double bayesAccuracy,
                          Reliability reliability) {
    public static final PairMetrics EMPTY = new PairMetrics(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
            Reliability.of(new double[0]));
}
