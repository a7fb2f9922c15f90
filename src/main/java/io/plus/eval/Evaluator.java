package io.plus.eval;

import io.plus.data.Dataset;
import io.plus.data.PairTruth;
import io.plus.data.PreferencePair;
import io.plus.data.Split;
import io.plus.methods.EmbeddingTable;
import io.plus.methods.FittedModel;
import io.plus.model.RewardHead;
import io.plus.training.BradleyTerryLoss;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * Scores a fitted model on every test split of a dataset. The evaluator may read the hidden truth
 * (which pairs are controversial, the Bayes ceiling); the model never does.
 */
public final class Evaluator {
    private Evaluator() {
    }

    public static List<SplitMetrics> evaluate(FittedModel model, Dataset dataset, EmbeddingTable embeddings) {
        List<SplitMetrics> results = new ArrayList<>();
        for (Split split : Split.values()) {
            List<PreferencePair> pairs = dataset.pairs(split);
            if (!split.isTest() || pairs.isEmpty()) {
                continue;
            }
            double[] margins = margins(model, pairs, embeddings);
            IntPredicate controversial = i -> dataset.truth().pair(pairs.get(i).id())
                    .map(PairTruth::controversial).orElse(false);
            results.add(new SplitMetrics(split, metrics(pairs, margins, i -> true, dataset),
                    metrics(pairs, margins, controversial, dataset)));
        }
        return results;
    }

    /** A response as one user sees it; embeddings are shared arrays, so identity is the text's identity. */
    private record Scored(String user, float[] prompt, float[] response) {
    }

    /**
     * {@code r(chosen | user) - r(rejected | user)} for every pair, each (user, prompt, response)
     * scored once: test pairs often compare one answer with several others (DSP: with four). The
     * distinct responses are scored as one batch.
     */
    static double[] margins(FittedModel model, List<PreferencePair> pairs, EmbeddingTable embeddings) {
        Map<Scored, Integer> index = new LinkedHashMap<>();
        int[] chosen = new int[pairs.size()];
        int[] rejected = new int[pairs.size()];
        for (int i = 0; i < pairs.size(); i++) {
            PreferencePair pair = pairs.get(i);
            float[] prompt = embeddings.of(pair.prompt());
            chosen[i] = index.computeIfAbsent(new Scored(pair.user(), prompt, embeddings.of(pair.chosen())),
                    key -> index.size());
            rejected[i] = index.computeIfAbsent(new Scored(pair.user(), prompt, embeddings.of(pair.rejected())),
                    key -> index.size());
        }
        Map<String, float[]> conditioning = new HashMap<>(); // once per user: a conditioner may compute it
        List<RewardHead.Query> queries = new ArrayList<>(index.size());
        for (Scored scored : index.keySet()) {
            queries.add(new RewardHead.Query(scored.prompt(), scored.response(),
                    conditioning.computeIfAbsent(scored.user(), model.conditioner()::conditioning)));
        }
        float[] rewards = model.head().rewards(queries);
        double[] margins = new double[pairs.size()];
        for (int i = 0; i < pairs.size(); i++) {
            margins[i] = rewards[chosen[i]] - rewards[rejected[i]];
        }
        return margins;
    }

    /** Metrics over the pairs {@code included} selects (by index). */
    private static PairMetrics metrics(List<PreferencePair> pairs, double[] margins, IntPredicate included,
                                       Dataset dataset) {
        int n = 0;
        double correct = 0;
        double nll = 0;
        double bayes = 0;
        boolean bayesKnown = true;
        for (int i = 0; i < pairs.size(); i++) {
            if (!included.test(i)) {
                continue;
            }
            n++;
            double margin = margins[i];
            correct += margin > 0 ? 1 : margin == 0 ? 0.5 : 0;
            nll += BradleyTerryLoss.of(margin);
            Optional<PairTruth> truth = dataset.truth().pair(pairs.get(i).id());
            if (truth.isPresent()) {
                bayes += Math.max(truth.get().pChosen(), 1 - truth.get().pChosen());
            } else {
                bayesKnown = false;
            }
        }
        if (n == 0) {
            return PairMetrics.EMPTY;
        }
        return new PairMetrics(n, correct / n, nll / n, bayesKnown ? bayes / n : Double.NaN);
    }
}
