package io.plus.summary;

import io.plus.model.FeatureLayout;
import io.plus.model.MlpWeights;
import io.plus.model.RewardHead;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The check on a reward model whose reward is {@code response · summary} and a bank whose statements
 * point along single axes: statement {@code s} makes responses along axis {@code s} preferred.
 */
class SummaryCheckTest {
    private static final int D = 4;
    private static final float[] PROMPT = axis(3, 1);

    @Test
    void aStatementTheAnswersContradictIsReplacedByTheOneOfTheSameFeatureTheyBearOut() {
        SummaryCheck check = check(new int[] {0, 0, -1}); // statements 0 and 1: two poles of one feature
        List<UserContext.Pair> chooseAxis1 = Collections.nCopies(3, pair(axis(1, 1), axis(0, 1)));

        assertEquals(List.of(1), check.refine(List.of(0), chooseAxis1));
        assertEquals(List.of(1), check.refine(List.of(1), chooseAxis1), "a summary the answers bear out stays");
    }

    @Test
    void aStatementTheAnswersDoNotBearOutIsDropped() {
        SummaryCheck check = check(new int[] {-1, -1, -1});
        List<UserContext.Pair> chooseAxis2OverAxis0 = Collections.nCopies(3, pair(axis(2, 1), axis(0, 1)));

        List<Integer> refined = check.refine(List.of(2, 0), chooseAxis2OverAxis0);

        assertTrue(refined.contains(2), "the statement the answers bear out is kept: " + refined);
        assertFalse(refined.contains(0), "the statement they contradict is gone: " + refined);
    }

    @Test
    void aChangeWorthLessThanTheMinimumGainPerPairIsNotMade() {
        SummaryCheck check = check(new int[] {0, 0, -1});
        // statement 1 would explain these answers, but only by about 0.01 nats a pair
        List<UserContext.Pair> faint = Collections.nCopies(3, pair(axis(1, 0.02f), axis(0, 0.02f)));

        assertEquals(List.of(0), check.refine(List.of(0), faint));
    }

    @Test
    void withoutLabelledContextOrWithoutACheckTheSummaryStaysAsWritten() {
        List<UserContext.Pair> chooseAxis1 = Collections.nCopies(3, pair(axis(1, 1), axis(0, 1)));

        assertEquals(List.of(0), check(new int[] {0, 0, -1}).refine(List.of(0), List.of()));
        assertEquals(List.of(0), SummaryCheck.none().refine(List.of(0), chooseAxis1));
    }

    @Test
    void aStatementIsAddedWhereTheAnswersBearItOutAndTheWordBudgetAllows() {
        List<UserContext.Pair> chooseAxes1And2 = Collections.nCopies(3, pair(add(axis(1, 1), axis(2, 1)), axis(0, 1)));
        SummaryCheck shortStatements = SummaryCheck.of(head(), policy(new int[] {-1, -1, -1}, new int[] {4, 4, 4}),
                statementVectors());
        // statement 2 is too long to join statement 1 within the 20-word budget
        SummaryCheck longStatement2 = SummaryCheck.of(head(), policy(new int[] {-1, -1, -1}, new int[] {4, 4, 30}),
                statementVectors());

        assertEquals(List.of(1, 2), shortStatements.refine(List.of(1), chooseAxes1And2));
        assertEquals(List.of(1), longStatement2.refine(List.of(1), chooseAxes1And2));
    }

    private static SummaryCheck check(int[] featureGroups) {
        return SummaryCheck.of(head(), policy(featureGroups, new int[] {4, 4, 4}), statementVectors());
    }

    private static float[][] statementVectors() {
        return new float[][] {axis(0, 1), axis(1, 1), axis(2, 1)};
    }

    /** A policy that writes nothing by itself: only its rules (word budget, one statement per feature) matter here. */
    private static PolicyNetwork policy(int[] featureGroups, int[] words) {
        SummaryShape shape = new SummaryShape(D, 3, 20, 0f);
        int in = shape.stateDimension();
        int out = shape.outputDimension();
        MlpWeights zeros = new MlpWeights(List.of(new MlpWeights.Layer(in, out, new float[in * out], new float[out])));
        return new PolicyNetwork(zeros, shape, statementVectors(), words, featureGroups);
    }

    /** A linear head on the cross features whose reward is {@code response · summary}. */
    private static RewardHead head() {
        int features = FeatureLayout.CROSS.dimension(D, D);
        float[] weight = new float[features];
        for (int i = 4 * D; i < 5 * D; i++) {
            weight[i] = 1f; // the response ⊙ summary block
        }
        MlpWeights linear = new MlpWeights(List.of(new MlpWeights.Layer(features, 1, weight, new float[1])));
        return new RewardHead(linear, FeatureLayout.CROSS, D, D);
    }

    private static UserContext.Pair pair(float[] chosen, float[] rejected) {
        return new UserContext.Pair(PROMPT, chosen, rejected);
    }

    private static float[] axis(int index, float length) {
        float[] vector = new float[D];
        vector[index] = length;
        return vector;
    }

    private static float[] add(float[] a, float[] b) {
        float[] sum = a.clone();
        for (int i = 0; i < sum.length; i++) {
            sum[i] += b[i];
        }
        return sum;
    }
}
