package io.plus.methods;

import io.plus.data.Dataset;
import io.plus.data.PreferencePair;
import io.plus.data.Split;
import io.plus.model.MlpWeights;
import io.plus.model.RewardFeatures;
import io.plus.model.RewardHead;
import io.plus.training.LabelledFeatures;
import io.plus.training.RewardHeadTrainer;
import io.plus.training.TrainConfig;

import java.util.List;
import java.util.function.IntConsumer;

/**
 * A reward head over {@code [prompt, response, prompt ⊙ response, conditioning]} trained with the
 * Bradley–Terry loss; the methods differ only in what the conditioning says about the user.
 */
public final class ConditionedRewardMethod implements RewardMethod {
    private final String name;
    private final ConditioningKind conditioning;

    public ConditionedRewardMethod(String name, ConditioningKind conditioning) {
        this.name = name;
        this.conditioning = conditioning;
    }

    @Override
    public String name() {
        return name;
    }

    public ConditioningKind conditioning() {
        return conditioning;
    }

    @Override
    public FittedModel fit(Dataset dataset, EmbeddingTable embeddings, TrainConfig config, IntConsumer onEpoch) {
        // Only the Oracle may see hidden labels; everyone else gets the observable data alone.
        Dataset visible = conditioning.readsGroundTruth() ? dataset : dataset.withoutTruth();
        UserConditioner conditioner = conditioning.bind(visible);
        LabelledFeatures features = features(visible.pairs(Split.TRAIN), embeddings, conditioner);
        MlpWeights weights = new RewardHeadTrainer(config).train(features, onEpoch);
        RewardHead head = new RewardHead(weights, embeddings.dimension(), conditioner.dimension());
        return new FittedModel(name, conditioning, head, conditioner);
    }

    static LabelledFeatures features(List<PreferencePair> pairs, EmbeddingTable embeddings,
                                     UserConditioner conditioner) {
        int d = RewardFeatures.dimension(embeddings.dimension(), conditioner.dimension());
        float[] chosen = new float[pairs.size() * d];
        float[] rejected = new float[pairs.size() * d];
        for (int i = 0; i < pairs.size(); i++) {
            PreferencePair pair = pairs.get(i);
            float[] prompt = embeddings.of(pair.prompt());
            float[] condition = conditioner.conditioning(pair.user());
            RewardFeatures.writeInto(chosen, i * d, prompt, embeddings.of(pair.chosen()), condition);
            RewardFeatures.writeInto(rejected, i * d, prompt, embeddings.of(pair.rejected()), condition);
        }
        return new LabelledFeatures(d, pairs.size(), chosen, rejected);
    }
}
