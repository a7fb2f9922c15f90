package io.plus.eval;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReliabilityTest {
    /** σ(log 7) = 0.875, the middle of a bin. */
    private static final double SURE = Math.log(7);

    @Test
    void predictionsRightAsOftenAsTheySayHaveNoCalibrationError() {
        double[] margins = new double[8];
        java.util.Arrays.fill(margins, SURE);
        margins[0] = -SURE; // as sure of the other side, and wrong: 7 of 8 right
        Reliability reliability = Reliability.of(margins);
        assertEquals(0, reliability.expectedCalibrationError(), 1e-9);
        Reliability.Bin bin = reliability.bins().get(7); // [0.85, 0.9)
        assertEquals(8, bin.count());
        assertEquals(0.875, bin.meanConfidence(), 1e-9);
        assertEquals(0.875, bin.accuracy(), 1e-9);
    }

    @Test
    void theErrorIsTheGapBetweenConfidenceAndAccuracyWeightedByPairs() {
        // 10 pairs at 87.5% of which 5 right (gap 0.375), 10 ties at 50% (gap 0): ECE 0.1875
        double[] margins = new double[20];
        for (int i = 0; i < 10; i++) {
            margins[i] = i < 5 ? SURE : -SURE;
        }
        Reliability reliability = Reliability.of(margins);
        assertEquals(0.1875, reliability.expectedCalibrationError(), 1e-9);
        assertEquals(0.5, reliability.bins().get(0).accuracy(), 1e-9, "a tie counts half");
        assertEquals(Reliability.BINS, reliability.bins().size());
    }

    @Test
    void poolingKeepsEveryPairAndItsBin() {
        Reliability a = Reliability.of(new double[] {SURE, SURE});
        Reliability b = Reliability.of(new double[] {-SURE, 0});
        Reliability pooled = Reliability.pooled(List.of(a, b));
        Reliability together = Reliability.of(new double[] {SURE, SURE, -SURE, 0});
        for (int bin = 0; bin < Reliability.BINS; bin++) {
            assertEquals(together.bins().get(bin).count(), pooled.bins().get(bin).count());
        }
        assertEquals(4, pooled.count());
        assertEquals(together.expectedCalibrationError(), pooled.expectedCalibrationError(), 1e-12);
        assertEquals(Double.NaN, Reliability.of(new double[0]).expectedCalibrationError());
    }
}
