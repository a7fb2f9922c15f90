package io.plus.eval;

import io.plus.data.ContextBudget;
import io.plus.data.ContextUnit;
import io.plus.data.Dataset;
import io.plus.data.PreferencePair;
import io.plus.data.Split;
import io.plus.methods.ContextConditioner;
import io.plus.methods.EmbeddingTable;
import io.plus.methods.FittedModel;
import io.plus.methods.UserConditioner;
import io.plus.summary.SummaryConditioner;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How much context a new user must give before personalization pays: a trained model's accuracy on
 * the unseen users' test pairs when it reads only the first {@code k} units of each one's context.
 * The same users and test pairs at every {@code k}; nothing is retrained.
 */
public final class ColdStartCurve {
    /** The context budgets the benchmark reports. */
    public static final List<Integer> BUDGETS = List.of(1, 2, 3, 5, 8);

    private ColdStartCurve() {
    }

    /**
     * One point: accuracy with {@code k} context units; {@code usersWithK} of the {@code users} had at
     * least {@code k} (the others read all they had); {@code namesPreference}, the share of the users
     * whose description (a summary, or the ceiling's recognised type) names their preferences, NaN
     * where that cannot be judged (no summary, or no generator that defines what a type implies).
     */
    public record Point(int k, int users, int usersWithK, SplitMetrics metrics, double namesPreference) {
    }

    /** Whether a model reads context at all (BTL and the Oracle do not: their line is flat). */
    public static boolean applies(FittedModel model) {
        return model.conditioner() instanceof ContextConditioner;
    }

    public static List<Point> measure(FittedModel model, Dataset dataset, EmbeddingTable embeddings, ContextUnit unit,
                                      List<Integer> budgets) {
        if (!(model.conditioner() instanceof ContextConditioner reader)) {
            throw new IllegalArgumentException(model.method() + " does not read context");
        }
        Set<String> users = ContextBudget.unseenUsers(dataset);
        Map<String, Integer> units = ContextBudget.unitsByUser(dataset, unit);
        List<Point> points = new ArrayList<>();
        for (int k : budgets) {
            Dataset view = ContextBudget.truncate(dataset, users, k, unit).withoutTruth();
            UserConditioner atK = reader.readingContextOf(view, embeddings);
            double named = atK instanceof SummaryConditioner summaries
                    ? SummaryEvaluation.namesPreferenceShare(summaries, dataset, users) : Double.NaN;
            points.add(point(k, users, units, model.withConditioner(atK), dataset, embeddings, named));
        }
        return points;
    }

    /** The point at budget {@code k} of a model told about the users as it would be with that much context. */
    static Point point(int k, Set<String> users, Map<String, Integer> units, FittedModel atK, Dataset dataset,
                       EmbeddingTable embeddings, double namesPreference) {
        List<PreferencePair> pairs = dataset.pairs(Split.TEST_UNSEEN_USERS);
        int usersWithK = (int) users.stream().filter(u -> units.getOrDefault(u, 0) >= k).count();
        return new Point(k, users.size(), usersWithK,
                Evaluator.metrics(Split.TEST_UNSEEN_USERS, pairs, atK.margins(pairs, embeddings), dataset),
                namesPreference);
    }
}
