package io.plus.data.generate;

import io.plus.data.Dataset;
import io.plus.data.GroundTruth;
import io.plus.data.PairTruth;
import io.plus.data.PreferencePair;
import io.plus.data.Split;
import io.plus.data.UserTruth;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The Pets dataset as the VPL code that introduced it builds it: one fixed prompt, one-sentence
 * answers from four pools (bird, dog, cat, rabbit), two user types (helpful, harmless), noise-free
 * labels. Each pair's type is drawn uniformly from ten: five agreed (bird>dog, cat>rabbit,
 * bird>cat, dog>rabbit, bird>rabbit) and five copies of the controversial dog-vs-cat type, whose
 * label depends on the user type. Every user's context pairs are of the controversial type, so the
 * context reveals the user's value.
 *
 * <p><b>pets-ood</b> ({@code ood=true}): train and test pairs are as in pets, and so is the context
 * of seen users; but the context of <i>unseen</i> users shows their value on other animals. The
 * only pair on which the values disagree is dog vs cat, so an OOD context cannot differ in its
 * labels; it differs in <i>which contrasts</i> it shows. Rule: an unseen user's context pairs differ
 * on exactly the user's own value and agree on the other, each one bringing in a rabbit or a bird
 * and never the dog-vs-cat pair: a helpful user is shown bird>cat and dog>rabbit (won on
 * helpfulness), a harmless user bird>dog and cat>rabbit (won on harmlessness). Both user types
 * would label these the same way, so their truth says not controversial. Evaluate the shift on
 * TEST_UNSEEN_USERS (controversial pairs); a method must map "chose on safety/usefulness" to the
 * value rather than memorise the dog/cat labels.
 *
 * <p>The same config always yields the same dataset, ids included.
 */
public final class PetsGenerator {
    public static final String PROMPT = "Tell me something about pets.";
    public static final String TOPIC = "pets";

    /** The ten pair types, as (first, second); the user's utility decides which is chosen. */
    static final List<Animal[]> PAIR_TYPES;

    static {
        List<Animal[]> types = new ArrayList<>(List.of(
                new Animal[]{Animal.BIRD, Animal.DOG}, new Animal[]{Animal.CAT, Animal.RABBIT},
                new Animal[]{Animal.BIRD, Animal.CAT}, new Animal[]{Animal.DOG, Animal.RABBIT},
                new Animal[]{Animal.BIRD, Animal.RABBIT}));
        for (int i = 0; i < 5; i++) {
            types.add(new Animal[]{Animal.DOG, Animal.CAT});
        }
        PAIR_TYPES = List.copyOf(types);
    }

    private static final Animal[] CONTROVERSIAL = {Animal.DOG, Animal.CAT};

    /** Context pair types of unseen users in pets-ood: single-value contrasts, never dog vs cat. */
    static List<Animal[]> oodContextTypes(PetsUserType type) {
        return type == PetsUserType.HELPFUL
                ? List.of(new Animal[]{Animal.BIRD, Animal.CAT}, new Animal[]{Animal.DOG, Animal.RABBIT})
                : List.of(new Animal[]{Animal.BIRD, Animal.DOG}, new Animal[]{Animal.CAT, Animal.RABBIT});
    }

    /**
     * Sizes are per user type: train pairs and test pairs (each test split) are dealt round-robin
     * over that type's seen (or unseen) users; every user gets {@code contextPairsPerUser} context pairs,
     * and unseen users {@code unseenContextPairsPerUser} if that is more (the extra ones come last, drawn
     * after everything else, so the rest of the dataset is the same as without them).
     */
    public record Config(long seed, int trainPairsPerType, int testPairsPerType, int seenUsersPerType,
                         int unseenUsersPerType, int contextPairsPerUser, boolean ood, int unseenContextPairsPerUser) {
        public Config {
            if (trainPairsPerType < 0 || testPairsPerType < 0 || contextPairsPerUser < 0
                    || seenUsersPerType < 1 || unseenUsersPerType < 1 || unseenContextPairsPerUser < 0) {
                throw new IllegalArgumentException("pets config needs >= 1 user per group and no negative sizes: " + this);
            }
        }

        /** Unseen users get as many context pairs as seen users. */
        public Config(long seed, int trainPairsPerType, int testPairsPerType, int seenUsersPerType,
                      int unseenUsersPerType, int contextPairsPerUser, boolean ood) {
            this(seed, trainPairsPerType, testPairsPerType, seenUsersPerType, unseenUsersPerType, contextPairsPerUser,
                    ood, contextPairsPerUser);
        }

        /** The paper's sizes: 2000 train and 200 test pairs per user type, 3 context pairs per user. */
        public static Config full(long seed) {
            return new Config(seed, 2000, 200, 50, 20, 3, false);
        }

        public static Config quick(long seed) {
            return new Config(seed, 400, 100, 20, 10, 3, false);
        }

        public Config withOod(boolean ood) {
            return new Config(seed, trainPairsPerType, testPairsPerType, seenUsersPerType,
                    unseenUsersPerType, contextPairsPerUser, ood, unseenContextPairsPerUser);
        }

        public Config withUnseenContextPairs(int pairs) {
            return new Config(seed, trainPairsPerType, testPairsPerType, seenUsersPerType,
                    unseenUsersPerType, contextPairsPerUser, ood, pairs);
        }

        public String datasetName() {
            return ood ? "pets-ood" : "pets";
        }
    }

