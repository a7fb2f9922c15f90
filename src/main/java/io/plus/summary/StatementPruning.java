package io.plus.summary;

import io.plus.model.RewardHead;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A statement earns its place in a summary by changing what the reward model predicts for the
 * user: with the user's labelled context as the test, statements are taken out one at a time
 * while taking them out mispredicts none of the user's own choices that the fuller summary got
 * right. Of the statements that could go, the one whose absence leaves the user's choices with
 * the largest mean margin goes first. At least one statement stays, and a user without labelled
 * context keeps the summary as written (there is nothing to check it against).
 *
 * <p>Both tests are unchanged when every reward is multiplied by one positive factor, so a
 * calibrated and an uncalibrated head keep the same statements.
 */
public final class StatementPruning {
    private StatementPruning() {
    }

    static final double MARGIN_SHARE = 0.1;

    /** How the reward model fares on a user's choices under one summary. */
    private record Fit(int correct, double meanMargin) {
    }

    /**
     * The statements of {@code written} (in writing order) that stay; {@code encodingOf} gives the
     * reward model's conditioning for a list of them.
     */
    public static List<Integer> prune(List<Integer> written, Function<List<Integer>, float[]> encodingOf,
                                      RewardHead head, ContextChoices choices) {
        List<Integer> kept = new ArrayList<>(written);
        if (choices.size() == 0 || kept.size() < 2) {
            return kept;
        }
        Fit current = fit(head, encodingOf.apply(kept), choices);
        while (kept.size() > 1) {
            int drop = -1;
            Fit best = null;
            for (int i = 0; i < kept.size(); i++) {
                List<Integer> without = new ArrayList<>(kept);
                without.remove(i);
                Fit fit = fit(head, encodingOf.apply(without), choices);
                boolean idle = fit.correct() >= current.correct()
                        && fit.meanMargin() >= current.meanMargin() - MARGIN_SHARE * Math.abs(current.meanMargin());
                if (idle && (best == null || fit.meanMargin() > best.meanMargin())) {
                    best = fit;
                    drop = i;
                }
            }
            if (drop < 0) {
                break;
            }
            kept.remove(drop);
            current = best;
        }
        return kept;
    }

    private static Fit fit(RewardHead head, float[] conditioning, ContextChoices choices) {
        int correct = 0;
        double margins = 0;
        for (int i = 0; i < choices.size(); i++) {
            float margin = head.margin(choices.prompts()[i], choices.chosen()[i], choices.rejected()[i], conditioning);
            correct += margin > 0 ? 1 : 0;
            margins += margin;
        }
        return new Fit(correct, margins / choices.size());
    }
}
