package io.plus.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * Constant factors inside a graph that is differentiated. DJL's {@code NDArray.mul(Number)} wraps
 * the number in a tensor over a Java buffer and closes that tensor as soon as the product is made,
 * but autograd keeps it to compute the gradient. A garbage collection before the backward pass
 * frees the buffer, and the gradient is then read from freed memory: the same seed gave different
 * models from run to run, more often on a busy machine. A factor made here belongs to the caller's
 * scope, so it lives until the step that uses it is over.
 */
public final class GraphScalars {
    private GraphScalars() {
    }

    /** {@code array * factor}, the factor kept alive by {@code scope} (of the same type as DJL would make it). */
    public static NDArray times(NDArray array, Number factor, NDManager scope) {
        return array.mul(scope.create(factor));
    }
}
