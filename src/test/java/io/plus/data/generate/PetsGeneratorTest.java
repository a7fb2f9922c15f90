package io.plus.data.generate;

import io.plus.data.Dataset;
import io.plus.data.PreferencePair;
import io.plus.data.Split;
import io.plus.data.UserTruth;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PetsGeneratorTest {
    private static final PetsGenerator.Config SMALL = new PetsGenerator.Config(7, 100, 40, 5, 3, 3, false);

    @Test
    void sameSeedSameDatasetOtherSeedOther() {
        Dataset a = PetsGenerator.generate(SMALL);
        assertEquals(a, PetsGenerator.generate(SMALL));
        assertNotEquals(a, PetsGenerator.generate(new PetsGenerator.Config(8, 100, 40, 5, 3, 3, false)));
        assertEquals("pets", a.name());
    }

    @Test
    void sizesAndContextPerUser() {
        Dataset d = PetsGenerator.generate(SMALL);
        assertEquals(200, d.pairs(Split.TRAIN).size());
        assertEquals(80, d.pairs(Split.TEST_SEEN_USERS).size());
        assertEquals(80, d.pairs(Split.TEST_UNSEEN_USERS).size());
        assertEquals(16, d.truth().users().size());
        assertEquals(16, d.contextPairsByUser().size());
        d.contextPairsByUser().values().forEach(c -> assertEquals(3, c.size()));
        assertEquals(d.pairs().size(), d.truth().pairs().size());
    }

    @Test
    void splitsAreDisjoint() {
        Dataset d = PetsGenerator.generate(SMALL);
        Set<String> trainSentences = new HashSet<>();
        d.pairs().stream().filter(p -> !p.split().isTest()).forEach(p -> {
            trainSentences.add(p.chosen());
            trainSentences.add(p.rejected());
        });
        d.pairs().stream().filter(p -> p.split().isTest()).forEach(p -> {
            assertFalse(trainSentences.contains(p.chosen()), p.chosen());
            assertFalse(trainSentences.contains(p.rejected()), p.rejected());
        });
        Set<String> unseen = users(d, Split.TEST_UNSEEN_USERS);
        Set<String> trained = users(d, Split.TRAIN);
        assertEquals(6, unseen.size());
        assertTrue(unseen.stream().noneMatch(trained::contains));
        assertEquals(users(d, Split.TEST_SEEN_USERS), trained);
    }

    @Test
    void controversialPairsFlipBetweenUserTypes() {
        Dataset d = PetsGenerator.generate(SMALL);
        PetsPools pools = PetsPools.load(SMALL.seed());
        int controversial = 0;
        for (PreferencePair p : d.pairs()) {
            Animal chosen = pools.animalOf(p.chosen()).orElseThrow();
            Animal rejected = pools.animalOf(p.rejected()).orElseThrow();
            String type = d.truth().user(p.user()).orElseThrow().type();
            boolean dogCat = Set.of(chosen, rejected).equals(Set.of(Animal.DOG, Animal.CAT));
            assertEquals(dogCat, d.truth().pair(p.id()).orElseThrow().controversial());
            assertEquals(1.0, d.truth().pair(p.id()).orElseThrow().pChosen());
            if (dogCat) {
                controversial++;
                assertEquals(type.equals("helpful") ? Animal.DOG : Animal.CAT, chosen, p.toString());
            } else {
                assertTrue(PetsUserType.HELPFUL.prefers(chosen, rejected) && PetsUserType.HARMLESS.prefers(chosen, rejected));
            }
            assertTrue(p.chosen().toLowerCase().contains(chosen.wireName()) || chosen == Animal.BIRD);
        }
        assertTrue(controversial > d.pairs().size() / 3, "about half the pairs are dog vs cat");
        // every context pair of pets is the controversial type: it reveals the user's value
        d.pairs(Split.CONTEXT).forEach(p -> assertTrue(d.truth().pair(p.id()).orElseThrow().controversial()));
    }

    @Test
    void oodShowsUnseenUsersTheirValueOnOtherAnimals() {
        Dataset d = PetsGenerator.generate(SMALL.withOod(true));
        assertEquals("pets-ood", d.name());
        PetsPools pools = PetsPools.load(SMALL.seed());
        Set<String> unseen = users(d, Split.TEST_UNSEEN_USERS);
        Map<String, List<PreferencePair>> context = d.contextPairsByUser();
        for (String user : unseen) {
            UserTruth t = d.truth().user(user).orElseThrow();
            for (PreferencePair p : context.get(user)) {
                Animal c = pools.animalOf(p.chosen()).orElseThrow();
                Animal r = pools.animalOf(p.rejected()).orElseThrow();
                assertFalse(Set.of(c, r).equals(Set.of(Animal.DOG, Animal.CAT)));
                boolean helpfulWins = c.helpful() && !r.helpful() && c.harmless() == r.harmless();
                boolean harmlessWins = c.harmless() && !r.harmless() && c.helpful() == r.helpful();
                assertTrue(t.type().equals("helpful") ? helpfulWins : harmlessWins, p.toString());
            }
        }
        // seen users' context stays in distribution; test pairs are unchanged in kind
        d.pairs(Split.CONTEXT).stream().filter(p -> !unseen.contains(p.user()))
                .forEach(p -> assertTrue(d.truth().pair(p.id()).orElseThrow().controversial()));
    }

    @Test
    void poolsAreLargeDistinctAndNameTheirAnimal() {
        PetsPools pools = PetsPools.load(1);
        for (Animal a : Animal.values()) {
            assertTrue(pools.train(a).size() + pools.test(a).size() >= 80, a.toString());
            assertTrue(pools.train(a).stream().noneMatch(pools.test(a)::contains));
            for (String s : pools.train(a)) {
                assertTrue(a == Animal.BIRD || s.toLowerCase().contains(a.wireName()), s);
            }
        }
    }

    private static Set<String> users(Dataset d, Split split) {
        return d.pairs(split).stream().map(PreferencePair::user).collect(Collectors.toSet());
    }
}
