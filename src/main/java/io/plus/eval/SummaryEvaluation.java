package io.plus.eval;

import io.plus.data.Dataset;
import io.plus.data.PreferencePair;
import io.plus.data.UserTruth;
import io.plus.methods.EmbeddingTable;
import io.plus.methods.FittedModel;
import io.plus.methods.UserConditioner;
import io.plus.summary.Statement;
import io.plus.summary.StyleClusterMiner;
import io.plus.summary.SummaryConditioner;
import io.plus.summary.SummaryEncoding;
import io.plus.summary.SummaryRenderer;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What only a summary-conditioned model can be asked: does it still work when the summary is
 * worded in words it never saw, does the summary matter (another type's summary should make it
 * wrong), how long are summaries, and do they name the user's actual preference. Reads hidden
 * truth (for the swap and the naming check): evaluation only.
 */
public final class SummaryEvaluation {
    private SummaryEvaluation() {
    }

    /** An example summary shown in reports, with the user's hidden type beside it. */
    public record Example(String user, String type, String summary) {
    }

    /** Length and faithfulness of the summaries written for a dataset's test users. */
    public record Report(double meanWords, double maxWords, double namesPreferenceShare, int judgedUsers,
                         List<Example> examples) {
    }

    /** Test metrics with every summary re-worded in held-out phrasings the reward model never saw. */
    public static List<SplitMetrics> reworded(FittedModel model, SummaryConditioner summaries, Dataset dataset,
                                              EmbeddingTable embeddings) {
        UserConditioner reworded = memoised(summaries.dimension(), user -> {
            Random random = new Random(user.hashCode());
            String text = SummaryRenderer.heldOutVariant(summaries.bank(), summaries.statementIndices(user), random);
            return SummaryEncoding.of(summaries.encoder(), text);
        });
        return Evaluator.evaluate(model.withConditioner(reworded), dataset, embeddings);
    }

    /** Test metrics when each user is given the summary of a user of another type. */
    public static List<SplitMetrics> swapped(FittedModel model, SummaryConditioner summaries, Dataset dataset,
                                             EmbeddingTable embeddings) {
        List<UserTruth> users = new ArrayList<>(dataset.truth().users().values());
        users.sort((a, b) -> a.user().compareTo(b.user()));
        Map<String, String> donor = new LinkedHashMap<>();
        for (int i = 0; i < users.size(); i++) {
            UserTruth user = users.get(i);
            for (int step = 1; step < users.size(); step++) {
                UserTruth other = users.get((i + step) % users.size());
                if (!other.type().equals(user.type())) {
                    donor.put(user.user(), other.user());
                    break;
                }
            }
        }
        UserConditioner swapped = memoised(summaries.dimension(),
                user -> summaries.conditioning(donor.getOrDefault(user, user)));
        return Evaluator.evaluate(model.withConditioner(swapped), dataset, embeddings);
    }

    /**
     * What a statement claims, as (feature, polarity): a style statement favours each word it is
     * named by ("… a style that uses words like safe, better and right"), any other its feature.
     */
    private static Stream<Map.Entry<String, Integer>> claims(Statement statement) {
        List<String> named = StyleClusterMiner.namedStems(statement);
        if (!named.isEmpty()) {
            return named.stream().map(stem -> new AbstractMap.SimpleEntry<>(stem, statement.polarity()));
        }
        return Stream.of(new AbstractMap.SimpleEntry<>(statement.feature(), statement.polarity()));
    }

    public static Report report(SummaryConditioner summaries, Dataset dataset, int exampleCount) {
        TreeSet<String> testUsers = new TreeSet<>();
        for (PreferencePair pair : dataset.pairs()) {
            if (pair.split().isTest()) {
                testUsers.add(pair.user());
            }
        }
        double words = 0;
        double maxWords = 0;
        int judged = 0;
        int named = 0;
        List<Example> examples = new ArrayList<>();
        Map<String, Integer> examplesPerType = new LinkedHashMap<>();
        for (String user : testUsers) {
            SummaryConditioner.GeneratedSummary summary = summaries.summary(user);
            words += summary.words();
            maxWords = Math.max(maxWords, summary.words());
            String type = dataset.truth().user(user).map(UserTruth::type).orElse("?");
            Optional<ImpliedPreferences.Implied> implied = ImpliedPreferences.of(dataset.name(), type);
            if (implied.isPresent()) {
                judged++;
                List<Map.Entry<String, Integer>> statements = summary.statementIds().stream()
                        .map(id -> summaries.bank().byId(id).orElseThrow())
                        .flatMap(SummaryEvaluation::claims)
                        .toList();
                named += ImpliedPreferences.named(implied.get(), statements) ? 1 : 0;
            }
            if (examples.size() < exampleCount && examplesPerType.merge(type, 1, Integer::sum) <= 2) {
                examples.add(new Example(user, type, summary.text()));
            }
        }
        int n = Math.max(1, testUsers.size());
        return new Report(words / n, maxWords, judged == 0 ? Double.NaN : (double) named / judged, judged, examples);
    }

    private static UserConditioner memoised(int dimension, java.util.function.Function<String, float[]> byUser) {
        Map<String, float[]> cache = new java.util.concurrent.ConcurrentHashMap<>();
        return UserConditioner.of(dimension, user -> cache.computeIfAbsent(user, byUser));
    }

}
