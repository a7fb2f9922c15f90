package io.plus.trainrun;

/**
 * How a snapshot becomes a dataset. A share of users ({@code unseenUserShare}, chosen by a stable hash
 * of tenant and user) is never trained on, by any run: their earliest pairs are their context and the
 * rest the unseen-user test set. Of every other user, a share of pairs ({@code seenTestShare}, by a
 * stable hash of the event) is the seen-user test set; of the rest, the earliest (at most
 * {@code contextPairs}, at most half) are the user's context and the others train the reward model.
 */
public record SplitPolicy(double unseenUserShare, double seenTestShare, int contextPairs) {
    public static final double DEFAULT_UNSEEN_USER_SHARE = 0.2;
    public static final double DEFAULT_SEEN_TEST_SHARE = 0.2;

    public SplitPolicy {
        if (!(unseenUserShare > 0 && unseenUserShare < 1)) {
            throw new IllegalArgumentException("the unseen-user share must be between 0 and 1 (exclusive), not "
                    + unseenUserShare);
        }
        if (!(seenTestShare > 0 && seenTestShare < 1)) {
            throw new IllegalArgumentException("the seen-user test share must be between 0 and 1 (exclusive), not "
                    + seenTestShare);
        }
        if (contextPairs < 1) {
            throw new IllegalArgumentException("context pairs per user must be at least 1, not " + contextPairs);
        }
    }
}
