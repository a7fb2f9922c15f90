package io.plus.eval;

import io.plus.data.Split;

/** One method's result on one evaluation split: on all pairs and on the controversial ones. */
public record SplitMetrics(Split split, PairMetrics all, PairMetrics controversial) {
}
