package io.plus.summary.training;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SummaryRewardTest {
    private static double logSigmoid(double x) {
        return Math.log(1 / (1 + Math.exp(-x)));
    }

    @Test
    void rewardIsTheMeanLogLikelihoodOfTheUsersPairs() {
        float[] chosen = {2.0f, 0.5f, -1.0f, 9.0f};
        float[] rejected = {1.0f, 0.5f, 1.0f, 0.0f};
        // pairs 0..2 belong to this user; pair 3 to someone else
        double expected = (logSigmoid(1.0) + logSigmoid(0.0) + logSigmoid(-2.0)) / 3;
        assertEquals(expected, SummaryReward.of(chosen, rejected, 0, 3, 10), 1e-9);
    }

    @Test
    void rewardIsClipped() {
        float[] chosen = {-40f};
        float[] rejected = {0f};
        assertEquals(-10, SummaryReward.of(chosen, rejected, 0, 1, 10), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> SummaryReward.of(chosen, rejected, 0, 0, 10));
    }
}
