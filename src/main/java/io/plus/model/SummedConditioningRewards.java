package io.plus.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A reward head's rewards under conditionings that are sums of some of a fixed set of basis vectors
 * (a summary is the sum of its statements' encodings), for many such sums over the same queries.
 * The head's first layer is linear in the features, and for a fixed response the features are
 * linear in the conditioning ({@code [p, r, p⊙r, c, r⊙c]}), so each query's part that does not depend
 * on the conditioning and each (query, basis vector) part are computed once; a conditioning then
 * costs one sum per query before the deeper layers. The same rewards as {@link RewardHead#rewards}
 * up to float rounding (the sums run in another order).
 */
public final class SummedConditioningRewards {
    private final int embeddingDimension;
    private final int conditioningDimension;
    private final boolean cross;
    private final float[] bias;
    /** The first layer's weights, one array of outputs per input (the head's own). */
    private final float[][] columns;
    /** Per basis vector: its conditioning term, the same for every query. */
    private final float[][] byBasis;
    private final float[][] basis;
    private final MlpForward forward;

    public SummedConditioningRewards(RewardHead head, float[][] basis) {
        MlpWeights.Layer first = head.weights().layers().get(0);
        this.embeddingDimension = head.embeddingDimension();
        this.conditioningDimension = head.conditioningDimension();
        this.cross = head.layout() == FeatureLayout.CROSS;
        this.bias = first.bias();
        this.forward = head.forward();
        this.columns = forward.columns(0);
        this.basis = basis;
        this.byBasis = new float[basis.length][];
        for (int b = 0; b < basis.length; b++) {
            if (basis[b].length != conditioningDimension) {
                throw new IllegalArgumentException("basis vector " + b + " has " + basis[b].length
                        + " values, the head's conditioning " + conditioningDimension);
            }
            float[] sum = new float[first.outputs()];
            for (int j = 0; j < conditioningDimension; j++) {
                MlpForward.addScaled(sum, columns[3 * embeddingDimension + j], basis[b][j]);
            }
            byBasis[b] = sum;
        }
    }

    /** Fixed queries: the {@code i}-th response answers the {@code i}-th prompt. */
    public Queries forQueries(List<float[]> prompts, List<float[]> responses) {
        return new Queries(prompts, responses);
    }

    /** The first-layer terms of fixed queries, ready for any sum of basis vectors. */
    public final class Queries {
        /** Per query: the first layer's bias and prompt/response terms. */
        private final float[][] fixed;
        /** Per query and basis vector: the response ⊙ conditioning term (empty without cross features). */
        private final float[][][] crossed;

        private Queries(List<float[]> prompts, List<float[]> responses) {
            if (prompts.size() != responses.size()) {
                throw new IllegalArgumentException("one prompt per response");
            }
            int d = embeddingDimension;
            int c = conditioningDimension;
            this.fixed = new float[prompts.size()][];
            this.crossed = new float[cross ? prompts.size() : 0][basis.length][];
            for (int q = 0; q < fixed.length; q++) {
                float[] prompt = prompts.get(q);
                float[] response = responses.get(q);
                float[] sum = bias.clone();
                for (int i = 0; i < d; i++) {
                    MlpForward.addScaled(sum, columns[i], prompt[i]);
                    MlpForward.addScaled(sum, columns[d + i], response[i]);
                    MlpForward.addScaled(sum, columns[2 * d + i], prompt[i] * response[i]);
                }
                fixed[q] = sum;
                for (int b = 0; cross && b < basis.length; b++) {
                    float[] term = new float[bias.length];
                    for (int j = 0; j < c; j++) {
                        MlpForward.addScaled(term, columns[3 * d + c + j], response[j] * basis[b][j]);
                    }
                    crossed[q][b] = term;
                }
            }
        }

        /** The reward of every query under the conditioning that sums the basis vectors {@code chosen}. */
        public float[] rewards(List<Integer> chosen) {
            List<float[]> firstLayer = new ArrayList<>(fixed.length);
            for (int q = 0; q < fixed.length; q++) {
                float[] sum = fixed[q].clone();
                for (int b : chosen) {
                    MlpForward.addScaled(sum, byBasis[b], 1f);
                    if (cross) {
                        MlpForward.addScaled(sum, crossed[q][b], 1f);
                    }
                }
                firstLayer.add(sum);
            }
            return forward.forwardScalarsAfterFirstLayer(firstLayer);
        }
    }
}
