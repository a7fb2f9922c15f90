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
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a cold start allows at best: a context method can personalise no better than it can tell which
 * kind of user it faces. This recogniser knows every user type (the seen users' hidden types, each
 * type's latent and share of users) and the Oracle's reward model of each, and picks for each unseen user the
 * type that makes their first {@code k} labelled context units most probable (maximum a posteriori).
 * The ceiling is the Oracle's accuracy when it is told that type instead of the true one. Reads the
 * hidden truth: evaluation only.
 */
public final class IdentificationCeiling {
    private IdentificationCeiling() {
    }

    /** A type the recogniser can name: its latent and its log prior (share of seen users). */
    private record Candidate(String type, float[] latent, double logPrior) {
    }

    /** The ceiling at each budget, as points of the curve; {@code oracle} must condition on the true type. */
    public static List<ColdStartCurve.Point> measure(FittedModel oracle, Dataset dataset, EmbeddingTable embeddings,
                                                     ContextUnit unit, List<Integer> budgets) {
        if (!applies(dataset)) {
            throw new IllegalArgumentException("dataset " + dataset.name() + " has no discrete user types to recognise");
        }
        int dimension = oracle.conditioner().dimension();
        List<Candidate> candidates = candidates(dataset, dimension);
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
            points.add(ColdStartCurve.point(k, users, units,
                    oracle.withConditioner(UserConditioner.of(dimension, recognised::get)), dataset, embeddings));
        }
        return points;
    }

    /** The latent of the most probable type given the user's labelled context (the prior alone without any). */
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

    /** The hidden types of the users who have training pairs, in name order, with their share as prior. */
    private static List<Candidate> candidates(Dataset dataset, int dimension) {
        Map<String, double[]> latents = new TreeMap<>();
        Map<String, Integer> counts = new HashMap<>();
        Set<String> seen = new TreeSet<>();
        for (PreferencePair pair : dataset.pairs(Split.TRAIN)) {
            seen.add(pair.user());
        }
        for (String user : seen) {
            dataset.truth().user(user).ifPresent(truth -> {
                latents.putIfAbsent(truth.type(), truth.latent());
                counts.merge(truth.type(), 1, Integer::sum);
            });
        }
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        List<Candidate> candidates = new ArrayList<>();
        latents.forEach((type, latent) -> {
            float[] vector = new float[dimension]; // as the Oracle's conditioner writes it: padded with zeros
            for (int i = 0; i < latent.length; i++) {
                vector[i] = (float) latent[i];
            }
            candidates.add(new Candidate(type, vector, Math.log((double) counts.get(type) / total)));
        });
        return candidates;
    }

    /**
     * Whether a dataset has what the recogniser needs: users who are of one of a few discrete types.
     * Every seen user of a type must share one latent (a mixture's users each weigh their attributes
     * differently, so there is no type to recognise and the "ceiling" would not bound anything), and
     * every unseen user's type must be one the seen users have.
     */
    public static boolean applies(Dataset dataset) {
        Map<String, double[]> latentOfType = new HashMap<>();
        for (PreferencePair pair : dataset.pairs(Split.TRAIN)) {
            Optional<UserTruth> truth = dataset.truth().user(pair.user());
            if (truth.isEmpty()) {
                return false;
            }
            double[] known = latentOfType.putIfAbsent(truth.get().type(), truth.get().latent());
            if (known != null && !Arrays.equals(known, truth.get().latent())) {
                return false;
            }
        }
        if (latentOfType.isEmpty()) {
            return false;
        }
        for (String user : ContextBudget.unseenUsers(dataset)) {
            Optional<UserTruth> truth = dataset.truth().user(user);
            if (truth.isEmpty() || !latentOfType.containsKey(truth.get().type())) {
                return false;
            }
        }
        return true;
    }
}
