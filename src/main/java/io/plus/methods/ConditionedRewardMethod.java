package io.plus.methods;

import io.plus.data.Dataset;
import io.plus.data.PreferencePair;
import io.plus.data.Split;
import io.plus.model.FeatureLayout;
import io.plus.model.MlpWeights;
import io.plus.model.RewardHead;
import io.plus.training.LabelledFeatures;
import io.plus.training.RewardHeadTrainer;
import io.plus.training.TrainConfig;
import io.plus.training.ValidationSplit;

import java.util.List;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * A reward head trained with the Bradley–Terry loss on a conditioning fixed before training
 * (none for BTL, the true type for the Oracle, the raw context for ICL).
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
    public boolean readsGroundTruth() {
        return conditioning.readsGroundTruth();
    }

    @Override
    public FittedModel fit(Dataset dataset, EmbeddingTable embeddings, TrainConfig config, IntConsumer onEpoch) {
        // Only the Oracle may see hidden labels; everyone else gets the observable data alone.
        Dataset visible = conditioning.readsGroundTruth() ? dataset : dataset.withoutTruth();
        UserConditioner conditioner = conditioning.bind(visible, embeddings);
        FeatureLayout layout = conditioning.layout();
        List<PreferencePair> train = visible.pairs(Split.TRAIN);
        LabelledFeatures features = features(train, embeddings, conditioner, layout);
        boolean[] heldOut = ValidationSplit.heldOut(promptGroups(train), config.seed());
        MlpWeights weights = new RewardHeadTrainer(config).train(features, heldOut, onEpoch);
        RewardHead head = new RewardHead(weights, layout, embeddings.dimension(), conditioner.dimension());
        // the pairs that chose the epoch also set the temperature: none of them was trained on
        List<PreferencePair> validation = IntStream.range(0, train.size()).filter(i -> heldOut[i])
                .mapToObj(train::get).toList();
        return new FittedModel(name, conditioning.conditioning(), head, conditioner).calibratedOn(validation, embeddings);
    }

    /** Pairs with the same prompt share a group (their responses recur across pairs). */
    public static int[] promptGroups(List<PreferencePair> pairs) {
        java.util.Map<String, Integer> ids = new java.util.HashMap<>();
        return pairs.stream().mapToInt(p -> ids.computeIfAbsent(p.prompt(), k -> ids.size())).toArray();
    }

    /** Feature rows for labelled pairs under a conditioner. */
    public static LabelledFeatures features(List<PreferencePair> pairs, EmbeddingTable embeddings,
                                            UserConditioner conditioner, FeatureLayout layout) {
        int d = layout.dimension(embeddings.dimension(), conditioner.dimension());
        float[] chosen = new float[pairs.size() * d];
        float[] rejected = new float[pairs.size() * d];
        for (int i = 0; i < pairs.size(); i++) {
            PreferencePair pair = pairs.get(i);
            float[] prompt = embeddings.of(pair.prompt());
            float[] condition = conditioner.conditioning(pair.user());
            layout.writeInto(chosen, i * d, prompt, embeddings.of(pair.chosen()), condition);
            layout.writeInto(rejected, i * d, prompt, embeddings.of(pair.rejected()), condition);
        }
        return new LabelledFeatures(d, pairs.size(), chosen, rejected);
    }
}
