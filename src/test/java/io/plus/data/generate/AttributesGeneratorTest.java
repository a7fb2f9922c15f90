package io.plus.data.generate;

import io.plus.data.Dataset;
import io.plus.data.PairTruth;
import io.plus.data.PreferencePair;
import io.plus.data.Split;
import io.plus.data.UserTruth;
import io.plus.data.generate.AttributesGenerator.Variant;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AttributesGeneratorTest {
    private static AttributesGenerator.Config small(long seed, Variant v) {
        return new AttributesGenerator.Config(seed, v, 8, 4, 120, 40, 3, 2);
    }

    @Test
    void deterministicPerSeed() {
        for (Variant v : Variant.values()) {
            Dataset a = AttributesGenerator.generate(small(3, v));
            assertEquals(a, AttributesGenerator.generate(small(3, v)));
            assertNotEquals(a, AttributesGenerator.generate(small(4, v)));
            assertEquals("attributes-" + v.name().toLowerCase(), a.name());
        }
    }

    @Test
    void splitsKeepUsersAndTopicsApart() {
        for (Variant v : Variant.values()) {
            AttributesGenerator.Config c = small(5, v);
            Dataset d = AttributesGenerator.generate(c);
            Set<String> heldOut = Set.copyOf(AttributesGenerator.heldOutTopicIds(c));
            assertEquals(2, heldOut.size());
            assertTrue(AttributeTopic.loadAll().size() >= 8);
            assertEquals(120, d.pairs(Split.TRAIN).size());
            for (Split s : List.of(Split.TEST_SEEN_USERS, Split.TEST_UNSEEN_USERS, Split.TEST_UNSEEN_TOPICS)) {
                assertEquals(40, d.pairs(s).size(), s.toString());
            }
            d.pairs().stream().filter(p -> p.split() != Split.TEST_UNSEEN_TOPICS)
                    .forEach(p -> assertFalse(heldOut.contains(p.topic()), p.toString()));
            d.pairs(Split.TEST_UNSEEN_TOPICS).forEach(p -> assertTrue(heldOut.contains(p.topic())));
            Set<String> trained = users(d, Split.TRAIN);
            Set<String> unseen = users(d, Split.TEST_UNSEEN_USERS);
            assertEquals(4, unseen.size());
            assertTrue(unseen.stream().noneMatch(trained::contains));
            assertEquals(12, d.contextPairsByUser().size());
            d.contextPairsByUser().values().forEach(ctx -> assertEquals(3, ctx.size()));
        }
    }

    @Test
    void singleUsersPreferTheirPoleAndEveryPairIsDisputed() {
        Dataset d = AttributesGenerator.generate(small(6, Variant.SINGLE));
        Set<String> types = d.truth().users().values().stream().map(UserTruth::type).collect(Collectors.toSet());
        assertEquals(Set.of("concise", "formal", "cautious", "with-examples"), types);
        for (PreferencePair p : d.pairs()) {
            PairTruth t = d.truth().pair(p.id()).orElseThrow();
            assertTrue(t.controversial());
            assertEquals(1.0, t.pChosen());
            assertNotEquals(p.chosen(), p.rejected());
            String type = d.truth().user(p.user()).orElseThrow().type();
            // the attribute is visible in the text: check the user's own pole wins
            switch (type) {
                case "concise" -> assertTrue(p.chosen().length() < p.rejected().length());
                case "formal" -> assertTrue(p.chosen().startsWith("Certainly") && p.rejected().startsWith("Sure"));
                case "cautious" -> assertTrue(p.rejected().contains("go for it") || p.rejected().contains("No further precautions"));
                case "with-examples" -> assertTrue(p.chosen().contains("example") || p.chosen().contains("for instance"));
                default -> throw new AssertionError(type);
            }
        }
    }

    @Test
    void mixtureHasSparseWeightsAndBradleyTerryLabels() {
        Dataset d = AttributesGenerator.generate(small(7, Variant.MIXTURE));
        for (UserTruth u : d.truth().users().values()) {
            double[] w = u.latent();
            assertEquals(2, java.util.Arrays.stream(w).filter(x -> x > 0).count());
            assertEquals(1.0, java.util.Arrays.stream(w).sum(), 1e-9);
        }
        List<PairTruth> truths = List.copyOf(d.truth().pairs().values());
        assertTrue(truths.stream().allMatch(t -> t.pChosen() > 0 && t.pChosen() < 1));
        assertTrue(truths.stream().anyMatch(t -> t.pChosen() < 0.5), "labels are sampled, some go against the utility");
        assertTrue(truths.stream().anyMatch(PairTruth::controversial));
        assertTrue(truths.stream().anyMatch(t -> !t.controversial()));
    }

    private static Set<String> users(Dataset d, Split split) {
        return d.pairs(split).stream().map(PreferencePair::user).collect(Collectors.toSet());
    }
}
