package io.plus.summary;

import io.plus.encoder.HashedTextEncoder;
import io.plus.encoder.TextEncoder;
import io.plus.encoder.Vectors;
import io.plus.model.FeatureLayout;
import io.plus.model.MlpWeights;
import io.plus.model.RewardHead;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SummaryEncodingTest {
    @Test
    void splitsASummaryIntoItsSentences() {
        assertEquals(List.of("Likes dogs.", "Prefers short answers!", "Really?"),
                SummaryEncoding.sentences("  Likes dogs.  Prefers short answers! Really?"));
        assertEquals(List.of("no full stop here"), SummaryEncoding.sentences("no full stop here"));
        assertEquals(List.of(""), SummaryEncoding.sentences("   "), "a blank summary is read as itself");
        assertEquals(List.of("Version 2.5 is fine."), SummaryEncoding.sentences("Version 2.5 is fine."),
                "a dot inside a number does not end a sentence");
    }

    @Test
    void aSummaryIsTheSumOfItsSentencesEachEmbeddedOnce() {
        HashedTextEncoder encoder = new HashedTextEncoder(6);
        float[][] out = SummaryEncoding.of(encoder, List.of("Likes dogs. Prefers short answers.", "Likes dogs."));
        assertEquals(List.of("Likes dogs.", "Prefers short answers."), encoder.embedded(), "each distinct sentence once");

        float[][] parts = new HashedTextEncoder(6).embed(List.of("Likes dogs.", "Prefers short answers."));
        float[] sum = new float[6];
        for (int i = 0; i < 6; i++) {
            sum[i] = parts[0][i] + parts[1][i];
        }
        assertArrayEquals(sum, out[0], 1e-6f);
        assertArrayEquals(parts[0], out[1], 1e-6f, "a one-sentence summary is that sentence's vector");
        // a second statement keeps the first at full strength: its component along the first is not diluted
        assertEquals(1 + Vectors.dot(parts[0], parts[1]), Vectors.dot(out[0], parts[0]), 1e-5);
        // order of sentences does not matter, wording does
        assertArrayEquals(out[0], SummaryEncoding.of(encoder, "Prefers short answers. Likes dogs."), 1e-6f);
    }

    /**
     * A reward model that scores a response by how well it matches the summary ({@code r · z}), with
     * "Likes A." and "Likes B." pointing at the features A and B: a user who likes both gets both
     * kinds of answer rewarded as much as a user who likes either alone.
     */
    @Test
    void aMixtureUsersTwoStatementsBothMoveTheRewardAtFullStrength() {
        int d = 3;
        float[] a = {1, 0, 0};
        float[] b = {0, 1, 0};
        float[] neither = {0, 0, 1};
        Map<String, float[]> sentences = Map.of("Likes A.", a, "Likes B.", b);
        TextEncoder encoder = new TextEncoder() {
            public String id() {
                return "two-features";
            }

            public int dimension() {
                return d;
            }

            public float[][] embed(List<String> texts) {
                return texts.stream().map(t -> sentences.get(t).clone()).toArray(float[][]::new);
            }

            public void close() {
            }
        };
        int inputs = FeatureLayout.CROSS.dimension(d, d);
        float[] weight = new float[inputs];
        for (int i = 0; i < d; i++) {
            weight[4 * d + i] = 1f; // [p, r, p ⊙ r, z, r ⊙ z]: only r ⊙ z counts
        }
        RewardHead head = new RewardHead(new MlpWeights(List.of(new MlpWeights.Layer(inputs, 1, weight, new float[1]))),
                FeatureLayout.CROSS, d, d);

        float[] both = SummaryEncoding.of(encoder, "Likes A. Likes B.");
        float[] onlyA = SummaryEncoding.of(encoder, "Likes A.");
        float[] onlyB = SummaryEncoding.of(encoder, "Likes B.");
        assertEquals(head.margin(neither, a, neither, onlyA), head.margin(neither, a, neither, both), 1e-6);
        assertEquals(head.margin(neither, b, neither, onlyB), head.margin(neither, b, neither, both), 1e-6);
        assertEquals(1.0, head.margin(neither, a, neither, both), 1e-6, "A over an answer with neither");
        assertEquals(0.0, head.margin(neither, a, b, both), 1e-6, "between A and B the user is torn");
    }
}
