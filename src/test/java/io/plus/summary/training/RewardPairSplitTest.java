package io.plus.summary.training;

import io.plus.data.PreferencePair;
import io.plus.data.Split;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RewardPairSplitTest {

    /** {@code users} users who all answer the same {@code prompts} prompts, two pairs each. */
    private static Map<String, List<PreferencePair>> sharedPrompts(int users, int prompts) {
        Map<String, List<PreferencePair>> byUser = new TreeMap<>();
        int id = 0;
        for (int u = 0; u < users; u++) {
            String user = "u" + u;
            List<PreferencePair> pairs = new ArrayList<>();
            for (int p = 0; p < prompts; p++) {
                for (int r = 0; r < 2; r++) {
                    pairs.add(new PreferencePair("p" + id++, user, "prompt " + p, "good " + r, "bad " + r, "t",
                            Split.TRAIN));
                }
            }
            byUser.put(user, pairs);
        }
        return byUser;
    }

    private static Set<String> prompts(Map<String, List<PreferencePair>> byUser) {
        return byUser.values().stream().flatMap(List::stream).map(PreferencePair::prompt).collect(Collectors.toSet());
    }

    @Test
    void theHeldOutPromptsAreNeitherFittedNorScoredForAnyUser() {
        Map<String, List<PreferencePair>> byUser = sharedPrompts(6, 40);
        RewardPairSplit.Result split = RewardPairSplit.of(byUser, 0.25, 3);

        Set<String> heldPrompts = split.heldOut().stream().map(PreferencePair::prompt).collect(Collectors.toSet());
        assertEquals(4, heldPrompts.size(), "a tenth of the 40 prompts");
        assertEquals(6 * 4 * 2, split.heldOut().size(), "every user's pairs on those prompts");
        assertTrue(heldPrompts.stream().noneMatch(prompts(split.fitted())::contains), "held-out prompts were fitted");
        assertTrue(heldPrompts.stream().noneMatch(prompts(split.reward())::contains), "held-out prompts were scored");
        for (String user : byUser.keySet()) {
            assertEquals(18, split.reward().get(user).size(), "a quarter of the user's other 72 pairs");
            assertEquals(54, split.fitted().get(user).size());
            Set<PreferencePair> both = new HashSet<>(split.reward().get(user));
            both.retainAll(split.fitted().get(user));
            assertTrue(both.isEmpty(), "a pair both scored and fitted");
        }
    }

    @Test
    void theSameSeedSplitsTheSameWayAndAnotherSeedOtherwise() {
        Map<String, List<PreferencePair>> byUser = sharedPrompts(3, 40);
        assertEquals(RewardPairSplit.of(byUser, 0.25, 7), RewardPairSplit.of(byUser, 0.25, 7));
        assertNotEquals(RewardPairSplit.of(byUser, 0.25, 7).heldOut(), RewardPairSplit.of(byUser, 0.25, 8).heldOut());
    }

    @Test
    void withFewPromptsNoneIsHeldOut() {
        Map<String, List<PreferencePair>> byUser = sharedPrompts(4, 3);
        RewardPairSplit.Result split = RewardPairSplit.of(byUser, 0.5, 1);
        assertTrue(split.heldOut().isEmpty());
        for (String user : byUser.keySet()) {
            assertEquals(3, split.reward().get(user).size());
            assertEquals(3, split.fitted().get(user).size());
        }
    }

    @Test
    void aUserWhoAnsweredOnlyHeldOutPromptsKeepsTheirPairs() {
        Map<String, List<PreferencePair>> byUser = sharedPrompts(2, 40);
        String heldPrompt = RewardPairSplit.of(byUser, 0.25, 5).heldOut().get(0).prompt();
        List<PreferencePair> lone = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            lone.add(new PreferencePair("lone" + i, "u9", heldPrompt, "good " + i, "bad " + i, "t", Split.TRAIN));
        }
        byUser.put("u9", lone);
        RewardPairSplit.Result split = RewardPairSplit.of(byUser, 0.25, 5);
        assertTrue(split.heldOut().stream().noneMatch(p -> p.user().equals("u9")));
        assertEquals(2, split.reward().get("u9").size());
        assertEquals(6, split.fitted().get("u9").size());
    }
}
