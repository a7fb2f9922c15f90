package io.plus.summary;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Turns chosen statements into summary text in one of three wordings. */
public final class SummaryRenderer {
    private SummaryRenderer() {
    }

    /** The canonical wording: what users see and what serving conditions on. */
    public static String canonical(StatementBank bank, List<Integer> statements) {
        List<String> sentences = new ArrayList<>();
        for (int index : statements) {
            sentences.add(bank.get(index).text());
        }
        return SummaryText.join(sentences);
    }

    /** A random training wording per statement, so the reward model learns meanings, not sentences. */
    public static String trainingVariant(StatementBank bank, List<Integer> statements, Random random) {
        List<String> sentences = new ArrayList<>();
        for (int index : statements) {
            List<String> phrasings = bank.get(index).phrasings();
            sentences.add(phrasings.get(random.nextInt(phrasings.size())));
        }
        return SummaryText.join(sentences);
    }

    /** Wording the reward model never saw in training (robustness to a person's own words). */
    public static String heldOutVariant(StatementBank bank, List<Integer> statements, Random random) {
        List<String> sentences = new ArrayList<>();
        for (int index : statements) {
            List<String> heldOut = bank.get(index).heldOutPhrasings();
            sentences.add(heldOut.isEmpty() ? bank.get(index).text() : heldOut.get(random.nextInt(heldOut.size())));
        }
        return SummaryText.join(sentences);
    }
}
