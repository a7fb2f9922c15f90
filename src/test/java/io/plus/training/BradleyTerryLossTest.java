package io.plus.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.engine.Engine;
import ai.djl.training.GradientCollector;
import io.plus.model.BradleyTerry;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class BradleyTerryLossTest {
    static {
        DjlSetup.ensure();
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    @Test
    void lossAndGradientMatchTheClosedFormOnATinyBatch() {
        float[] chosen = {2.0f, -1.0f, 0.5f};
        float[] rejected = {1.0f, 1.0f, 0.5f};
        try (NDManager manager = Engine.getEngine("PyTorch").newBaseManager()) {
            NDArray c = manager.create(chosen);
            NDArray r = manager.create(rejected);
            c.setRequiresGradient(true);
            r.setRequiresGradient(true);
            float loss;
            try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
                NDArray value = BradleyTerryLoss.mean(c, r);
                loss = value.getFloat();
                collector.backward(value);
            }
            double expected = 0;
            float[] expectedGradChosen = new float[3];
            for (int i = 0; i < 3; i++) {
                double margin = chosen[i] - rejected[i];
                expected += -Math.log(sigmoid(margin)) / 3;
                // d/dm of -log σ(m) is -σ(-m); the mean divides by the batch size
                expectedGradChosen[i] = (float) (-sigmoid(-margin) / 3);
            }
            assertEquals(expected, loss, 1e-6);
            assertArrayEquals(expectedGradChosen, c.getGradient().toFloatArray(), 1e-6f);
            float[] gradRejected = r.getGradient().toFloatArray();
            for (int i = 0; i < 3; i++) {
                assertEquals(-expectedGradChosen[i], gradRejected[i], 1e-6f);
            }
        }
    }

    @Test
    void plainJavaLossIsStableForLargeMarginsAndMatchesTheFormula() {
        assertEquals(Math.log(2), BradleyTerry.loss(0), 1e-12);
        assertEquals(-Math.log(sigmoid(1.5)), BradleyTerry.loss(1.5), 1e-12);
        assertEquals(-Math.log(sigmoid(-3)), BradleyTerry.loss(-3), 1e-12);
        assertEquals(800, BradleyTerry.loss(-800), 1e-9);
        assertEquals(0, BradleyTerry.loss(800), 1e-12);
    }
}
