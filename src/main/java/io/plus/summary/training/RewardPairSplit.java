package io.plus.summary.training;

import io.plus.data.PreferencePair;
import io.plus.training.Shuffle;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Splits the training users' pairs three ways. The pairs of a share of the prompts, the same prompts
 * for every user, are held out of co-adaptation altogether: they choose the settle epoch and set the
 * temperature, and only then are they fitted, in one last epoch. Of the rest, a share of each
 * user's pairs scores summaries and the others train the reward model.
 * <p>
 * Why whole prompts: users share prompts (every dsp user of a domain answers the same queries the
 * same way), so a pair held back from one user alone is still fitted through another user's copy of
 * it. The temperature fitted on such pairs came out far too confident for new prompts (held-out NLL
 * 0.29 against 0.70 on dsp's test pairs). Summaries are still scored on each user's own held-back
 * pairs: scoring them on whole held-out prompts instead (a quarter or a tenth of them) was measured
 * and cost PLUS 3 to 5 points on dsp, since the reward model then saw fewer distinct answers and
 * each summary was judged on fewer pairs. With fewer than {@link #MIN_PROMPTS} prompts none are
 * held out, and a user who answered only held-out prompts keeps theirs.
 */
public final class RewardPairSplit {
    /** Fewer distinct prompts than this and no prompt is held out. */
    static final int MIN_PROMPTS = 10;
    /** The share of the prompts held out of co-adaptation. */
    static final double HELD_OUT_PROMPTS = 0.1;

    /**
     * {@code fitted} and {@code reward} by user, in user order; {@code heldOut} the pairs of the
     * held-out prompts (empty when there were too few prompts).
     */
    public record Result(Map<String, List<PreferencePair>> fitted, Map<String, List<PreferencePair>> reward,
                         List<PreferencePair> heldOut) {
        /** What chooses the settle epoch and the temperature: the held-out pairs, or the reward pairs if none. */
        public List<PreferencePair> settlePairs() {
            return heldOut.isEmpty() ? reward.values().stream().flatMap(List::stream).toList() : heldOut;
        }
    }

    private RewardPairSplit() {
    }

    /** {@code rewardShare} of each user's remaining pairs score summaries. */
    public static Result of(Map<String, List<PreferencePair>> byUser, double rewardShare, long seed) {
        if (!(rewardShare > 0 && rewardShare < 1)) {
            throw new IllegalArgumentException("the reward share must lie strictly between 0 and 1, not " + rewardShare);
        }
        Random random = new Random(seed ^ 0x2545F4914F6CDD1DL);
        Set<String> heldPrompts = heldPrompts(byUser, random);
        Map<String, List<PreferencePair>> fitted = new TreeMap<>();
        Map<String, List<PreferencePair>> reward = new TreeMap<>();
        List<PreferencePair> heldOut = new ArrayList<>();
        byUser.forEach((user, pairs) -> {
            List<PreferencePair> held = new ArrayList<>();
            List<PreferencePair> rest = new ArrayList<>();
            for (PreferencePair pair : pairs) {
                (heldPrompts.contains(pair.prompt()) ? held : rest).add(pair);
            }
            if (rest.isEmpty()) {
                rest = held;
                held = List.of();
            }
            heldOut.addAll(held);
            Collections.shuffle(rest, random);
            int count = Math.max(1, (int) Math.round(rest.size() * rewardShare));
            reward.put(user, List.copyOf(rest.subList(0, count)));
            fitted.put(user, List.copyOf(rest.size() > count ? rest.subList(count, rest.size()) : rest));
        });
        return new Result(fitted, reward, List.copyOf(heldOut));
    }

    private static Set<String> heldPrompts(Map<String, List<PreferencePair>> byUser, Random random) {
        List<String> prompts = new ArrayList<>(new TreeSet<>(byUser.values().stream().flatMap(List::stream)
                .map(PreferencePair::prompt).toList()));
        if (prompts.size() < MIN_PROMPTS) {
            return Set.of();
        }
        int[] order = Shuffle.permutation(prompts.size(), random);
        Set<String> held = new HashSet<>();
        for (int i = 0; i < Math.max(1, (int) Math.round(prompts.size() * HELD_OUT_PROMPTS)); i++) {
            held.add(prompts.get(order[i]));
        }
        return held;
    }
}
