package io.plus.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A trained reward model in serving form: {@code r(prompt, response | conditioning)} computed in
 * plain Java from embeddings. Which conditioning it expects (none, a type vector, a summary
 * embedding) is recorded in the bundle manifest.
 */
public final class RewardHead {
    /** Queries whose features are built at a time: bounds memory when scoring a whole test split. */
    private static final int FEATURE_CHUNK = 512;

    private final MlpWeights weights;
    private final MlpForward forward;
    private final FeatureLayout layout;
    private final int embeddingDimension;
    private final int conditioningDimension;

    public RewardHead(MlpWeights weights, FeatureLayout layout, int embeddingDimension, int conditioningDimension) {
        if (weights.outputDimension() != 1) {
            throw new IllegalArgumentException("a reward head has one output, these weights have " + weights.outputDimension());
        }
        int expected = layout.dimension(embeddingDimension, conditioningDimension);
        if (weights.inputDimension() != expected) {
            throw new IllegalArgumentException("weights take " + weights.inputDimension()
                    + " features but embeddings of " + embeddingDimension + " and conditioning of "
                    + conditioningDimension + " give " + expected);
        }
        this.weights = weights;
        this.forward = new MlpForward(weights);
        this.layout = layout;
        this.embeddingDimension = embeddingDimension;
        this.conditioningDimension = conditioningDimension;
    }

    public float reward(float[] prompt, float[] response, float[] conditioning) {
        if (conditioning.length != conditioningDimension) {
            throw new IllegalArgumentException("expected conditioning of " + conditioningDimension
                    + " values, got " + conditioning.length);
        }
        return forward.forward(layout.build(prompt, response, conditioning))[0];
    }

    /** One (prompt, response, conditioning) to score. */
    public record Query(float[] prompt, float[] response, float[] conditioning) {
    }

    /** {@link #reward} for each query, the same numbers, computed a few rows per pass over the weights. */
    public float[] rewards(List<Query> queries) {
        float[] rewards = new float[queries.size()];
        for (int from = 0; from < queries.size(); from += FEATURE_CHUNK) {
            List<Query> chunk = queries.subList(from, Math.min(queries.size(), from + FEATURE_CHUNK));
            List<float[]> features = new ArrayList<>(chunk.size());
            for (Query query : chunk) {
                if (query.conditioning().length != conditioningDimension) {
                    throw new IllegalArgumentException("expected conditioning of " + conditioningDimension
                            + " values, got " + query.conditioning().length);
                }
                features.add(layout.build(query.prompt(), query.response(), query.conditioning()));
            }
            System.arraycopy(forward.forwardScalars(features), 0, rewards, from, chunk.size());
        }
        return rewards;
    }

    /** {@code r(chosen) - r(rejected)}: positive when the model agrees with the label. */
    public float margin(float[] prompt, float[] chosen, float[] rejected, float[] conditioning) {
        return reward(prompt, chosen, conditioning) - reward(prompt, rejected, conditioning);
    }

    /** The same head with every reward multiplied by {@code factor} (temperature scaling). */
    public RewardHead withScaledRewards(float factor) {
        return new RewardHead(weights.withScaledOutput(factor), layout, embeddingDimension, conditioningDimension);
    }

    /** The forward pass, for {@link SummedConditioningRewards}, which computes the first layer its own way. */
    MlpForward forward() {
        return forward;
    }

    public MlpWeights weights() {
        return weights;
    }

    public FeatureLayout layout() {
        return layout;
    }

    public int embeddingDimension() {
        return embeddingDimension;
    }

    public int conditioningDimension() {
        return conditioningDimension;
    }
}
