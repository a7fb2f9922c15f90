package io.plus.eval;

import io.plus.bench.DatasetCatalog;
import io.plus.data.ContextBudget;
import io.plus.data.ContextUnit;
import io.plus.data.Dataset;
import io.plus.data.generate.AttributesGenerator;
import io.plus.data.generate.PetsGenerator;
import io.plus.encoder.HashedTextEncoder;
import io.plus.methods.ConditioningKind;
import io.plus.methods.ContextConditioner;
import io.plus.methods.EmbeddingTable;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where the identification ceiling means something, and that re-reading context never sees the truth. */
class IdentificationCeilingTest {
    private static final PetsGenerator.Config PETS = new PetsGenerator.Config(7, 100, 40, 5, 3, 3, false);

    @Test
    void theCeilingNeedsUsersOfAFewDiscreteTypesThatSeenUsersShare() {
        assertTrue(IdentificationCeiling.applies(PetsGenerator.generate(PETS)));
        assertTrue(IdentificationCeiling.applies(AttributesGenerator.generate(
                new AttributesGenerator.Config(3, AttributesGenerator.Variant.SINGLE, 8, 4, 120, 40, 3, 2))));
        // each mixture user weighs two attributes their own way: no type to recognise, nothing bounded
        assertFalse(IdentificationCeiling.applies(AttributesGenerator.generate(
                new AttributesGenerator.Config(3, AttributesGenerator.Variant.MIXTURE, 8, 4, 120, 40, 3, 2))));
        assertFalse(IdentificationCeiling.applies(PetsGenerator.generate(PETS).withoutTruth()));
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
