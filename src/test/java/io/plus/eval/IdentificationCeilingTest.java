package io.plus.eval;

import io.plus.bench.DatasetCatalog;
import io.plus.data.ContextBudget;
import io.plus.data.ContextUnit;
import io.plus.data.Dataset;
import io.plus.data.Split;
import io.plus.data.generate.AttributesGenerator;
import io.plus.data.generate.PetsGenerator;
import io.plus.encoder.EncoderSpec;
import io.plus.encoder.Encoders;
import io.plus.encoder.HashedTextEncoder;
import io.plus.encoder.TextEncoder;
import io.plus.methods.ConditionedRewardMethod;
import io.plus.methods.ConditioningKind;
import io.plus.methods.ContextConditioner;
import io.plus.methods.EmbeddingTable;
import io.plus.methods.FittedModel;
import io.plus.training.TrainConfig;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where the identification ceiling applies, what it measures on mixtures, and that re-reading context never sees the truth. */
class IdentificationCeilingTest {
    private static final PetsGenerator.Config PETS = new PetsGenerator.Config(7, 100, 40, 5, 3, 3, false);

    @Test
    void theCeilingNeedsAHiddenLatentForEveryUser() {
        assertTrue(IdentificationCeiling.applies(PetsGenerator.generate(PETS)));
        assertTrue(IdentificationCeiling.applies(AttributesGenerator.generate(
                new AttributesGenerator.Config(3, AttributesGenerator.Variant.SINGLE, 8, 4, 120, 40, 3, 2))));
        // each mixture user weighs two attributes their own way: the seen users' weightings are the prior
        assertTrue(IdentificationCeiling.applies(AttributesGenerator.generate(
                new AttributesGenerator.Config(3, AttributesGenerator.Variant.MIXTURE, 8, 4, 120, 40, 3, 2))));
        assertFalse(IdentificationCeiling.applies(PetsGenerator.generate(PETS).withoutTruth()));
    }

    @Test
    void aMixtureUsersPairsNarrowDownTheirWeightingSoTheCeilingRisesWithContext() throws Exception {
        Dataset mixture = AttributesGenerator.generate(new AttributesGenerator.Config(
                5, AttributesGenerator.Variant.MIXTURE, 16, 8, 800, 200, 3, 2).withUnseenContextPairs(8));
        EmbeddingTable embeddings;
        try (TextEncoder encoder = Encoders.open(EncoderSpec.MINILM, Optional.empty())) { // the attributes are in the words
            embeddings = EmbeddingTable.embed(mixture, encoder, done -> { });
        }
        FittedModel oracle = new ConditionedRewardMethod("Oracle", ConditioningKind.TRUE_TYPE)
                .fit(mixture, embeddings, TrainConfig.defaults(5), epoch -> { });
        List<ColdStartCurve.Point> ceiling = IdentificationCeiling.measure(oracle, mixture, embeddings,
                ContextUnit.PAIR, List.of(0, 8));
        // on controversial pairs, where users disagree: on the rest the population's average already answers
        double priorOnly = ceiling.get(0).metrics().controversial().accuracy();
        double eightPairs = ceiling.get(1).metrics().controversial().accuracy();
        double trueWeights = Evaluator.evaluate(oracle, mixture, embeddings).stream()
                .filter(m -> m.split() == Split.TEST_UNSEEN_USERS).findFirst().orElseThrow().controversial().accuracy();
        String seen = "prior only " + priorOnly + ", 8 pairs " + eightPairs + ", true weights " + trueWeights;
        assertTrue(eightPairs > priorOnly, "8 pairs tell more than the prior: " + seen);
        assertTrue(trueWeights > eightPairs, "8 pairs leave a mixture's weighting uncertain: " + seen);
    }

    @Test
    void aRecognisedLatentNamesThePreferencesASummaryMustName() {
        // a mixture: both weights of at least 0.3 need a weight of the same sign, at any strength
        assertTrue(IdentificationCeiling.namesPreference(new double[] {0.7, 0.3, 0, 0}, new float[] {0.4f, 0.6f, 0, 0}));
        assertFalse(IdentificationCeiling.namesPreference(new double[] {0.7, 0.3, 0, 0}, new float[] {0.8f, 0, 0.2f, 0}));
        // a weight under 0.3 need not be named, and another attribute named beside does not contradict
        assertTrue(IdentificationCeiling.namesPreference(new double[] {0.75, 0.25, 0, 0}, new float[] {0.5f, 0, 0.5f, 0}));
        assertFalse(IdentificationCeiling.namesPreference(new double[] {0.75, 0.25, 0, 0}, new float[] {0.5f, -0.5f, 0, 0}));
        // a discrete type: only the type itself
        assertTrue(IdentificationCeiling.namesPreference(new double[] {0, 1}, new float[] {0, 1}));
        assertFalse(IdentificationCeiling.namesPreference(new double[] {0, 1}, new float[] {1, 0}));
    }

    @Test
    void aContextConditionerRefusesDataThatHoldsTheHiddenTruth() {
        Dataset dataset = PetsGenerator.generate(PETS.withUnseenContextPairs(DatasetCatalog.CURVE_CONTEXT));
        EmbeddingTable embeddings = EmbeddingTable.embed(dataset, new HashedTextEncoder(16), done -> { });
        ContextConditioner icl = (ContextConditioner) ConditioningKind.CONTEXT.bind(dataset.withoutTruth(), embeddings);
        Dataset fewer = ContextBudget.truncate(dataset, ContextBudget.unseenUsers(dataset), 1, ContextUnit.PAIR);
        assertThrows(IllegalArgumentException.class, () -> icl.readingContextOf(fewer, embeddings));
        icl.readingContextOf(fewer.withoutTruth(), embeddings).conditioning("u000");
    }
}
