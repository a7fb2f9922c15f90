package io.plus.training;

import ai.djl.engine.Engine;

import java.util.function.Supplier;

/**
 * Seeds libtorch and initialises a network's weights as one step. DJL's initialisers draw from the
 * process's one global generator, so two fits running side by side (the bench runs several at once)
 * would otherwise draw from each other's seeds: each takes its turn here and gets the weights its own
 * seed gives, exactly as if it ran alone. Only initialisation draws from that generator; training
 * shuffles and samples with its own {@link java.util.Random}.
 */
public final class SeededInitialization {
    private static final Object GLOBAL_GENERATOR = new Object();

    private SeededInitialization() {
    }

    /** Seeds the generator, then runs {@code initialize} (which builds and initialises trainers) before anyone else draws. */
    public static <T> T run(long seed, Supplier<T> initialize) {
        synchronized (GLOBAL_GENERATOR) {
            Engine.getEngine("PyTorch").setRandomSeed((int) seed);
            return initialize.get();
        }
    }
}
