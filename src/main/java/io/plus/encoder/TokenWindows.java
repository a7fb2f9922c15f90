package io.plus.encoder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits a token sequence that is longer than the model's window into overlapping windows, each
 * wrapped in the sequence's own [CLS]/[SEP], so long texts are embedded whole rather than cut.
 */
final class TokenWindows {

    /** One model input: token ids and the weight its pooled vector gets when windows are merged. */
    record Window(long[] ids, int weight) {
    }

    /** Tokens shared by neighbouring windows, so a sentence cut at a border is seen whole once. */
    static final int DEFAULT_OVERLAP = 16;

    private TokenWindows() {
    }

    /**
     * @param ids tokenizer output including the leading [CLS] and trailing [SEP]
     * @param maxTokens window size including [CLS]/[SEP]
     * @param overlap tokens repeated between consecutive windows
     */
    static List<Window> split(long[] ids, int maxTokens, int overlap) {
        if (ids.length <= maxTokens) {
            return List.of(new Window(ids, ids.length));
        }
        if (ids.length < 2 || maxTokens < 3) {
            throw new IllegalArgumentException("window of " + maxTokens + " tokens is too small");
        }
        long cls = ids[0];
        long sep = ids[ids.length - 1];
        long[] content = Arrays.copyOfRange(ids, 1, ids.length - 1);
        int chunk = maxTokens - 2;
        int step = chunk - Math.min(overlap, chunk / 2);
        List<Window> windows = new ArrayList<>();
        for (int start = 0; ; start += step) {
            int end = Math.min(start + chunk, content.length);
            long[] w = new long[end - start + 2];
            w[0] = cls;
            System.arraycopy(content, start, w, 1, end - start);
            w[w.length - 1] = sep;
            windows.add(new Window(w, w.length));
            if (end == content.length) {
                return windows;
            }
        }
    }
}
