package io.plus.summary.training;

import io.plus.summary.SummaryText;
import io.plus.training.TrainConfig;

/**
 * Settings of one co-adaptation run: how many iterations over how many users at a time, how many
 * of a user's pairs score a summary (and which share of them is kept for that), the reward clip,
 * how many pairs the reward model trains on per iteration, whether the summarizer learns (PLUS) or stays
 * as initialised (PLUS-untrained), for how many iterations only the reward model learns (warm-up),
 * how many epochs the reward model settles on the final
 * summaries, and the settings of both learners.
 */
public record CoAdaptationConfig(int iterations, int usersPerBatch, int rewardPairsPerUser, double rewardShare,
                                 double rewardClip, int rewardModelPairsPerIteration,
                                 int maxStatements, int wordBudget, float evidenceWeight, boolean trainSummarizer, PpoConfig ppo,
                                 int settleEpochs, int warmupIterations, TrainConfig rewardModel, long seed) {
    public static CoAdaptationConfig defaults(long seed, TrainConfig rewardModel) {
        return new CoAdaptationConfig(150, 32, 16, 0.25, 10.0, 256, 4, SummaryText.WORD_BUDGET, 3.0f, true, PpoConfig.defaults(),
                5, 20, rewardModel, seed);
    }

    public CoAdaptationConfig withIterations(int newIterations) {
        return new CoAdaptationConfig(newIterations, usersPerBatch, rewardPairsPerUser, rewardShare, rewardClip, rewardModelPairsPerIteration, maxStatements,
                wordBudget, evidenceWeight, trainSummarizer, ppo, settleEpochs, warmupIterations, rewardModel, seed);
    }

    public CoAdaptationConfig withTrainSummarizer(boolean train) {
        return new CoAdaptationConfig(iterations, usersPerBatch, rewardPairsPerUser, rewardShare, rewardClip, rewardModelPairsPerIteration, maxStatements,
                wordBudget, evidenceWeight, train, ppo, settleEpochs, warmupIterations, rewardModel, seed);
    }

    public CoAdaptationConfig withSeed(long newSeed) {
        return new CoAdaptationConfig(iterations, usersPerBatch, rewardPairsPerUser, rewardShare, rewardClip, rewardModelPairsPerIteration, maxStatements,
                wordBudget, evidenceWeight, trainSummarizer, ppo, settleEpochs, warmupIterations, rewardModel.withSeed(newSeed), newSeed);
    }
}
