package io.plus.model;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SummedConditioningRewardsTest {
    private static final int D = 6;

    @Test
    void givesTheHeadsOwnRewardsForEverySumOfBasisVectors() {
        Random random = new Random(3);
        for (FeatureLayout layout : FeatureLayout.values()) {
            for (int hiddenLayers : new int[] {0, 2}) {
                RewardHead head = RandomHeads.of(layout, D, hiddenLayers, random.nextLong());
                float[][] basis = {vector(random), vector(random), vector(random)};
                List<float[]> prompts = new ArrayList<>();
                List<float[]> responses = new ArrayList<>();
                for (int q = 0; q < 5; q++) {
                    prompts.add(vector(random));
                    responses.add(vector(random));
                }
                SummedConditioningRewards.Queries queries = new SummedConditioningRewards(head, basis)
                        .forQueries(prompts, responses);
                for (List<Integer> chosen : List.of(List.of(0), List.of(1, 2), List.of(2, 0, 1))) {
                    float[] condition = new float[D];
                    for (int b : chosen) {
                        for (int i = 0; i < D; i++) {
                            condition[i] += basis[b][i];
                        }
                    }
                    float[] fast = queries.rewards(chosen);
                    for (int q = 0; q < prompts.size(); q++) {
                        assertEquals(head.reward(prompts.get(q), responses.get(q), condition), fast[q], 1e-4,
                                layout + ", " + hiddenLayers + " hidden layers, basis " + chosen + ", query " + q);
                    }
                }
            }
        }
    }

    private static float[] vector(Random random) {
        float[] v = new float[D];
        for (int i = 0; i < D; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }
}
