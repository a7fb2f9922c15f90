package io.plus.operator.rollout;

/**
 * A registry call that did not succeed: {@code status} is the HTTP status of a refusal (a version
 * not registered, a bundle that fails verification), or 0 when the registry could not be reached.
 */
final class RegistryException extends Exception {
    private final int status;

    RegistryException(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }

    /** The registry answered and said no: retrying soon will not help until something changes. */
    boolean refused() {
        return status >= 400 && status < 500;
    }
}
