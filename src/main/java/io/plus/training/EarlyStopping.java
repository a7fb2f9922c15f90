package io.plus.training;

/**
 * Early-stopping bookkeeping over per-epoch validation losses: which epoch is the best so far,
 * and whether training should end because {@link #PATIENCE} epochs in a row have not lowered the
 * loss by {@link #MIN_IMPROVEMENT}. On our datasets the best epoch of a small head over frozen
 * embeddings is usually among the first few; the epochs after it only cost time.
 */
public final class EarlyStopping {
    /** Stop after this many epochs without a real improvement of the validation loss... */
    public static final int PATIENCE = 5;
    /** ...where real means lower by at least this much (mean Bradley–Terry loss, in nats). */
    public static final double MIN_IMPROVEMENT = 1e-3;

    private double bestLoss = Double.POSITIVE_INFINITY;
    private double lastRealImprovement = Double.POSITIVE_INFINITY;
    private int staleEpochs;

    /** Records an epoch's validation loss; true when it is the lowest so far (keep these weights). */
    public boolean isBest(double validationLoss) {
        if (validationLoss <= lastRealImprovement - MIN_IMPROVEMENT) {
            lastRealImprovement = validationLoss;
            staleEpochs = 0;
        } else {
            staleEpochs++;
        }
        if (validationLoss < bestLoss) {
            bestLoss = validationLoss;
            return true;
        }
        return false;
    }

    public boolean shouldStop() {
        return staleEpochs >= PATIENCE;
    }
}
