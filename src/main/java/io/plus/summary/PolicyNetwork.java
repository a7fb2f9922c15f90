package io.plus.summary;

import io.plus.model.MlpForward;
import io.plus.model.MlpWeights;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The summarizer policy in plain Java (no libtorch): given a user's context encoding and the
 * statements written so far, it scores every bank statement and STOP. A statement's logit is the
 * dot product of a query computed from the state with the statement's text embedding, so the
 * policy can score statements added to the bank after training.
 */
public final class PolicyNetwork {
    /** Logit given to actions that are not allowed; large enough that their probability is exactly zero. */
    public static final float MASKED = -1e9f;

    private final MlpWeights weights;
    private final MlpForward forward;
    private final SummaryShape shape;
    private final float[][] statementEmbeddings;
    private final int[] statementWords;
    private final int[] featureGroups;

    public PolicyNetwork(MlpWeights weights, SummaryShape shape, float[][] statementEmbeddings, int[] statementWords,
                         int[] featureGroups) {
        if (weights.inputDimension() != shape.stateDimension() || weights.outputDimension() != shape.outputDimension()) {
            throw new IllegalArgumentException("policy weights " + weights.inputDimension() + "->" + weights.outputDimension()
                    + " do not fit shape " + shape);
        }
        if (statementEmbeddings.length != statementWords.length) {
            throw new IllegalArgumentException("one word count per statement");
        }
        this.weights = weights;
        this.forward = new MlpForward(weights);
        this.shape = shape;
        this.statementEmbeddings = statementEmbeddings;
        this.statementWords = statementWords;
        this.featureGroups = featureGroups;
    }

    /** Statements about the same feature share a group number (-1: no feature); a summary holds at most one per group. */
    public static int[] featureGroups(StatementBank bank) {
        java.util.Map<String, Integer> groups = new java.util.HashMap<>();
        return bank.all().stream().mapToInt(s -> s.feature() == null ? -1
                : groups.computeIfAbsent(s.feature(), f -> groups.size())).toArray();
    }

    public int actions() {
        return statementEmbeddings.length + 1;
    }

    /** The STOP action's index (after all statements). */
    public int stopAction() {
        return statementEmbeddings.length;
    }

    /** The policy input for a user's context after {@code written} statements. */
    public static float[] state(SummaryShape shape, float[] context, float[] writtenMean, int step) {
        int d = shape.embeddingDimension();
        if (context.length != 2 * d || writtenMean.length != d) {
            throw new IllegalArgumentException("context must have " + 2 * d + " values and the written mean " + d);
        }
        float[] state = new float[shape.stateDimension()];
        System.arraycopy(context, 0, state, 0, 2 * d);
        System.arraycopy(writtenMean, 0, state, 2 * d, d);
        state[3 * d] = (float) step / shape.maxStatements();
        return state;
    }

    /** Unmasked logits of all actions and the value estimate (last element). */
    public float[] logitsAndValue(float[] state, float[] evidence) {
        float[] out = forward.forward(state);
        return SummaryScoring.logitsAndValue(out, statementEmbeddings, shape.embeddingDimension(), evidence,
                shape.evidenceWeight());
    }

    /**
     * Which actions are allowed: no repeats, nothing that contradicts what is written (two
     * statements about the same feature), no STOP before the first statement, the word budget kept.
     */
    public static boolean[] allowed(int statements, boolean[] written, int wordsSoFar, int step, int[] statementWords,
                                    int[] featureGroups, SummaryShape shape) {
        boolean[] allowed = new boolean[statements + 1];
        boolean any = false;
        if (step < shape.maxStatements()) {
            for (int s = 0; s < statements; s++) {
                allowed[s] = !written[s] && wordsSoFar + statementWords[s] <= shape.wordBudget()
                        && !contradicts(s, written, featureGroups);
                any |= allowed[s];
            }
        }
        allowed[statements] = step > 0 || !any;
        return allowed;
    }

    /** The statements {@link #allowed} to follow {@code written} (STOP left out). */
    public boolean[] allowedAfter(List<Integer> written) {
        int k = statementEmbeddings.length;
        boolean[] mask = new boolean[k];
        int words = 0;
        for (int s : written) {
            mask[s] = true;
            words += statementWords[s];
        }
        return Arrays.copyOf(allowed(k, mask, words, written.size(), statementWords, featureGroups, shape), k);
    }

    private static boolean contradicts(int statement, boolean[] written, int[] featureGroups) {
        if (featureGroups[statement] < 0) {
            return false;
        }
        for (int other = 0; other < written.length; other++) {
            if (written[other] && featureGroups[other] == featureGroups[statement]) {
                return true;
            }
        }
        return false;
    }

    /** The most likely summary for a context: the statement indices in writing order. */
    public List<Integer> greedy(UserContext context) {
        int k = statementEmbeddings.length;
        boolean[] written = new boolean[k];
        float[] writtenMean = new float[shape.embeddingDimension()];
        List<Integer> chosen = new ArrayList<>();
        int words = 0;
        for (int step = 0; step <= shape.maxStatements(); step++) {
            boolean[] allowed = allowed(k, written, words, step, statementWords, featureGroups, shape);
            float[] logits = logitsAndValue(state(shape, context.encoding(), writtenMean, step), context.evidence());
            int best = -1;
            for (int a = 0; a <= k; a++) {
                if (allowed[a] && (best < 0 || logits[a] > logits[best])) {
                    best = a;
                }
            }
            if (best == k || best < 0) {
                break;
            }
            chosen.add(best);
            written[best] = true;
            words += statementWords[best];
            SummaryScoring.updateMean(writtenMean, statementEmbeddings[best], chosen.size());
        }
        return chosen;
    }

    public MlpWeights weights() {
        return weights;
    }

    public SummaryShape shape() {
        return shape;
    }
}
