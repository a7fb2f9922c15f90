package io.plus.eval;

import io.plus.data.Dataset;
import io.plus.data.PairTruth;
import io.plus.data.PreferencePair;
import io.plus.data.Split;
import io.plus.methods.EmbeddingTable;
import io.plus.methods.FittedModel;
import io.plus.model.BradleyTerry;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * Scores a fitted model on every test split of a dataset: accuracy, NLL, calibration (see
 * {@link Reliability}). The evaluator may read the hidden truth
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
            results.add(metrics(split, pairs, model.margins(pairs, embeddings), dataset));
        }
        return results;
    }

    /** Accuracy, NLL and Bayes ceiling on all of {@code pairs} and on their controversial ones. */
    static SplitMetrics metrics(Split split, List<PreferencePair> pairs, double[] margins, Dataset dataset) {
        IntPredicate controversial = i -> dataset.truth().pair(pairs.get(i).id())
                .map(PairTruth::controversial).orElse(false);
        return new SplitMetrics(split, metrics(pairs, margins, i -> true, dataset),
                metrics(pairs, margins, controversial, dataset));
    }

    /** Metrics over the pairs {@code included} selects (by index). */
    private static PairMetrics metrics(List<PreferencePair> pairs, double[] margins, IntPredicate included,
                                       Dataset dataset) {
        int n = 0;
        double correct = 0;
        double nll = 0;
        double bayes = 0;
        boolean bayesKnown = true;
        Reliability.Accumulator reliability = new Reliability.Accumulator();
        for (int i = 0; i < pairs.size(); i++) {
            if (!included.test(i)) {
                continue;
            }
            n++;
            double margin = margins[i];
            correct += margin > 0 ? 1 : margin == 0 ? 0.5 : 0;
            nll += BradleyTerry.loss(margin);
            reliability.add(margin);
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
        Reliability bins = reliability.reliability();
        return new PairMetrics(n, correct / n, nll / n, bins.expectedCalibrationError(),
                bayesKnown ? bayes / n : Double.NaN, bins);
    }
}
