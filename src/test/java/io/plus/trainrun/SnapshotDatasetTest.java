package io.plus.trainrun;

import io.plus.data.PreferencePair;
import io.plus.data.Split;
import io.plus.data.UserBuckets;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SnapshotDatasetTest {
    private static final SplitPolicy POLICY = new SplitPolicy(0.25, 0.2, 3);

    @Test
    void heldOutUsersAreChosenByTheirHashAndNeverTrainedOn() {
        SnapshotDataset split = SnapshotDataset.of(snapshot("acme", 200, 10), POLICY);

        Set<String> unseen = Set.copyOf(split.unseenUsers());
        for (int u = 0; u < 200; u++) {
            assertEquals(UserBuckets.within(UserBuckets.HELD_OUT, "acme", "u" + u, 0.25), unseen.contains("acme/u" + u));
        }
        assertTrue(unseen.size() > 30 && unseen.size() < 70, "about a quarter: " + unseen.size());
        for (PreferencePair pair : split.dataset().pairs()) {
            boolean held = unseen.contains(pair.user());
            if (held) {
                assertTrue(pair.split() == Split.CONTEXT || pair.split() == Split.TEST_UNSEEN_USERS, pair.toString());
            } else {
                assertFalse(pair.split() == Split.TEST_UNSEEN_USERS, pair.toString());
            }
        }
        // the same snapshot splits the same way, every time
        assertEquals(split, SnapshotDataset.of(snapshot("acme", 200, 10), POLICY));
    }

    @Test
    void eachUsersEarliestPairsAreContextAndTheRestTrainOrTest() {
        SnapshotDataset split = SnapshotDataset.of(snapshot("acme", 50, 10), POLICY);
        Map<String, List<PreferencePair>> byUser = split.dataset().pairs().stream()
                .collect(Collectors.groupingBy(PreferencePair::user));
        for (Map.Entry<String, List<PreferencePair>> user : byUser.entrySet()) {
            List<PreferencePair> pairs = user.getValue();
            long context = pairs.stream().filter(p -> p.split() == Split.CONTEXT).count();
            assertTrue(context >= 1 && context <= 3, user.getKey() + " context " + context);
            if (!split.unseenUsers().contains(user.getKey())) {
                long test = pairs.stream().filter(p -> p.split() == Split.TEST_SEEN_USERS).count();
                long train = pairs.stream().filter(p -> p.split() == Split.TRAIN).count();
                assertEquals(10, context + test + train);
                // the context is the earliest of the pairs not held out for testing
                int latestContext = pairs.stream().filter(p -> p.split() == Split.CONTEXT).mapToInt(SnapshotDatasetTest::sequence)
                        .max().orElseThrow();
                int earliestTrain = pairs.stream().filter(p -> p.split() == Split.TRAIN).mapToInt(SnapshotDatasetTest::sequence)
                        .min().orElse(Integer.MAX_VALUE);
                assertTrue(latestContext < earliestTrain, user.getKey() + ": context before training pairs");
            }
        }
        long seenTest = split.pairs(Split.TEST_SEEN_USERS);
        assertEquals(seenTest, split.seenTestPairs().size());
        assertTrue(seenTest > 40 && seenTest < 120, "about a fifth of the seen users' pairs: " + seenTest);
    }

    @Test
    void tenantsNeverMixAndContextItemsStayUnlabelled() {
        List<StoredEvent> events = new ArrayList<>(snapshot("acme", 5, 4).events());
        events.addAll(snapshot("globex", 5, 4).events());
        events.add(new StoredEvent("acme", "u0", "note", 5, "self-description", null, null, null, "I walk my dog."));
        SnapshotDataset split = SnapshotDataset.of(new FeedbackSnapshot(List.of("acme", "globex"), Instant.EPOCH,
                List.of(), events), POLICY);

        assertEquals(10, split.usersWithPairs(), "acme/u0 and globex/u0 are two users");
        assertEquals(1, split.dataset().contextItems().size());
        assertEquals("acme/u0", split.dataset().contextItems().get(0).user());
        assertEquals(40, split.dataset().pairs().size(), "a context item is not a pair");
    }

    @Test
    void sharesOutsideTheOpenUnitIntervalAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SplitPolicy(0, 0.2, 3));
        assertThrows(IllegalArgumentException.class, () -> new SplitPolicy(0.2, 1, 3));
        assertThrows(IllegalArgumentException.class, () -> new SplitPolicy(-0.1, 0.2, 3));
        assertThrows(IllegalArgumentException.class, () -> new SplitPolicy(0.2, Double.NaN, 3));
        assertThrows(IllegalArgumentException.class, () -> new SplitPolicy(0.2, 0.2, 0));
    }

    /** The sequence number the fixture's event ids end with ({@code acme/e<user>-<sequence>}). */
    private static int sequence(PreferencePair pair) {
        return Integer.parseInt(pair.id().substring(pair.id().lastIndexOf('-') + 1));
    }

    static FeedbackSnapshot snapshot(String tenant, int users, int pairsPerUser) {
        List<StoredEvent> events = new ArrayList<>();
        List<Watermark> watermarks = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            for (int s = 1; s <= pairsPerUser; s++) {
                events.add(new StoredEvent(tenant, "u" + u, "e" + u + "-" + s, s, StoredEvent.PREFERENCE, "Pets?",
                        "Dogs " + s, "Cats " + s, null));
            }
            watermarks.add(new Watermark(tenant, "u" + u, pairsPerUser));
        }
        return new FeedbackSnapshot(List.of(tenant), Instant.EPOCH, watermarks, events);
    }
}
