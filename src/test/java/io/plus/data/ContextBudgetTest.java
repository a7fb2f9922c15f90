package io.plus.data;

import io.plus.data.generate.AttributesGenerator;
import io.plus.data.generate.DspLoader;
import io.plus.data.generate.DspLoaderTest;
import io.plus.data.generate.PetsGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Cutting users' context to k units, and the generators' extra context for unseen users. */
class ContextBudgetTest {
    @TempDir
    Path tmp;

    private static PreferencePair pair(String id, String user, String prompt, Split split) {
        return new PreferencePair(id, user, prompt, "a " + id, "b " + id, null, split);
    }

    @Test
    void onlyTheChosenUsersContextIsCutToItsFirstUnits() {
        Dataset dataset = new Dataset("toy", List.of(
                pair("c1", "new", "q1", Split.CONTEXT), pair("c2", "new", "q1", Split.CONTEXT),
                pair("t1", "new", "q9", Split.TEST_UNSEEN_USERS), pair("c3", "new", "q2", Split.CONTEXT),
                pair("c4", "old", "q1", Split.CONTEXT), pair("c5", "old", "q2", Split.CONTEXT),
                pair("c6", "new", "q3", Split.CONTEXT), pair("r1", "old", "q4", Split.TRAIN)),
                List.of(item("i1", "new"), item("i2", "old"), item("i3", "new")), GroundTruth.NONE);
        assertEquals(Set.of("new"), ContextBudget.unseenUsers(dataset));

        assertEquals(List.of("c1", "t1", "c4", "c5", "r1"), ids(ContextBudget.truncate(dataset, Set.of("new"), 1, ContextUnit.PAIR)));
        // a query is all its pairs: q1 holds two
        assertEquals(List.of("c1", "c2", "t1", "c4", "c5", "r1"),
                ids(ContextBudget.truncate(dataset, Set.of("new"), 1, ContextUnit.QUERY)));
        assertEquals(List.of("c1", "c2", "t1", "c3", "c4", "c5", "r1"),
                ids(ContextBudget.truncate(dataset, Set.of("new"), 2, ContextUnit.QUERY)));
        assertEquals(List.of("t1", "c4", "c5", "r1"), ids(ContextBudget.truncate(dataset, Set.of("new"), 0, ContextUnit.PAIR)));
        // unlabelled context items are cut to the first k as well
        assertEquals(List.of("i1", "i2"), ContextBudget.truncate(dataset, Set.of("new"), 1, ContextUnit.PAIR)
                .contextItems().stream().map(ContextItem::id).toList());
        assertEquals(dataset, ContextBudget.truncate(dataset, Set.of("new"), 8, ContextUnit.PAIR), "fewer than k: all kept");
        assertEquals(4, ContextBudget.units(dataset, "new", ContextUnit.PAIR));
        assertEquals(3, ContextBudget.units(dataset, "new", ContextUnit.QUERY));
        assertThrows(IllegalArgumentException.class, () -> ContextBudget.truncate(dataset, Set.of(), -1, ContextUnit.PAIR));
    }

    @Test
    void extraContextForUnseenUsersLeavesTheRestOfEveryDatasetAsItWas() throws Exception {
        PetsGenerator.Config pets = new PetsGenerator.Config(7, 100, 40, 5, 3, 3, false);
        assertSameBelowThree(PetsGenerator.generate(pets), PetsGenerator.generate(pets.withUnseenContextPairs(8)),
                ContextUnit.PAIR);
        assertSameBelowThree(PetsGenerator.generate(pets.withOod(true)),
                PetsGenerator.generate(pets.withOod(true).withUnseenContextPairs(8)), ContextUnit.PAIR);
        for (AttributesGenerator.Variant variant : AttributesGenerator.Variant.values()) {
            AttributesGenerator.Config attributes = new AttributesGenerator.Config(3, variant, 8, 4, 120, 40, 3, 2);
            assertSameBelowThree(AttributesGenerator.generate(attributes),
                    AttributesGenerator.generate(attributes.withUnseenContextPairs(8)), ContextUnit.PAIR);
        }
        Path file = DspLoaderTest.fixture(tmp);
        DspLoader.Config dsp = new DspLoader.Config(1, 2, 1, 3, 5, 3, 0.2);
        assertSameBelowThree(DspLoader.load(file, dsp), DspLoader.load(file, dsp.withUnseenContextQueries(8)),
                ContextUnit.QUERY);
    }

    private static void assertSameBelowThree(Dataset plain, Dataset extended, ContextUnit unit) {
        Set<String> unseen = ContextBudget.unseenUsers(extended);
        for (String user : unseen) {
            assertEquals(3, ContextBudget.units(plain, user, unit), user);
            assertEquals(8, ContextBudget.units(extended, user, unit), user);
        }
        assertEquals(plain, ContextBudget.truncate(extended, unseen, 3, unit), plain.name());
    }

    private static ContextItem item(String id, String user) {
        return new ContextItem(id, user, "text of " + id, ContextItem.Source.CONVERSATION);
    }

    private static List<String> ids(Dataset dataset) {
        return dataset.pairs().stream().map(PreferencePair::id).toList();
    }
}
