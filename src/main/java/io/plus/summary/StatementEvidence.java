package io.plus.summary;

import io.plus.data.PreferencePair;
import io.plus.encoder.Vectors;

import java.util.ArrayList;
import java.util.List;

/**
 * How much a user's labelled context supports each bank statement, in [-1, 1]: for word and length
 * statements the user's lean on the feature ({@link StatementMiner#evidence}); for style statements
 * how much closer the user's preference direction lies to that style's direction than to the other
 * styles' (the similarity standardised over the styles, halved and clipped, so the most similar
 * style stands out whatever the overall level of similarity).
 */
public final class StatementEvidence {
    private StatementEvidence() {
    }

    public static float[] of(StatementBank bank, List<PreferencePair> contextPairs, float[] preferenceDirection) {
        float[] evidence = StatementMiner.evidence(bank, contextPairs);
        if (contextPairs.isEmpty() || Vectors.norm(preferenceDirection) == 0) {
            return evidence;
        }
        List<Integer> styles = new ArrayList<>();
        for (int s = 0; s < bank.size(); s++) {
            if (bank.get(s).direction() != null) {
                styles.add(s);
            }
        }
        if (styles.isEmpty()) {
            return evidence;
        }
        double[] similarity = new double[styles.size()];
        double mean = 0;
        for (int i = 0; i < similarity.length; i++) {
            similarity[i] = Vectors.cosine(preferenceDirection, bank.get(styles.get(i)).direction());
            mean += similarity[i] / similarity.length;
        }
        double variance = 0;
        for (double value : similarity) {
            variance += (value - mean) * (value - mean) / similarity.length;
        }
        double std = Math.sqrt(variance);
        for (int i = 0; i < similarity.length; i++) {
            double standardised = std > 1e-9 ? (similarity[i] - mean) / std / 2 : similarity[i];
            evidence[styles.get(i)] = (float) Math.max(-1, Math.min(1, standardised));
        }
        return evidence;
    }
}