    private final Config config;
    private final PetsPools pools;
    private final Random rng;
    private final List<PreferencePair> pairs = new ArrayList<>();
    private final Map<String, PairTruth> pairTruths = new LinkedHashMap<>();

    private PetsGenerator(Config config) {
        this.config = config;
        this.pools = PetsPools.load(config.seed());
        this.rng = new Random(config.seed() * 0x9E3779B97F4A7C15L + 1); // a stream apart from the pool split
    }

    public static Dataset generate(Config config) {
        return new PetsGenerator(config).build();
    }

    private Dataset build() {
        Map<String, UserTruth> users = new LinkedHashMap<>();
        Map<PetsUserType, List<String>> seen = assignUsers(config.seenUsersPerType(), 0, users);
        Map<PetsUserType, List<String>> unseen = assignUsers(config.unseenUsersPerType(),
                config.seenUsersPerType() * PetsUserType.values().length, users);
        for (PetsUserType type : PetsUserType.values()) {
            deal(type, seen.get(type), config.trainPairsPerType(), Split.TRAIN);
            deal(type, seen.get(type), config.testPairsPerType(), Split.TEST_SEEN_USERS);
            deal(type, unseen.get(type), config.testPairsPerType(), Split.TEST_UNSEEN_USERS);
            for (String user : seen.get(type)) {
                for (int i = 0; i < config.contextPairsPerUser(); i++) {
                    add(type, user, CONTROVERSIAL, Split.CONTEXT);
                }
            }
            for (String user : unseen.get(type)) {
                addUnseenContext(type, user, config.contextPairsPerUser());
            }
        }
        for (PetsUserType type : PetsUserType.values()) { // last: the pairs before are as without them
            for (String user : unseen.get(type)) {
                addUnseenContext(type, user, config.unseenContextPairsPerUser() - config.contextPairsPerUser());
            }
        }
        return new Dataset(config.datasetName(), pairs, List.of(), new GroundTruth(users, pairTruths));
    }

    private void addUnseenContext(PetsUserType type, String user, int count) {
        List<Animal[]> kinds = config.ood() ? oodContextTypes(type) : List.<Animal[]>of(CONTROVERSIAL);
        for (int i = 0; i < count; i++) {
            add(type, user, kinds.get(rng.nextInt(kinds.size())), Split.CONTEXT);
        }
    }

    /** Ids u000... in a seeded order, so an id says nothing about its user's type. */
    private Map<PetsUserType, List<String>> assignUsers(int perType, int firstIndex, Map<String, UserTruth> truths) {
        List<PetsUserType> slots = new ArrayList<>();
        for (PetsUserType t : PetsUserType.values()) {
            slots.addAll(Collections.nCopies(perType, t));
        }
        Collections.shuffle(slots, rng);
        Map<PetsUserType, List<String>> byType = new LinkedHashMap<>();
        for (PetsUserType t : PetsUserType.values()) {
            byType.put(t, new ArrayList<>());
        }
        for (int i = 0; i < slots.size(); i++) {
            String id = String.format("u%03d", firstIndex + i);
            byType.get(slots.get(i)).add(id);
            truths.put(id, new UserTruth(id, slots.get(i).typeName(), slots.get(i).latent()));
        }
        return byType;
    }

    private void deal(PetsUserType type, List<String> users, int count, Split split) {
        for (int i = 0; i < count; i++) {
            add(type, users.get(i % users.size()), PAIR_TYPES.get(rng.nextInt(PAIR_TYPES.size())), split);
        }
    }

    private void add(PetsUserType type, String user, Animal[] pairType, Split split) {
        Animal a = pairType[0];
        Animal b = pairType[1];
        boolean aWins = type.prefers(a, b);
        String sa = sentence(a, split);
        String sb = sentence(b, split);
        String id = String.format("p%05d", pairs.size() + 1);
        pairs.add(new PreferencePair(id, user, PROMPT, aWins ? sa : sb, aWins ? sb : sa, TOPIC, split));
        boolean controversial = false;
        for (PetsUserType other : PetsUserType.values()) {
            controversial |= other.prefers(a, b) != aWins;
        }
        pairTruths.put(id, new PairTruth(id, controversial, 1.0));
    }

    private String sentence(Animal a, Split split) {
        List<String> pool = split.isTest() ? pools.test(a) : pools.train(a);
        return pool.get(rng.nextInt(pool.size()));
    }
}
