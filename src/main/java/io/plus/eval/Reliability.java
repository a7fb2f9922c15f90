package io.plus.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * How far a model's pairwise probabilities can be taken at their word. Each pair's probability
 * {@code p = σ(margin)} that the chosen side wins is read as a prediction of the side with
 * {@code max(p, 1 − p)} (its confidence); pairs are binned by confidence over [0.5, 1] and each bin's
 * mean confidence is set against the share of its predictions that were right (a tie counts half).
 * A calibrated model's points lie on the diagonal; the expected calibration error is the mean gap,
 * weighted by the bins' pair counts.
 */
public record Reliability(List<Bin> bins) {
    /** Equal-width confidence bins over [0.5, 1]. */
    public static final int BINS = 10;

    /** One confidence bin: its bounds, how many pairs fell in it, their mean confidence and accuracy. */
    public record Bin(double low, double high, int count, double meanConfidence, double accuracy) {
    }

    public Reliability {
        bins = List.copyOf(bins);
    }

    /** The reliability of {@code margins}, each the model's {@code r(chosen) − r(rejected)} on one labelled pair. */
    public static Reliability of(double[] margins) {
        Accumulator accumulator = new Accumulator();
        for (double margin : margins) {
            accumulator.add(margin);
        }
        return accumulator.reliability();
    }

    /** The bins of several sets of pairs taken together (seeds, splits). */
    public static Reliability pooled(List<Reliability> parts) {
        int[] counts = new int[BINS];
        double[] confidence = new double[BINS];
        double[] correct = new double[BINS];
        for (Reliability part : parts) {
            for (int b = 0; b < part.bins().size(); b++) {
                Bin bin = part.bins().get(b);
                counts[b] += bin.count();
                confidence[b] += bin.count() * (bin.count() == 0 ? 0 : bin.meanConfidence());
                correct[b] += bin.count() * (bin.count() == 0 ? 0 : bin.accuracy());
            }
        }
        return from(counts, confidence, correct);
    }

    public int count() {
        return bins.stream().mapToInt(Bin::count).sum();
    }

    /** Expected calibration error: {@code Σ_b (n_b / n) · |accuracy_b − confidence_b|}; NaN without pairs. */
    public double expectedCalibrationError() {
        int n = count();
        if (n == 0) {
            return Double.NaN;
        }
        double error = 0;
        for (Bin bin : bins) {
            if (bin.count() > 0) {
                error += bin.count() * Math.abs(bin.accuracy() - bin.meanConfidence());
            }
        }
        return error / n;
    }

    /** Builds the bins pair by pair. */
    static final class Accumulator {
        private final int[] counts = new int[BINS];
        private final double[] confidence = new double[BINS];
        private final double[] correct = new double[BINS];

        void add(double margin) {
            double conf = 1 / (1 + Math.exp(-Math.abs(margin))); // max(p, 1 − p), the same for either sign
            int bin = Math.min(BINS - 1, (int) ((conf - 0.5) * 2 * BINS));
            counts[bin]++;
            confidence[bin] += conf;
            correct[bin] += margin > 0 ? 1 : margin == 0 ? 0.5 : 0;
        }

        Reliability reliability() {
            return from(counts, confidence, correct);
        }
    }

    private static Reliability from(int[] counts, double[] confidence, double[] correct) {
        List<Bin> bins = new ArrayList<>(BINS);
        for (int b = 0; b < BINS; b++) {
            double low = 0.5 + 0.5 * b / BINS;
            double high = 0.5 + 0.5 * (b + 1) / BINS;
            bins.add(counts[b] == 0 ? new Bin(low, high, 0, Double.NaN, Double.NaN)
                    : new Bin(low, high, counts[b], confidence[b] / counts[b], correct[b] / counts[b]));
        }
        return new Reliability(bins);
    }
}
