package io.plus.training;

import ai.djl.ndarray.NDArray;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;

import java.util.concurrent.locks.ReentrantLock;

/**
 * A gradient collector that waits its turn. DJL's PyTorch engine allows one collector at a time in
 * the whole process (a static flag; a second one fails), so fits running side by side take turns
 * for the forward and backward pass of a step, and do everything else at the same time: batching,
 * optimiser steps, evaluation, rollouts, summaries. The lock is fair: two fits alternate instead of
 * one starving the other.
 */
public final class ExclusiveGradientCollector implements GradientCollector {
    private static final ReentrantLock TURN = new ReentrantLock(true);

    private final GradientCollector delegate;

    private ExclusiveGradientCollector(GradientCollector delegate) {
        this.delegate = delegate;
    }

    /** Waits for the turn, then starts collecting for {@code trainer}'s step; close it to pass the turn on. */
    public static ExclusiveGradientCollector open(Trainer trainer) {
        TURN.lock();
        try {
            return new ExclusiveGradientCollector(trainer.newGradientCollector());
        } catch (RuntimeException | Error e) {
            TURN.unlock();
            throw e;
        }
    }

    @Override
    public void backward(NDArray target) {
        delegate.backward(target);
    }

    /** Refused: DJL's version zeroes the gradients of every array in the process, other fits' too. */
    @Override
    public void zeroGradients() {
        throw new UnsupportedOperationException("zeroGradients clears every fit's gradients; "
                + "the optimiser step clears this trainer's own");
    }

    @Override
    public void close() {
        try {
            delegate.close();
        } finally {
            TURN.unlock();
        }
    }
}
