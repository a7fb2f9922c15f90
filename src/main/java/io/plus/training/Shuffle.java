package io.plus.training;

import java.util.Random;

/** Seeded index permutations for minibatches and splits (Fisher–Yates). */
public final class Shuffle {
    private Shuffle() {
    }

    public static int[] identity(int size) {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        return order;
    }

    public static void inPlace(int[] values, Random random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = values[i];
            values[i] = values[j];
            values[j] = tmp;
        }
    }

    public static int[] permutation(int size, Random random) {
        int[] order = identity(size);
        inPlace(order, random);
        return order;
    }
}
