package io.plus.summary.training;

import io.plus.model.BradleyTerry;

/**
 * The summarizer's terminal reward for one user's summary: the mean log-likelihood of the user's
 * reward pairs under the summary-conditioned reward model,
 * {@code mean log σ(r(chosen|z) − r(rejected|z))}, clipped to {@code [−clip, clip]}.
 */
public final class SummaryReward {
    private SummaryReward() {
    }

    public static double of(float[] chosenRewards, float[] rejectedRewards, int from, int to, double clip) {
        if (to <= from) {
            throw new IllegalArgumentException("a summary needs at least one pair to be scored on");
        }
        double logLikelihood = 0;
        for (int i = from; i < to; i++) {
            logLikelihood -= BradleyTerry.loss(chosenRewards[i] - rejectedRewards[i]);
        }
        double mean = logLikelihood / (to - from);
        return Math.max(-clip, Math.min(clip, mean));
    }
}
