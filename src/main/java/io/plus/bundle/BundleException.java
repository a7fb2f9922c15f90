package io.plus.bundle;

/** A model bundle that cannot be written or must not be used (corrupt, mismatched, incomplete). */
public class BundleException extends RuntimeException {
    public BundleException(String message) {
        super(message);
    }

    public BundleException(String message, Throwable cause) {
        super(message, cause);
    }
}
