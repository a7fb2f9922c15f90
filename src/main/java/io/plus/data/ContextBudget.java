package io.plus.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How much context some users have given: the same dataset with each chosen user's context pairs cut
 * to their first {@code k} units, in dataset order, and their unlabelled context items to their first
 * {@code k}. Everything else (training, test pairs, other
 * users, the truth) is left as it is, so results at different {@code k} compare the same users on
 * the same test pairs. The hidden truth of a dropped pair goes with it.
 */
public final class ContextBudget {
    private ContextBudget() {
    }

    /** Users with pairs in the unseen-users test split: the ones a cold start is about. */
    public static Set<String> unseenUsers(Dataset dataset) {
        Set<String> users = new TreeSet<>();
        for (PreferencePair pair : dataset.pairs(Split.TEST_UNSEEN_USERS)) {
            users.add(pair.user());
        }
        return users;
    }

    /** The dataset with each of {@code users}' context cut to its first {@code k} units. */
    public static Dataset truncate(Dataset dataset, Set<String> users, int k, ContextUnit unit) {
        if (k < 0) {
            throw new IllegalArgumentException("a context budget cannot be negative: " + k);
        }
        Map<String, Set<String>> unitsSeen = new HashMap<>();
        List<PreferencePair> kept = new ArrayList<>(dataset.pairs().size());
        Map<String, Integer> pairsSeen = new HashMap<>();
        for (PreferencePair pair : dataset.pairs()) {
            if (pair.split() != Split.CONTEXT || !users.contains(pair.user())) {
                kept.add(pair);
                continue;
            }
            boolean within = switch (unit) {
                case PAIR -> pairsSeen.merge(pair.user(), 1, Integer::sum) <= k;
                case QUERY -> {
                    Set<String> queries = unitsSeen.computeIfAbsent(pair.user(), u -> new HashSet<>());
                    yield queries.contains(pair.prompt()) || (queries.size() < k && queries.add(pair.prompt()));
                }
            };
            if (within) {
                kept.add(pair);
            }
        }
        Map<String, Integer> itemsSeen = new HashMap<>();
        List<ContextItem> items = new ArrayList<>();
        for (ContextItem item : dataset.contextItems()) {
            if (!users.contains(item.user()) || itemsSeen.merge(item.user(), 1, Integer::sum) <= k) {
                items.add(item);
            }
        }
        Map<String, PairTruth> truths = new HashMap<>();
        for (PreferencePair pair : kept) {
            dataset.truth().pair(pair.id()).ifPresent(truth -> truths.put(pair.id(), truth));
        }
        return new Dataset(dataset.name(), kept, items, new GroundTruth(dataset.truth().users(), truths));
    }

    /** How many context units each user with context has, in one pass over the pairs. */
    public static Map<String, Integer> unitsByUser(Dataset dataset, ContextUnit unit) {
        Map<String, Set<String>> queries = new HashMap<>();
        Map<String, Integer> units = new HashMap<>();
        for (PreferencePair pair : dataset.pairs()) {
            if (pair.split() != Split.CONTEXT) {
                continue;
            }
            boolean newUnit = unit == ContextUnit.PAIR
                    || queries.computeIfAbsent(pair.user(), u -> new HashSet<>()).add(pair.prompt());
            units.merge(pair.user(), newUnit ? 1 : 0, Integer::sum);
        }
        return units;
    }

    /** How many context units a user has. */
    public static int units(Dataset dataset, String user, ContextUnit unit) {
        return unitsByUser(dataset, unit).getOrDefault(user, 0);
    }
}
