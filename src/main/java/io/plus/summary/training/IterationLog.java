package io.plus.summary.training;

/**
 * What one co-adaptation iteration measured: the summaries' mean reward (log-likelihood of the
 * users' pairs), the KL to the reference policy, the policy entropy, the reward model's accuracy
 * on the scored pairs, the mean summary length, the reward model's loss and the wall time.
 */
public record IterationLog(int iteration, double meanReward, double klToReference, double entropy, double accuracy,
                           double meanWords, double rewardModelLoss, double seconds) {
}
