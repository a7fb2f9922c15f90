package io.plus.summary;

import io.plus.data.Dataset;
import io.plus.data.PreferencePair;
import io.plus.data.UserTruth;
import io.plus.data.generate.PetsGenerator;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatementMinerTest {
    private final Dataset pets = PetsGenerator.generate(PetsGenerator.Config.quick(2));

    @Test
    void minesTheFeaturesUsersDisagreeOnFromObservedPairsOnly() {
        StatementBank bank = StatementMiner.defaults().mine(pets.withoutTruth());
        List<String> ids = bank.all().stream().map(Statement::id).toList();
        assertEquals(List.of("likes:cat", "likes:dog"), ids.subList(0, 2).stream().sorted().toList(),
                "dog and cat are what pets users disagree on: " + ids);
        assertTrue(ids.stream().noneMatch(id -> id.equals("likes:bird") || id.equals("likes:rabbit")),
                "everyone agrees on birds and rabbits, so they say nothing about a user: " + ids);
        assertEquals(2, ids.size(), "any other word's disagreement on pets is noise beside dog and cat: " + ids);
        Statement dog = bank.byId("likes:dog").orElseThrow();
        assertTrue(dog.phrasings().size() > 1 && !dog.heldOutPhrasings().isEmpty());
        assertTrue(dog.heldOutPhrasings().stream().noneMatch(dog.phrasings()::contains));
    }

    @Test
    void contextEvidenceSupportsWhatTheUsersContextShows() {
        StatementBank bank = StatementMiner.defaults().mine(pets.withoutTruth());
        Map<String, List<PreferencePair>> context = pets.contextPairsByUser();
        int dog = bank.indexOf("likes:dog");
        int cat = bank.indexOf("likes:cat");
        for (UserTruth user : pets.truth().users().values()) {
            float[] evidence = StatementMiner.evidence(bank, context.get(user.user()));
            boolean helpful = user.type().equals("helpful");
            assertTrue(helpful ? evidence[dog] > evidence[cat] : evidence[cat] > evidence[dog],
                    user.type() + " user " + user.user());
        }
    }

    @Test
    void refusesDataWhereNoFeatureDividesUsers() {
        Dataset oneUser = new Dataset("one", pets.pairs().stream().filter(p -> p.user().equals("u000")).toList(),
                List.of(), pets.truth());
        assertThrows(IllegalArgumentException.class, () -> StatementMiner.defaults().mine(oneUser.withoutTruth()));
    }
}
