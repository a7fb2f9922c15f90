package io.plus.training;

import io.plus.model.BradleyTerry;

/**
 * Temperature scaling of a reward model: the one factor {@code scale} by which its rewards are
 * multiplied so that {@code σ(scale · margin)} is an honest probability on pairs it was not fitted
 * to. Early stopping picks the epoch with the lowest held-out loss, but the margins it leaves are
 * still sharpened by the pairs the head memorised; one factor fitted on held-out pairs undoes that
 * without moving any decision (a positive factor keeps every margin's sign).
 *
 * <p>The factor only ever softens ({@code scale ≤ 1}). The held-out pairs are new prompts of the
 * users the model was trained on; new users and new topics are harder, so held-out pairs that call
 * for sharper margins overstate what the model knows elsewhere (measured: sharpening on them raised
 * the loss on unseen users), while a model overconfident on them is at least as overconfident there.
 */
public record Calibration(double scale, int pairs, double nllBefore, double nllAfter) {
    /** No calibration: too few held-out pairs, or a model that was never calibrated. */
    public static final Calibration NONE = new Calibration(1, 0, Double.NaN, Double.NaN);

    /** Fewer held-out pairs than this leave the model as it is: one factor needs some evidence. */
    public static final int MIN_PAIRS = 30;

    /** The softest factor: margins a hundredth of the trained ones, yet every ranking kept. */
    static final double MIN_SCALE = 1e-2;

    public boolean fitted() {
        return pairs > 0;
    }

    /** The factor for held-out margins {@code r(chosen) − r(rejected)}, with their mean loss before and after. */
    public static Calibration fit(double[] margins) {
        if (margins.length < MIN_PAIRS) {
            return NONE;
        }
        // the mean loss is convex in the factor, so golden sections find its minimum over [MIN_SCALE, 1]
        double ratio = (Math.sqrt(5) - 1) / 2;
        double a = MIN_SCALE;
        double b = 1;
        for (int i = 0; i < 60; i++) {
            double c = b - ratio * (b - a);
            double d = a + ratio * (b - a);
            if (meanLoss(margins, c) < meanLoss(margins, d)) {
                b = d;
            } else {
                a = c;
            }
        }
        double scale = (a + b) / 2;
        double before = meanLoss(margins, 1);
        double after = meanLoss(margins, scale);
        if (after >= before) {
            return new Calibration(1, margins.length, before, before); // as trained is already best
        }
        return new Calibration(scale, margins.length, before, after);
    }

    private static double meanLoss(double[] margins, double scale) {
        double total = 0;
        for (double margin : margins) {
            total += BradleyTerry.loss(scale * margin);
        }
        return total / margins.length;
    }
}
