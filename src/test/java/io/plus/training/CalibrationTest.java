package io.plus.training;

import io.plus.eval.Reliability;
import io.plus.model.BradleyTerry;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Temperature scaling on toy pairs whose true probability is known: each pair has a true logit z,
 * its label is drawn with P(chosen) = σ(z), and a model that reports c·z for the chosen side is
 * over- (c > 1) or under-confident (c < 1) by exactly c.
 */
class CalibrationTest {
    private static final int PAIRS = 4000;

    /** The true margins of the chosen side: z when the label followed z's favourite, −z otherwise. */
    private static double[] trueMargins(long seed) {
        Random random = new Random(seed);
        double[] margins = new double[PAIRS];
        for (int i = 0; i < PAIRS; i++) {
            double z = 2 * random.nextGaussian();
            boolean followed = random.nextDouble() < 1 / (1 + Math.exp(-z));
            margins[i] = followed ? z : -z;
        }
        return margins;
    }

    private static double[] times(double[] margins, double factor) {
        double[] scaled = margins.clone();
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] *= factor;
        }
        return scaled;
    }

    @Test
    void anOverconfidentModelIsScaledBackToTheTrueProbabilities() {
        double[] truth = trueMargins(1);
        Calibration calibration = Calibration.fit(times(truth, 3));
        assertEquals(1 / 3.0, calibration.scale(), 0.03, calibration.toString());
        assertEquals(PAIRS, calibration.pairs());
        assertTrue(calibration.nllAfter() < calibration.nllBefore() - 0.1, calibration.toString());
        // on fresh pairs, the calibrated model is as good as the true probabilities...
        double[] fresh = trueMargins(2);
        double calibratedLoss = meanLoss(times(fresh, 3 * calibration.scale()));
        assertEquals(meanLoss(fresh), calibratedLoss, 0.005);
        // ...and its reliability diagram lies on the diagonal, where the raw one did not
        assertTrue(Reliability.of(times(fresh, 3)).expectedCalibrationError() > 0.1);
        assertTrue(Reliability.of(times(fresh, 3 * calibration.scale())).expectedCalibrationError() < 0.03);
    }

    @Test
    void anUnderconfidentModelIsNeverSharpened() {
        // held-out pairs of the training users overstate what a model knows about anyone else
        Calibration calibration = Calibration.fit(times(trueMargins(3), 0.25));
        assertEquals(1, calibration.scale(), calibration.toString());
        assertTrue(calibration.fitted());
        assertEquals(calibration.nllBefore(), calibration.nllAfter());
    }

    @Test
    void aModelThatKnowsNothingIsToldToSayAlmostNothing() {
        Random random = new Random(4);
        double[] noise = new double[PAIRS];
        for (int i = 0; i < PAIRS; i++) {
            noise[i] = 5 * random.nextGaussian(); // confident, and right half the time
        }
        Calibration calibration = Calibration.fit(noise);
        assertTrue(calibration.scale() < 0.05, calibration.toString());
        assertTrue(calibration.scale() > 0, "a positive factor keeps every ranking");
        assertEquals(Math.log(2), calibration.nllAfter(), 0.01);
    }

    @Test
    void heldOutPairsThatAreAllRightLeaveTheModelAsTrained() {
        double[] allRight = new double[40];
        java.util.Arrays.fill(allRight, 2.0);
        assertEquals(1, Calibration.fit(allRight).scale());
    }

    @Test
    void tooFewHeldOutPairsLeaveTheModelAsItIs() {
        double[] few = java.util.Arrays.copyOf(times(trueMargins(5), 3), Calibration.MIN_PAIRS - 1);
        Calibration calibration = Calibration.fit(few);
        assertFalse(calibration.fitted());
        assertEquals(1, calibration.scale());
    }

    private static double meanLoss(double[] margins) {
        double total = 0;
        for (double margin : margins) {
            total += BradleyTerry.loss(margin);
        }
        return total / margins.length;
    }
}
