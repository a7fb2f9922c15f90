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

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;

/**
 * What only a summary-conditioned model can be asked: does it still work when the summary is
 * worded in words it never saw, does the summary matter (another type's summary should make it
 * wrong), how long are summaries, do they name the user's actual preferences and nothing else.
 * Reads hidden truth (for the swap and the naming check): evaluation only.
 */
public final class SummaryEvaluation {
    private SummaryEvaluation() {
    }

    /** An example summary shown in reports, with the user's hidden type beside it. */
    public record Example(String user, String type, String summary) {
    }

    /**
     * Length and faithfulness of the summaries written for a dataset's test users: the share whose
     * summary names their preferences (recall) and the mean share of a summary's statements that
     * the user's type implies (precision), over the users whose type defines them.
     */
    public record Report(double meanWords, double maxWords, double namesPreferenceShare, double statementPrecision,
                         int judgedUsers, List<Example> examples) {
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
     * What a statement claims: a style statement favours each word it is named by ("Prefers wording
     * such as 'safe', 'better' and 'right'."), a mined statement its feature; a curated one, with no
     * feature, claims nothing a generator can check.
     */
    private static List<ImpliedPreferences.Claim> claims(Statement statement) {
        List<String> named = StyleClusterMiner.namedStems(statement);
        if (!named.isEmpty()) {
            return named.stream().map(stem -> new ImpliedPreferences.Claim(stem, statement.polarity())).toList();
        }
        if (statement.feature() == null || statement.polarity() == 0) {
            return List.of();
        }
        return List.of(new ImpliedPreferences.Claim(statement.feature(), statement.polarity()));
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
        double precision = 0;
        int withStatements = 0;
        List<Example> examples = new ArrayList<>();
        Map<String, Integer> examplesPerType = new LinkedHashMap<>();
        for (String user : testUsers) {
            SummaryConditioner.GeneratedSummary summary = summaries.summary(user);
            words += summary.words();
            maxWords = Math.max(maxWords, summary.words());
            Optional<UserTruth> truth = dataset.truth().user(user);
            String type = truth.map(UserTruth::type).orElse("?");
            Optional<List<ImpliedPreferences.Preference>> preferences = preferencesOf(dataset, user);
            if (preferences.isPresent()) {
                judged++;
                List<List<ImpliedPreferences.Claim>> statements = statementClaims(summaries, summary);
                named += names(preferences.get(), statements) ? 1 : 0;
                if (!statements.isEmpty()) { // an empty summary says nothing wrong, and names nothing
                    long implied = statements.stream().filter(s -> ImpliedPreferences.implied(preferences.get(), s)).count();
                    precision += (double) implied / statements.size();
                    withStatements++;
                }
            }
            if (examples.size() < exampleCount && examplesPerType.merge(type, 1, Integer::sum) <= 2) {
                examples.add(new Example(user, type, summary.text()));
            }
        }
        int n = Math.max(1, testUsers.size());
        return new Report(words / n, maxWords, judged == 0 ? Double.NaN : (double) named / judged,
                withStatements == 0 ? Double.NaN : precision / withStatements, judged, examples);
    }

    /**
     * The share of {@code users} whose summary names their preferences, over those whose type defines
     * them (NaN where none does: dsp, data of one's own).
     */
    public static double namesPreferenceShare(SummaryConditioner summaries, Dataset dataset, Collection<String> users) {
        int judged = 0;
        int named = 0;
        for (String user : users) {
            Optional<List<ImpliedPreferences.Preference>> preferences = preferencesOf(dataset, user);
            if (preferences.isPresent()) {
                judged++;
                named += names(preferences.get(), statementClaims(summaries, summaries.summary(user))) ? 1 : 0;
            }
        }
        return judged == 0 ? Double.NaN : (double) named / judged;
    }

    /** Whether a summary's statements, all their claims together, name the preferences. */
    private static boolean names(List<ImpliedPreferences.Preference> preferences,
                                 List<List<ImpliedPreferences.Claim>> statements) {
        return ImpliedPreferences.named(preferences, statements.stream().flatMap(List::stream).toList());
    }

    /** What the user's hidden type implies, where the generator defines it. */
    private static Optional<List<ImpliedPreferences.Preference>> preferencesOf(Dataset dataset, String user) {
        return dataset.truth().user(user).flatMap(t -> ImpliedPreferences.of(dataset.name(), t));
    }

    /** The claims of each statement of a summary, in writing order. */
    private static List<List<ImpliedPreferences.Claim>> statementClaims(SummaryConditioner summaries,
                                                                        SummaryConditioner.GeneratedSummary summary) {
        return summary.statementIds().stream().map(id -> claims(summaries.bank().byId(id).orElseThrow())).toList();
    }

    private static UserConditioner memoised(int dimension, java.util.function.Function<String, float[]> byUser) {
        Map<String, float[]> cache = new java.util.concurrent.ConcurrentHashMap<>();
        return UserConditioner.of(dimension, user -> cache.computeIfAbsent(user, byUser));
    }

}
