package io.plus.methods;

import io.plus.data.PreferencePair;
import io.plus.model.RewardHead;

/**
 * A trained method bound to a dataset: it can say how strongly it prefers a pair's chosen side.
 * {@code conditioning} names how the user is described to the head (a {@link ConditioningKind}
 * name, or {@code SUMMARY} for PLUS).
 */
public record FittedModel(String method, String conditioning, RewardHead head, UserConditioner conditioner) {

    /** {@code r(chosen | user) - r(rejected | user)}. */
    public double margin(PreferencePair pair, EmbeddingTable embeddings) {
        float[] condition = conditioner.conditioning(pair.user());
        return head.margin(embeddings.of(pair.prompt()), embeddings.of(pair.chosen()),
                embeddings.of(pair.rejected()), condition);
    }
}
