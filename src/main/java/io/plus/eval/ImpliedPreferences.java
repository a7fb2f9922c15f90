package io.plus.eval;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * For the synthetic datasets: which response features a user's hidden type implies they favour
 * ({@code towards}) or avoid ({@code awayFrom}), in the miner's feature names (folded word stems;
 * {@code #length} for answer length). The words are the ones the generators write: pet names in
 * the pets pools, and the openers, connectives and closing lines ResponseComposer uses for each
 * attribute pole. Evaluation only: the learner never sees this.
 */
public final class ImpliedPreferences {
    /** Features a type leans towards and away from. */
    public record Implied(Set<String> towards, Set<String> awayFrom) {
    }

    private static final Map<String, Implied> PETS = Map.of(
            "helpful", new Implied(Set.of("dog"), Set.of("cat")),
            "harmless", new Implied(Set.of("cat"), Set.of("dog")));

    private static final Map<String, Implied> ATTRIBUTES = Map.of(
            "concise", new Implied(Set.of(), Set.of("#length", "furthermore", "addition", "detailed", "overview",
                    "hope", "long", "rundown")),
            "formal", new Implied(Set.of("certainly", "regarding", "consider", "following", "furthermore", "addition",
                    "please"), Set.of("sure", "thing", "deal", "heres", "plu", "also")),
            "cautious", new Implied(Set.of("safe", "sorry", "consult", "professional", "qualified", "careful"),
                    Set.of("directly", "proceed", "precaution", "necessary", "just")),
            "with-examples", new Implied(Set.of("example", "instance"), Set.of()));

    private ImpliedPreferences() {
    }

    public static Optional<Implied> of(String dataset, String type) {
        Map<String, Implied> table = switch (dataset) {
            case "pets", "pets-ood" -> PETS;
            case "attributes", "attributes-single" -> ATTRIBUTES;
            default -> Map.of();
        };
        return Optional.ofNullable(table.get(type));
    }

    /**
     * Whether statements (feature, polarity) name the implied preference: at least one says the
     * user leans towards a favoured feature or away from an avoided one, and none says the opposite.
     */
    public static boolean named(Implied implied, Iterable<Map.Entry<String, Integer>> statements) {
        boolean names = false;
        for (Map.Entry<String, Integer> statement : statements) {
            String feature = statement.getKey();
            int polarity = statement.getValue();
            if (feature == null || polarity == 0) {
                continue;
            }
            boolean agrees = polarity > 0 ? implied.towards().contains(feature) : implied.awayFrom().contains(feature);
            boolean contradicts = polarity > 0 ? implied.awayFrom().contains(feature) : implied.towards().contains(feature);
            if (contradicts) {
                return false;
            }
            names |= agrees;
        }
        return names;
    }
}
