package io.plus.bench;

import io.plus.eval.SummaryEvaluation;

/** The summaries one summary-based method wrote for a dataset's test users, for one seed. */
public record SummaryRecord(String dataset, String method, long seed, SummaryEvaluation.Report report) {
}
