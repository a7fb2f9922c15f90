package io.plus.data;

import java.util.Map;
import java.util.Optional;

/**
 * The hidden labels of a synthetic dataset, kept apart from the observable data. Only the Oracle
 * and the evaluator may read it.
 */
public record GroundTruth(Map<String, UserTruth> users, Map<String, PairTruth> pairs) {
    public static final GroundTruth NONE = new GroundTruth(Map.of(), Map.of());

    public GroundTruth {
        users = Map.copyOf(users);
        pairs = Map.copyOf(pairs);
    }

    /** No hidden labels at all (real data, or a folder without {@code truth.jsonl}). */
    public boolean isEmpty() {
        return users.isEmpty() && pairs.isEmpty();
    }

    public Optional<UserTruth> user(String userId) {
        return Optional.ofNullable(users.get(userId));
    }

    public Optional<PairTruth> pair(String pairId) {
        return Optional.ofNullable(pairs.get(pairId));
    }
}
