package io.plus.trainrun;

/**
 * The run's model version, or its bundle folder, is taken by something else: a person must choose
 * another {@code --model-version}. Reported as invalid arguments (exit code 2), nothing changed.
 */
public final class TrainRunConflict extends RuntimeException {
    public TrainRunConflict(String message) {
        super(message, null, false, false);
    }
}
