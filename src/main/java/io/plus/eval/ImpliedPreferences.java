package io.plus.eval;

import io.plus.data.UserTruth;
import io.plus.data.generate.AttributeWording;
import io.plus.data.generate.ResponseAttribute;
import io.plus.summary.StatementMiner;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * For the synthetic datasets: which response features a user's hidden type implies they favour
 * ({@code towards}) or avoid ({@code awayFrom}), in the miner's feature names (folded word stems;
 * {@code #length} for answer length). The words are the ones the generators write: pet names in
 * the pets pools, and for the attributes every word of the generator's own phrasing that only one
 * pole of an attribute writes. A mixture user ("concise+with-examples") holds one preference per
 * attribute, weighted as the generator weighted it. Evaluation only: the learner never sees this.
 */
public final class ImpliedPreferences {
    /** Features one preference leans towards and away from. */
    public record Implied(Set<String> towards, Set<String> awayFrom) {
        boolean agrees(Claim claim) {
            return claim.polarity() > 0 ? towards.contains(claim.feature()) : awayFrom.contains(claim.feature());
        }

        boolean contradicts(Claim claim) {
            return claim.polarity() > 0 ? awayFrom.contains(claim.feature()) : towards.contains(claim.feature());
        }
    }

    /** One preference of a user's hidden type and its weight (1 for a user of a single type). */
    public record Preference(String name, double weight, Implied implied) {
    }

    /** What a statement says: the user leans towards (+1) or away from (-1) a feature. */
    public record Claim(String feature, int polarity) {
    }

    /** A mixture user's preference must be named when it carries at least this share of their weight. */
    public static final double NAMED_WEIGHT = 0.3;

    private static final Map<String, Implied> PETS = Map.of(
            "helpful", new Implied(Set.of("dog"), Set.of("cat")),
            "harmless", new Implied(Set.of("cat"), Set.of("dog")));

    private static final Map<String, Implied> ATTRIBUTES = attributeWording();

    private ImpliedPreferences() {
    }

    /** The preferences a user's hidden type implies; empty where no generator defines them (real data). */
    public static Optional<List<Preference>> of(String dataset, UserTruth truth) {
        Map<String, Implied> table = switch (dataset) {
            case "pets", "pets-ood" -> PETS;
            // the generators' names, and the bench's names for their sets
            case "attributes-single", "attributes-mixture", "attributes", "attributes-mix" -> ATTRIBUTES;
            default -> Map.of();
        };
        String[] poles = truth.type().split("\\+");
        List<Preference> preferences = new ArrayList<>();
        for (String pole : poles) {
            Implied implied = table.get(pole);
            if (implied == null) {
                return Optional.empty();
            }
            preferences.add(new Preference(pole, poles.length == 1 ? 1 : weight(pole, truth.latent()), implied));
        }
        return Optional.of(List.copyOf(preferences));
    }

    /**
     * Each attribute's positive pole leans towards the words the generator writes only with that
     * pole and away from those it writes only without it (its own phrasing, topics left out:
     * "Certainly. Regarding …" for formal, "Better safe than sorry, right?" for cautious and casual);
     * concise also leans away from length.
     */
    private static Map<String, Implied> attributeWording() {
        Map<String, Implied> table = new HashMap<>();
        for (ResponseAttribute attribute : ResponseAttribute.values()) {
            Set<String> with = new HashSet<>();
            Set<String> without = new HashSet<>();
            for (int mask = 0; mask < ResponseAttribute.COMBINATIONS; mask++) {
                (attribute.in(mask) ? with : without).addAll(StatementMiner.featureNames(AttributeWording.of(mask)));
            }
            Set<String> towards = new HashSet<>(with);
            towards.removeAll(without);
            Set<String> awayFrom = new HashSet<>(without);
            awayFrom.removeAll(with);
            if (attribute == ResponseAttribute.CONCISE) {
                awayFrom.add(StatementMiner.LENGTH_KEY);
            }
            table.put(attribute.positivePole(), new Implied(Set.copyOf(towards), Set.copyOf(awayFrom)));
        }
        return Map.copyOf(table);
    }

    private static double weight(String pole, double[] latent) {
        for (ResponseAttribute attribute : ResponseAttribute.values()) {
            if (attribute.positivePole().equals(pole) && attribute.ordinal() < latent.length) {
                return latent[attribute.ordinal()];
            }
        }
        throw new IllegalArgumentException("no weight for the preference " + pole);
    }

    /**
     * A claim contradicts a user when it goes against one of their preferences and agrees with none
     * (a mixture user may favour a word through one preference and avoid it through another).
     */
    static boolean contradicts(List<Preference> preferences, Claim claim) {
        boolean against = false;
        for (Preference preference : preferences) {
            if (preference.implied().agrees(claim)) {
                return false;
            }
            against |= preference.implied().contradicts(claim);
        }
        return against;
    }

    static boolean agrees(List<Preference> preferences, Claim claim) {
        return preferences.stream().anyMatch(p -> p.implied().agrees(claim));
    }

    /**
     * Whether a summary's claims name the user's preferences: each preference of weight at least
     * {@link #NAMED_WEIGHT} (the only one, for a single-type user) has a claim agreeing with it,
     * and no claim contradicts the user.
     */
    public static boolean named(List<Preference> preferences, List<Claim> claims) {
        for (Claim claim : claims) {
            if (contradicts(preferences, claim)) {
                return false;
            }
        }
        for (Preference preference : preferences) {
            if (preference.weight() >= NAMED_WEIGHT
                    && claims.stream().noneMatch(claim -> preference.implied().agrees(claim))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether one statement's claims are implied by the user's type: none contradicts it and at
     * least half agree with it ("wording such as 'cats', 'rabbits' and 'preference'" names one pet
     * word in three and is not implied by a cat lover's type, though it does not contradict it).
     */
    public static boolean implied(List<Preference> preferences, List<Claim> statementClaims) {
        if (statementClaims.isEmpty()) {
            return false;
        }
        int agreeing = 0;
        for (Claim claim : statementClaims) {
            if (contradicts(preferences, claim)) {
                return false;
            }
            agreeing += agrees(preferences, claim) ? 1 : 0;
        }
        return 2 * agreeing >= statementClaims.size();
    }
}
