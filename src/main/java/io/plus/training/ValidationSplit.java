package io.plus.training;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/**
 * Which training rows are held out to choose a reward head's epoch: the rows of a random
 * {@link #SHARE} of the groups (e.g. prompts, whose responses recur across pairs, so validation
 * measures generalisation rather than recall), or of the rows when there are few groups. None
 * when that would be fewer than {@link #MIN_ROWS} rows: too few to choose an epoch by.
 */
public final class ValidationSplit {
    /** Hold out this share of the groups... */
    static final double SHARE = 0.1;
    /** ...when that gives at least this many rows. */
    static final int MIN_ROWS = 30;

    private ValidationSplit() {
    }

    /** Flags of the held-out rows, the same for the same groups and seed; all false if too few. */
    public static boolean[] heldOut(int[] groups, long seed) {
        Random random = new Random(seed ^ 0x5DEECE66DL);
        boolean[] heldOut = sample(groups, random);
        int size = 0;
        for (boolean h : heldOut) {
            size += h ? 1 : 0;
        }
        return size < MIN_ROWS ? new boolean[groups.length] : heldOut;
    }

    private static boolean[] sample(int[] groups, Random random) {
        int[] distinct = Arrays.stream(groups).distinct().sorted().toArray();
        boolean[] heldOut = new boolean[groups.length];
        if (distinct.length < 10) {
            int[] order = Shuffle.permutation(groups.length, random);
            for (int i = 0; i < (int) (groups.length * SHARE); i++) {
                heldOut[order[i]] = true;
            }
            return heldOut;
        }
        int[] order = Shuffle.permutation(distinct.length, random);
        Set<Integer> chosen = new HashSet<>();
        for (int i = 0; i < Math.max(1, (int) (distinct.length * SHARE)); i++) {
            chosen.add(distinct[order[i]]);
        }
        for (int i = 0; i < groups.length; i++) {
            heldOut[i] = chosen.contains(groups[i]);
        }
        return heldOut;
    }
}
