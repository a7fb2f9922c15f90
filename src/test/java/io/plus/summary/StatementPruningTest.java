package io.plus.summary;

import io.plus.model.FeatureLayout;
import io.plus.model.MlpWeights;
import io.plus.model.RewardHead;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StatementPruningTest {
    private static final int D = 3;
    /** Statement i is read as axis i: 0 "likes dogs", 1 "prefers short answers", 2 a word the user never chose by. */
    private static final Function<List<Integer>, float[]> AXES = selection -> {
        float[][] vectors = new float[selection.size()][];
        for (int i = 0; i < vectors.length; i++) {
            vectors[i] = new float[D];
            vectors[i][selection.get(i)] = 1;
        }
        return SummaryEncoding.pool(vectors, 0, vectors.length);
    };

    /** r(p, r | c) = Σ r_i c_i · scale: a response's reward is how much of the summary it shows. */
    private static RewardHead fitHead(float scale) {
        int inputs = FeatureLayout.CROSS.dimension(D, D);
        float[] weight = new float[inputs];
        for (int i = 0; i < D; i++) {
            weight[4 * D + i] = scale; // the r ⊙ c block
        }
        return new RewardHead(new MlpWeights(List.of(new MlpWeights.Layer(inputs, 1, weight, new float[1]))),
                FeatureLayout.CROSS, D, D);
    }

    private static ContextChoices choices(float[][] chosen, float[][] rejected) {
        float[][] prompts = new float[chosen.length][D];
        return new ContextChoices(prompts, chosen, rejected);
    }

    @Test
    void aStatementThatChangesNoneOfTheUsersChoicesIsTakenOut() {
        // the user chose the answer that mentions dogs; length played no part
        ContextChoices dogLover = choices(new float[][] {{1, 0, 0}, {1, 0, 0}}, new float[][] {{0, 0, 0}, {0, 0, 0}});
        assertEquals(List.of(0), StatementPruning.prune(List.of(0, 1), AXES, fitHead(1), dogLover));
        assertEquals(List.of(0), StatementPruning.prune(List.of(1, 0), AXES, fitHead(1), dogLover),
                "whatever the writing order");
        assertEquals(List.of(0), StatementPruning.prune(List.of(0, 1), AXES, fitHead(0.05f), dogLover),
                "a calibrated (scaled) head keeps the same statements");
    }

    @Test
    void aStatementAgainstTheUsersChoicesIsTakenOut() {
        ContextChoices choices = choices(new float[][] {{1, 0, 0}, {0, 0, 0}}, new float[][] {{0, 0, 0}, {0, 0, 1}});
        assertEquals(List.of(0), StatementPruning.prune(List.of(0, 2), AXES, fitHead(1), choices));
    }

    @Test
    void aMixtureUserKeepsBothStatementsWhenEachDecidesSomeOfTheirChoices() {
        // one choice was decided by dogs, the other by brevity: without either statement one is mispredicted
        ContextChoices mixture = choices(new float[][] {{1, 0, 0}, {0, 1, 0}}, new float[][] {{0, 0, 0}, {0, 0, 0}});
        assertEquals(List.of(0, 1), StatementPruning.prune(List.of(0, 1), AXES, fitHead(1), mixture));
        float both = fitHead(1).margin(new float[D], new float[] {0, 1, 0}, new float[D], AXES.apply(List.of(0, 1)));
        float dogsOnly = fitHead(1).margin(new float[D], new float[] {0, 1, 0}, new float[D], AXES.apply(List.of(0)));
        assertEquals(0, dogsOnly, 1e-6, "without the brevity statement the short answer gains nothing");
        assertEquals(Math.sqrt(0.5), both, 1e-6);
    }

    @Test
    void withoutLabelledContextTheSummaryStaysAsWritten() {
        assertEquals(List.of(1, 0, 2), StatementPruning.prune(List.of(1, 0, 2), AXES, fitHead(1), ContextChoices.NONE));
    }
}
