package io.plus.summary.training;

import io.plus.summary.SummaryShape;
import io.plus.summary.PolicyNetwork;
import io.plus.summary.UserContext;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PPO on a toy task: one statement is clearly the best summary, and the policy must learn to write it. */
class SummarizerPolicyTest {
    private static final int D = 8;
    private static final int STATEMENTS = 5;
    private static final int BEST = 3;

    @Test
    void ppoLearnsToWriteTheOneRewardingStatement() {
        Random random = new Random(11);
        float[][] bank = new float[STATEMENTS][D];
        for (float[] row : bank) {
            for (int i = 0; i < D; i++) {
                row[i] = (float) random.nextGaussian();
            }
        }
        int[] words = {4, 4, 4, 4, 4};
        int[] groups = {-1, -1, -1, -1, -1};
        SummaryShape shape = new SummaryShape(D, 2, 50, 0f); // no evidence: only learning can find the answer
        List<String> users = Collections.nCopies(32, "u");
        List<UserContext> contexts = Collections.nCopies(32, new UserContext(new float[2 * D], new float[STATEMENTS]));
        try (SummarizerPolicy policy = new SummarizerPolicy(shape, PpoConfig.defaults(), bank, words, groups, 5)) {
            double before = shareStartingWithBest(policy.sample(users, contexts, new Random(1)));
            for (int update = 0; update < 60; update++) {
                List<Episode> episodes = policy.sample(users, contexts, random);
                for (Episode episode : episodes) {
                    episode.setTerminalReward(episode.statements().get(0) == BEST ? 1.0 : -1.0);
                }
                policy.update(episodes);
            }
            double after = shareStartingWithBest(policy.sample(users, contexts, new Random(2)));
            assertTrue(before < 0.5, "untrained policy already prefers the best statement: " + before);
            assertTrue(after > 0.9, "after PPO only " + after + " of summaries start with the best statement");
            assertEquals(BEST, policy.network().greedy(contexts.get(0)).get(0));
        }
    }

    private static double shareStartingWithBest(List<Episode> episodes) {
        return episodes.stream().filter(e -> e.statements().get(0) == BEST).count() / (double) episodes.size();
    }

    @Test
    void evidenceAloneMakesTheUntrainedPolicyWriteWhatTheContextShows() {
        float[][] bank = new float[STATEMENTS][D];
        int[] words = {4, 4, 4, 4, 4};
        int[] groups = {-1, -1, -1, -1, -1};
        float[] evidence = new float[STATEMENTS];
        evidence[1] = 1f;
        SummaryShape shape = new SummaryShape(D, 2, 50, 5f);
        try (SummarizerPolicy policy = new SummarizerPolicy(shape, PpoConfig.defaults(), bank, words, groups, 5)) {
            List<Integer> summary = policy.network().greedy(new UserContext(new float[2 * D], evidence));
            assertEquals(1, summary.get(0));
        }
    }

    @Test
    void summariesRespectBudgetNoRepeatsAndNoContradictions() {
        int[] words = {30, 30, 5, 5, 5};
        int[] groups = {0, 1, 2, 2, -1}; // statements 2 and 3 are about the same feature
        SummaryShape shape = new SummaryShape(D, 4, 50, 0f);
        boolean[] written = {true, false, true, false, false};
        boolean[] allowed = PolicyNetwork.allowed(STATEMENTS, written, 35, 2, words, groups, shape);
        assertTrue(!allowed[0] && !allowed[2], "no repeats");
        assertTrue(!allowed[1], "30 more words would break the 50-word budget");
        assertTrue(!allowed[3], "contradicts statement 2 (same feature)");
        assertTrue(allowed[4] && allowed[STATEMENTS], "a fitting statement and STOP are allowed");
        boolean[] first = PolicyNetwork.allowed(STATEMENTS, new boolean[STATEMENTS], 0, 0, words, groups, shape);
        assertTrue(!first[STATEMENTS], "no empty summary");
        List<Integer> all = new ArrayList<>();
        for (int s = 0; s < STATEMENTS; s++) {
            if (first[s]) {
                all.add(s);
            }
        }
        assertEquals(List.of(0, 1, 2, 3, 4), all);
    }
}
