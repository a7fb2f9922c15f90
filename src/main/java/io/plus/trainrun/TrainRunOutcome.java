package io.plus.trainrun;

/**
 * How a training run ended, with the process exit code a Job reports. Exit code 2 (invalid
 * arguments) comes from the command line before a run starts.
 */
public enum TrainRunOutcome {
    /** A new candidate is registered with its metrics and the active model's. */
    REGISTERED("registered", 0),
    /** This run's candidate was registered by an earlier attempt (a retried Job): nothing was trained again. */
    ALREADY_REGISTERED("already-registered", 0),
    /** Too few users or pairs for the configured minimums: nothing was trained or registered. */
    INSUFFICIENT_DATA("insufficient-data", 3),
    /** The database, the model store or training failed; see the message. */
    FAILED("failed", 1);

    public static final int INVALID_ARGUMENTS = 2;

    private final String wireName;
    private final int exitCode;

    TrainRunOutcome(String wireName, int exitCode) {
        this.wireName = wireName;
        this.exitCode = exitCode;
    }

    public String wireName() {
        return wireName;
    }

    public int exitCode() {
        return exitCode;
    }
}
