package io.plus.bench;

import io.plus.eval.SplitMetrics;

/** One method's metrics on one split of one dataset for one seed, with its training time. */
public record RunRecord(String dataset, String method, long seed, SplitMetrics metrics, double trainSeconds) {
}
