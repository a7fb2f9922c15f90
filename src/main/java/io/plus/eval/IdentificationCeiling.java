package io.plus.eval;

import io.plus.data.ContextBudget;
import io.plus.data.ContextUnit;
import io.plus.data.Dataset;
import io.plus.data.PreferencePair;
import io.plus.data.Split;
import io.plus.data.UserTruth;
import io.plus.methods.EmbeddingTable;
import io.plus.methods.FittedModel;
import io.plus.methods.UserConditioner;
import io.plus.model.BradleyTerry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a cold start allows at best: a context method can personalise no better than it can tell which
 * kind of user it faces. This recogniser knows the seen users' hidden latents (their types, or for
 * mixtures each one's own weighting of the attributes), each distinct latent's share of seen users and
 * the Oracle's reward model, and picks for a user the latent that makes their labelled context units
 * most probable (maximum a posteriori): an unseen user's first {@code k} on the cold-start curve, the
 * context the main tables give on every test split. The ceiling is the Oracle's accuracy when it is
 * told that latent instead of the true one. Reads the hidden truth: evaluation only.
 */
public final class IdentificationCeiling {
    private IdentificationCeiling() {
    }

    /** A latent the recogniser can name, and its log prior (share of seen users). */
    private record Candidate(float[] latent, double logPrior) {
    }

    /**
     * The ceiling on every test split, each user recognised from the context the dataset gives them:
     * what telling users apart from that context allows, on seen users and new topics too. A seen user
     * is recognised among the other seen users (their own latent left out), so the row bounds what the
     * context says about them, not what their training pairs taught: a method above it on seen users
     * knows them from those pairs. {@code oracle} must condition on the true latent.
     */
    public static List<SplitMetrics> onTestSplits(FittedModel oracle, Dataset dataset, EmbeddingTable embeddings) {
        requireApplies(dataset);
        int dimension = oracle.conditioner().dimension();
        Map<String, List<PreferencePair>> context = dataset.contextPairsByUser();
        Set<String> users = new TreeSet<>();
        for (PreferencePair pair : dataset.pairs()) {
            if (pair.split().isTest()) {
                users.add(pair.user());
            }
        }
        Set<UserTruth> seen = seenUsers(dataset);
        Map<String, float[]> recognised = new HashMap<>();
        for (String user : users) {
            recognised.put(user, recognise(oracle, candidates(seen, dimension, user),
                    context.getOrDefault(user, List.of()), embeddings));
        }
        return Evaluator.evaluate(oracle.withConditioner(UserConditioner.of(dimension, recognised::get)), dataset,
                embeddings);
    }

    /** The ceiling at each budget, as points of the curve; {@code oracle} must condition on the true type. */
    public static List<ColdStartCurve.Point> measure(FittedModel oracle, Dataset dataset, EmbeddingTable embeddings,
                                                     ContextUnit unit, List<Integer> budgets) {
        requireApplies(dataset);
        int dimension = oracle.conditioner().dimension();
        List<Candidate> candidates = candidates(seenUsers(dataset), dimension, null);
        Set<String> users = ContextBudget.unseenUsers(dataset);
        Map<String, Integer> units = ContextBudget.unitsByUser(dataset, unit);
        List<ColdStartCurve.Point> points = new ArrayList<>();
        for (int k : budgets) {
            Dataset view = ContextBudget.truncate(dataset, users, k, unit);
            Map<String, List<PreferencePair>> context = view.contextPairsByUser();
            Map<String, float[]> recognised = new HashMap<>();
            for (String user : users) {
                recognised.put(user, recognise(oracle, candidates, context.getOrDefault(user, List.of()), embeddings));
            }
            long named = users.stream()
                    .filter(u -> namesPreference(dataset.truth().user(u).orElseThrow().latent(), recognised.get(u)))
                    .count();
            points.add(ColdStartCurve.point(k, users, units,
                    oracle.withConditioner(UserConditioner.of(dimension, recognised::get)), dataset, embeddings,
                    (double) named / users.size()));
        }
        return points;
    }

