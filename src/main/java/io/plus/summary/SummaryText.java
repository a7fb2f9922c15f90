package io.plus.summary;

import java.util.List;

/** Renders statements as a readable summary and measures it. */
public final class SummaryText {
    /** The paper keeps summaries under about 50 words. */
    public static final int WORD_BUDGET = 50;

    private SummaryText() {
    }

    /** Sentences joined with spaces; each phrasing is already a sentence. */
    public static String join(List<String> sentences) {
        return String.join(" ", sentences);
    }

    public static int wordCount(String text) {
        String trimmed = text.strip();
        return trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
    }
}
