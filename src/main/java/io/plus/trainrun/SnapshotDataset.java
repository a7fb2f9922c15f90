package io.plus.trainrun;

import io.plus.data.ContextItem;
import io.plus.data.Dataset;
import io.plus.data.GroundTruth;
import io.plus.data.PreferencePair;
import io.plus.data.Split;
import io.plus.data.UserBuckets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A feedback snapshot as a dataset ({@link SplitPolicy}), with what was held out. Users are named
 * {@code tenant/user} and pairs {@code tenant/eventId} (ids never hold a slash), so tenants never mix.
 * Stored feedback has no hidden truth: nothing here can leak any.
 */
public record SnapshotDataset(Dataset dataset, List<String> unseenUsers, List<String> seenTestPairs) {
    public static final String SEPARATOR = "/";

    public static SnapshotDataset of(FeedbackSnapshot snapshot, SplitPolicy policy) {
        Map<String, List<StoredEvent>> byUser = new LinkedHashMap<>();
        for (StoredEvent event : snapshot.events()) {
            byUser.computeIfAbsent(key(event.tenant(), event.user()), k -> new ArrayList<>()).add(event);
        }
        List<PreferencePair> pairs = new ArrayList<>();
        List<ContextItem> items = new ArrayList<>();
        List<String> unseen = new ArrayList<>();
        List<String> seenTest = new ArrayList<>();
        for (Map.Entry<String, List<StoredEvent>> user : byUser.entrySet()) {
            List<StoredEvent> events = user.getValue(); // in sequence order, as exported
            StoredEvent first = events.get(0);
            List<StoredEvent> preferences = events.stream().filter(StoredEvent::isPreference).toList();
            for (StoredEvent event : events) {
                if (!event.isPreference()) {
                    items.add(new ContextItem(key(event.tenant(), event.eventId()), user.getKey(), event.contextText(),
                            StoredEvent.CONVERSATION.equals(event.kind()) ? ContextItem.Source.CONVERSATION
                                    : ContextItem.Source.SELF_DESCRIPTION));
                }
            }
            if (UserBuckets.within(UserBuckets.HELD_OUT, first.tenant(), first.user(), policy.unseenUserShare())) {
                unseen.add(user.getKey());
                int context = Math.min(policy.contextPairs(), (preferences.size() + 1) / 2);
                for (int i = 0; i < preferences.size(); i++) {
                    pairs.add(pair(user.getKey(), preferences.get(i), i < context ? Split.CONTEXT : Split.TEST_UNSEEN_USERS));
                }
                continue;
            }
            List<StoredEvent> kept = new ArrayList<>();
            for (StoredEvent event : preferences) {
                if (UserBuckets.within(UserBuckets.SEEN_TEST, event.tenant(), event.eventId(), policy.seenTestShare())) {
                    pairs.add(pair(user.getKey(), event, Split.TEST_SEEN_USERS));
                    seenTest.add(key(event.tenant(), event.eventId()));
                } else {
                    kept.add(event);
                }
            }
            int context = Math.min(policy.contextPairs(), kept.size() / 2);
            for (int i = 0; i < kept.size(); i++) {
                pairs.add(pair(user.getKey(), kept.get(i), i < context ? Split.CONTEXT : Split.TRAIN));
            }
        }
        String name = "feedback-" + String.join("+", snapshot.tenants());
        return new SnapshotDataset(new Dataset(name, pairs, items, GroundTruth.NONE), unseen, seenTest);
    }

    public static String key(String tenant, String id) {
        return tenant + SEPARATOR + id;
    }

    private static PreferencePair pair(String user, StoredEvent event, Split split) {
        return new PreferencePair(key(event.tenant(), event.eventId()), user, event.prompt(), event.chosen(),
                event.rejected(), null, split);
    }

    /** Users with at least one labelled pair. */
    public long usersWithPairs() {
        return dataset.pairs().stream().map(PreferencePair::user).distinct().count();
    }

    public int pairs(Split split) {
        return dataset.pairs(split).size();
    }
}
