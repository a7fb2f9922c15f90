package io.plus.bench;

import io.plus.eval.SplitMetrics;
import io.plus.training.Calibration;

/**
 * One method's metrics on one split of one dataset for one seed, with its training time and the
 * temperature its rewards were scaled by after training.
 */
public record RunRecord(String dataset, String method, long seed, SplitMetrics metrics, double trainSeconds,
                        Calibration calibration) {
}