    /** The most probable latent given the user's labelled context (the prior alone without any). */
    private static float[] recognise(FittedModel oracle, List<Candidate> candidates, List<PreferencePair> context,
                                     EmbeddingTable embeddings) {
        Candidate best = candidates.get(0);
        double bestScore = Double.NEGATIVE_INFINITY;
        for (Candidate candidate : candidates) {
            double score = candidate.logPrior();
            if (!context.isEmpty()) {
                FittedModel asType = oracle.withConditioner(
                        UserConditioner.of(candidate.latent().length, user -> candidate.latent()));
                for (double margin : asType.margins(context, embeddings)) {
                    score -= BradleyTerry.loss(margin); // log σ(margin): the chosen side as this type
                }
            }
            if (score > bestScore) {
                bestScore = score;
                best = candidate;
            }
        }
        return best.latent();
    }

    /**
     * Whether a recognised latent names the user's preferences as a summary must: it weighs every
     * attribute (or type) that the true latent weighs by at least {@link ImpliedPreferences#NAMED_WEIGHT}
     * the same way, and none against the way the user weighs it.
     */
    static boolean namesPreference(double[] truth, float[] recognised) {
        for (int i = 0; i < truth.length; i++) {
            double sign = Math.signum(truth[i]);
            if (Math.abs(truth[i]) >= ImpliedPreferences.NAMED_WEIGHT && Math.signum(recognised[i]) != sign) {
                return false;
            }
            if (sign != 0 && Math.signum(recognised[i]) == -sign) {
                return false;
            }
        }
        return true;
    }

    /** The hidden truths of the users who have training pairs, by type name (ties: by user id). */
    private static Set<UserTruth> seenUsers(Dataset dataset) {
        Set<UserTruth> seen = new TreeSet<>(Comparator.comparing(UserTruth::type).thenComparing(UserTruth::user));
        for (PreferencePair pair : dataset.pairs(Split.TRAIN)) {
            seen.add(dataset.truth().user(pair.user()).orElseThrow());
        }
        return seen;
    }

    /**
     * The distinct hidden latents of the {@code seen} users but {@code leftOut} (none if null), in their
     * order, each with its share of those users as prior.
     */
    private static List<Candidate> candidates(Set<UserTruth> seen, int dimension, String leftOut) {
        List<UserTruth> users = seen.stream().filter(truth -> !truth.user().equals(leftOut)).toList();
        Map<List<Double>, Integer> counts = new LinkedHashMap<>(); // a list compares the latent by value
        for (UserTruth user : users) {
            counts.merge(Arrays.stream(user.latent()).boxed().toList(), 1, Integer::sum);
        }
        List<Candidate> candidates = new ArrayList<>();
        counts.forEach((latent, count) -> {
            float[] vector = new float[dimension]; // as the Oracle's conditioner writes it: padded with zeros
            for (int i = 0; i < latent.size(); i++) {
                vector[i] = latent.get(i).floatValue();
            }
            candidates.add(new Candidate(vector, Math.log((double) count / users.size())));
        });
        return candidates;
    }

    private static void requireApplies(Dataset dataset) {
        if (!applies(dataset)) {
            throw new IllegalArgumentException("dataset " + dataset.name()
                    + " lacks the hidden latent of some user: nothing to recognise or to bound");
        }
    }

    /** Whether a dataset has what the recogniser needs: seen users, and a hidden latent for every seen and unseen user. */
    public static boolean applies(Dataset dataset) {
        Set<String> users = new TreeSet<>(ContextBudget.unseenUsers(dataset));
        for (PreferencePair pair : dataset.pairs(Split.TRAIN)) {
            users.add(pair.user());
        }
        return !dataset.pairs(Split.TRAIN).isEmpty()
                && users.stream().allMatch(user -> dataset.truth().user(user).isPresent());
    }
}
