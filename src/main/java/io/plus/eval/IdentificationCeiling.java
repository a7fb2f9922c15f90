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
import io.plus.training.BradleyTerryLoss;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a cold start allows at best: a context method can personalise no better than it can tell which
 * kind of user it faces. This recogniser knows every user type (the seen users' hidden types, their
 * mean latent and share) and the Oracle's reward model of each, and picks for each unseen user the
 * type that makes their first {@code k} labelled context units most probable (maximum a posteriori).
 * The ceiling is the Oracle's accuracy when it is told that type instead of the true one. Reads the
 * hidden truth: evaluation only.
 */
public final class IdentificationCeiling {
    private IdentificationCeiling() {
    }

    /** A type the recogniser can name: its mean latent and its log prior (share of seen users). */
    private record Candidate(String type, float[] latent, double logPrior) {
    }

    /** The ceiling at each budget, as points of the curve; {@code oracle} must condition on the true type. */
    public static List<ColdStartCurve.Point> measure(FittedModel oracle, Dataset dataset, EmbeddingTable embeddings,
                                                     ContextUnit unit, List<Integer> budgets) {
        List<Candidate> candidates = candidates(dataset);
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("dataset " + dataset.name() + " has no typed seen users to recognise");
        }
        Set<String> users = ContextBudget.unseenUsers(dataset);
        List<PreferencePair> testPairs = dataset.pairs(Split.TEST_UNSEEN_USERS);
        List<ColdStartCurve.Point> points = new ArrayList<>();
        for (int k : budgets) {
            Dataset view = ContextBudget.truncate(dataset, users, k, unit);
            Map<String, List<PreferencePair>> context = view.contextPairsByUser();
            Map<String, float[]> recognised = new HashMap<>();
            for (String user : users) {
                recognised.put(user, recognise(oracle, candidates, context.getOrDefault(user, List.of()), embeddings));
            }
            int dimension = candidates.get(0).latent().length;
            FittedModel told = new FittedModel(oracle.method(), oracle.conditioning(), oracle.head(),
                    UserConditioner.of(dimension, recognised::get));
            points.add(new ColdStartCurve.Point(k, users.size(), ColdStartCurve.usersWithAtLeast(dataset, users, k, unit),
                    Evaluator.metrics(Split.TEST_UNSEEN_USERS, testPairs, told.margins(testPairs, embeddings), dataset)));
        }
        return points;
    }

    /** The latent of the most probable type given the user's labelled context (the prior alone without any). */
    private static float[] recognise(FittedModel oracle, List<Candidate> candidates, List<PreferencePair> context,
                                     EmbeddingTable embeddings) {
        Candidate best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (Candidate candidate : candidates) {
            double score = candidate.logPrior();
            if (!context.isEmpty()) {
                FittedModel asType = new FittedModel(oracle.method(), oracle.conditioning(), oracle.head(),
                        UserConditioner.of(candidate.latent().length, user -> candidate.latent()));
                for (double margin : asType.margins(context, embeddings)) {
                    score -= BradleyTerryLoss.of(margin); // log σ(margin): the chosen side as this type
                }
            }
            if (score > bestScore) {
                bestScore = score;
                best = candidate;
            }
        }
        return best.latent();
    }

    /** The hidden types of the users who have training pairs, in name order. */
    private static List<Candidate> candidates(Dataset dataset) {
        Set<String> seen = new TreeSet<>();
        for (PreferencePair pair : dataset.pairs(Split.TRAIN)) {
            seen.add(pair.user());
        }
        Map<String, List<double[]>> latents = new LinkedHashMap<>();
        for (String user : seen) {
            dataset.truth().user(user).ifPresent(truth ->
                    latents.computeIfAbsent(truth.type(), t -> new ArrayList<>()).add(truth.latent()));
        }
        int total = latents.values().stream().mapToInt(List::size).sum();
        List<Candidate> candidates = new ArrayList<>();
        new TreeSet<>(latents.keySet()).forEach(type -> {
            List<double[]> all = latents.get(type);
            float[] mean = new float[all.get(0).length];
            for (double[] latent : all) {
                for (int i = 0; i < mean.length; i++) {
                    mean[i] += (float) (latent[i] / all.size());
                }
            }
            candidates.add(new Candidate(type, mean, Math.log((double) all.size() / total)));
        });
        return candidates;
    }

    /** Whether a dataset has what the recogniser needs: hidden types of seen users. */
    public static boolean applies(Dataset dataset) {
        return dataset.pairs(Split.TRAIN).stream().map(PreferencePair::user).distinct()
                .anyMatch(user -> dataset.truth().user(user).map(UserTruth::type).isPresent());
    }
}
