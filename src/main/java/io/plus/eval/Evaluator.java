package io.plus.eval;

import io.plus.data.Dataset;
import io.plus.data.PairTruth;
import io.plus.data.PreferencePair;
import io.plus.data.Split;
import io.plus.methods.EmbeddingTable;
import io.plus.methods.FittedModel;
import io.plus.training.BradleyTerryLoss;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
            List<PreferencePair> controversial = pairs.stream()
                    .filter(p -> dataset.truth().pair(p.id()).map(PairTruth::controversial).orElse(false))
                    .toList();
            results.add(new SplitMetrics(split, metrics(model, pairs, dataset, embeddings),
                    metrics(model, controversial, dataset, embeddings)));
        }
        return results;
    }

    static PairMetrics metrics(FittedModel model, List<PreferencePair> pairs, Dataset dataset,
                               EmbeddingTable embeddings) {
        if (pairs.isEmpty()) {
            return PairMetrics.EMPTY;
        }
        double correct = 0;
        double nll = 0;
        double bayes = 0;
        boolean bayesKnown = true;
        for (PreferencePair pair : pairs) {
            double margin = model.margin(pair, embeddings);
            correct += margin > 0 ? 1 : margin == 0 ? 0.5 : 0;
            nll += BradleyTerryLoss.of(margin);
            Optional<PairTruth> truth = dataset.truth().pair(pair.id());
            if (truth.isPresent()) {
                bayes += Math.max(truth.get().pChosen(), 1 - truth.get().pChosen());
            } else {
                bayesKnown = false;
            }
        }
        int n = pairs.size();
        return new PairMetrics(n, correct / n, nll / n, bayesKnown ? bayes / n : Double.NaN);
    }
}
