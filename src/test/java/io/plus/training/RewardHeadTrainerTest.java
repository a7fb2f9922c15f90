package io.plus.training;

import io.plus.model.MlpWeights;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RewardHeadTrainerTest {

    /** Chosen rows score higher on a hidden direction; the trainer must find it. */
    private static LabelledFeatures hiddenDirectionTask(int n, int d, long seed) {
        Random random = new Random(seed);
        float[] direction = new float[d];
        for (int i = 0; i < d; i++) {
            direction[i] = (float) random.nextGaussian();
        }
        float[] chosen = new float[n * d];
        float[] rejected = new float[n * d];
        for (int row = 0; row < n; row++) {
            float[] a = new float[d];
            float[] b = new float[d];
            float da = 0;
            float db = 0;
            for (int i = 0; i < d; i++) {
                a[i] = (float) random.nextGaussian();
                b[i] = (float) random.nextGaussian();
                da += a[i] * direction[i];
                db += b[i] * direction[i];
            }
            System.arraycopy(da >= db ? a : b, 0, chosen, row * d, d);
            System.arraycopy(da >= db ? b : a, 0, rejected, row * d, d);
        }
        return new LabelledFeatures(d, n, chosen, rejected);
    }

    private static double accuracy(MlpWeights weights, LabelledFeatures data) {
        int correct = 0;
        int d = data.dimension();
        for (int row = 0; row < data.size(); row++) {
            float[] c = Arrays.copyOfRange(data.chosen(), row * d, (row + 1) * d);
            float[] r = Arrays.copyOfRange(data.rejected(), row * d, (row + 1) * d);
            if (weights.forward(c) > weights.forward(r)) {
                correct++;
            }
        }
        return (double) correct / data.size();
    }

    @Test
    void learnsAPreferenceDirectionAndGeneralisesToNewPairs() {
        int d = 16;
        LabelledFeatures all = hiddenDirectionTask(900, d, 1);
        LabelledFeatures train = rows(all, 0, 600);
        LabelledFeatures heldOut = rows(all, 600, 900);
        TrainConfig config = new TrainConfig(32, 1, 15, 32, 3e-3f, 0f, 7);
        MlpWeights weights = new RewardHeadTrainer(config).train(train);
        double accuracy = accuracy(weights, heldOut);
        assertTrue(accuracy > 0.9, "held-out accuracy was " + accuracy);
    }

    private static LabelledFeatures rows(LabelledFeatures data, int from, int to) {
        int d = data.dimension();
        return new LabelledFeatures(d, to - from,
                Arrays.copyOfRange(data.chosen(), from * d, to * d),
                Arrays.copyOfRange(data.rejected(), from * d, to * d));
    }

    @Test
    void stopsSoonAfterTheValidationLossStopsImprovingButNotWhileItImproves() {
        TrainConfig config = new TrainConfig(32, 1, 40, 32, 3e-3f, 0f, 5);
        // labels independent of the features: nothing to learn, the validation loss only rises
        Random random = new Random(11);
        int n = 600;
        int d = 16;
        float[] chosen = new float[n * d];
        float[] rejected = new float[n * d];
        for (int i = 0; i < n * d; i++) {
            chosen[i] = (float) random.nextGaussian();
            rejected[i] = (float) random.nextGaussian();
        }
        int[] noiseEpochs = {0};
        new RewardHeadTrainer(config).train(new LabelledFeatures(d, n, chosen, rejected), e -> noiseEpochs[0] = e);
        assertTrue(noiseEpochs[0] <= 3 * EarlyStopping.PATIENCE,
                "trained " + noiseEpochs[0] + " epochs on pure noise");

        int[] signalEpochs = {0};
        TrainConfig slow = new TrainConfig(32, 1, 40, 32, 1e-4f, 0f, 5);
        new RewardHeadTrainer(slow).train(hiddenDirectionTask(600, d, 1), e -> signalEpochs[0] = e);
        assertTrue(signalEpochs[0] > noiseEpochs[0] + EarlyStopping.PATIENCE,
                "a slowly improving run stopped at epoch " + signalEpochs[0] + ", the noise run at " + noiseEpochs[0]);
    }

    @Test
    void sameSeedGivesIdenticalWeights() {
        TrainConfig config = new TrainConfig(16, 1, 3, 16, 1e-3f, 0f, 42);
        LabelledFeatures data = hiddenDirectionTask(100, 8, 3);
        MlpWeights first = new RewardHeadTrainer(config).train(data);
        MlpWeights second = new RewardHeadTrainer(config).train(data);
        for (int l = 0; l < first.layers().size(); l++) {
            assertArrayEquals(first.layers().get(l).weight(), second.layers().get(l).weight());
            assertArrayEquals(first.layers().get(l).bias(), second.layers().get(l).bias());
        }
    }
}
