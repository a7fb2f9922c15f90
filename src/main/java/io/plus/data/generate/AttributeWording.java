package io.plus.data.generate;

import java.util.List;

/**
 * The generator's own phrasing of each attribute combination: a response as {@link ResponseComposer}
 * writes it with the topic's subject, facts, example and caution left out. What is left is the
 * wording that tells the attributes apart, whatever the topic (the evaluator reads it to know
 * which words a user of each type leans to).
 */
public final class AttributeWording {
    private static final ResponseComposer.Snippets NO_TOPIC = new ResponseComposer.Snippets("",
            List.of("", "", ""), "", "");

    private AttributeWording() {
    }

    /** The fixed text of a response with attribute mask {@code mask} (0 to {@link ResponseAttribute#COMBINATIONS} − 1). */
    public static String of(int mask) {
        if (mask < 0 || mask >= ResponseAttribute.COMBINATIONS) {
            throw new IllegalArgumentException("no attribute combination " + mask);
        }
        return ResponseComposer.compose(NO_TOPIC, mask);
    }
}
