package io.plus.model;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MlpForwardTest {

    @Test
    void givesTheSameBitsAsTheReferenceForwardPass() {
        Random random = new Random(11);
        MlpWeights weights = new MlpWeights(List.of(layer(37, 16, random), layer(16, 9, random), layer(9, 1, random)));
        List<float[]> inputs = new ArrayList<>();
        for (int row = 0; row < 150; row++) { // many passes, the last one partial
            float[] input = new float[37];
            for (int i = 0; i < input.length; i++) {
                input[i] = (float) random.nextGaussian();
            }
            inputs.add(input);
        }
        MlpForward forward = new MlpForward(weights);
        float[] batched = forward.forwardScalars(inputs);
        float[] reference = new float[inputs.size()];
        for (int row = 0; row < inputs.size(); row++) {
            reference[row] = weights.forward(inputs.get(row));
            assertArrayEquals(weights.forwardAll(inputs.get(row)), forward.forward(inputs.get(row)), 0f);
        }
        assertArrayEquals(reference, batched, 0f); // exact: evaluation metrics must not move
        assertEquals(150, batched.length);
    }

    @Test
    void scalingTheOutputScalesEveryRewardAndLeavesTheOriginalAlone() {
        Random random = new Random(5);
        MlpWeights weights = new MlpWeights(List.of(layer(12, 8, random), layer(8, 1, random)));
        float[] before = weights.layers().get(1).weight().clone();
        MlpWeights scaled = weights.withScaledOutput(0.25f);
        for (int row = 0; row < 20; row++) {
            float[] input = new float[12];
            for (int i = 0; i < input.length; i++) {
                input[i] = (float) random.nextGaussian();
            }
            float reward = weights.forward(input);
            assertEquals(0.25f * reward, scaled.forward(input), 1e-5f * Math.max(1, Math.abs(reward)));
        }
        assertArrayEquals(before, weights.layers().get(1).weight(), 0f);
        assertArrayEquals(weights.layers().get(0).weight(), scaled.layers().get(0).weight(), 0f, "hidden layers as they were");
    }

    @Test
    void aNetworkWithSeveralOutputsGivesTheReferenceBitsToo() {
        Random random = new Random(3);
        MlpWeights weights = new MlpWeights(List.of(layer(21, 12, random), layer(12, 5, random)));
        MlpForward forward = new MlpForward(weights);
        for (int row = 0; row < 20; row++) {
            float[] input = vector(21, random);
            assertArrayEquals(weights.forwardAll(input), forward.forward(input), 0f);
        }
        assertThrows(IllegalStateException.class, () -> forward.forwardScalars(List.of(new float[21])));
    }

    @Test
    void refusesAnInputOfTheWrongSize() {
        MlpWeights weights = new MlpWeights(List.of(layer(4, 1, new Random(1))));
        assertThrows(IllegalArgumentException.class,
                () -> new MlpForward(weights).forwardScalars(List.of(new float[4], new float[3])));
    }

    @Test
    void rewardHeadBatchMatchesItsSingleReward() {
        Random random = new Random(5);
        int dim = 6;
        RewardHead head = new RewardHead(new MlpWeights(List.of(
                layer(FeatureLayout.CROSS.dimension(dim, dim), 8, random), layer(8, 1, random))),
                FeatureLayout.CROSS, dim, dim);
        List<RewardHead.Query> queries = new ArrayList<>();
        for (int q = 0; q < 70; q++) {
            queries.add(new RewardHead.Query(vector(dim, random), vector(dim, random), vector(dim, random)));
        }
        float[] batched = head.rewards(queries);
        for (int q = 0; q < queries.size(); q++) {
            RewardHead.Query query = queries.get(q);
            assertEquals(head.reward(query.prompt(), query.response(), query.conditioning()), batched[q], 0f);
        }
    }

    private static float[] vector(int dim, Random random) {
        float[] v = new float[dim];
        for (int i = 0; i < dim; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }

    private static MlpWeights.Layer layer(int inputs, int outputs, Random random) {
        float[] weight = new float[inputs * outputs];
        float[] bias = new float[outputs];
        for (int i = 0; i < weight.length; i++) {
            weight[i] = (float) random.nextGaussian();
        }
        for (int o = 0; o < outputs; o++) {
            bias[o] = (float) random.nextGaussian();
        }
        return new MlpWeights.Layer(inputs, outputs, weight, bias);
    }
}
