package io.plus.data.generate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The four sentence pools (resources datasets/pets/*.txt), each split by a seeded shuffle into
 * disjoint train and test sentences, so that test pairs only use sentences never seen in training.
 */
public final class PetsPools {
    /** Share of each pool used for training and context pairs; the rest is for test pairs. */
    public static final double TRAIN_FRACTION = 0.75;

    private final Map<Animal, List<String>> train = new EnumMap<>(Animal.class);
    private final Map<Animal, List<String>> test = new EnumMap<>(Animal.class);
    private final Map<String, Animal> animalOf = new HashMap<>();

    private PetsPools(long seed) {
        Random rng = new Random(seed);
        for (Animal a : Animal.values()) {
            List<String> all = new ArrayList<>(TextResources.lines("datasets/pets/" + a.wireName() + ".txt"));
            all.forEach(s -> {
                if (animalOf.putIfAbsent(s, a) != null) {
                    throw new IllegalStateException("sentence in two pet pools: " + s);
                }
            });
            Collections.shuffle(all, rng);
            int cut = (int) Math.round(all.size() * TRAIN_FRACTION);
            train.put(a, List.copyOf(all.subList(0, cut)));
            test.put(a, List.copyOf(all.subList(cut, all.size())));
        }
    }

    /** The pools split with this seed (the generator passes its own seed). */
    public static PetsPools load(long seed) {
        return new PetsPools(seed);
    }

    public List<String> train(Animal a) {
        return train.get(a);
    }

    public List<String> test(Animal a) {
        return test.get(a);
    }

    /** Which pool a sentence came from (for tests and evaluation reports). */
    public Optional<Animal> animalOf(String sentence) {
        return Optional.ofNullable(animalOf.get(sentence));
    }
}
