package io.plus.serve;

import java.util.Optional;

/**
 * The three functions one serving process can answer. A deployment may run each in its own pods
 * ({@code PLUS_FUNCTIONS=score}) to scale them apart; by default one process answers all three.
 */
public enum ServedFunction {
    FEEDBACK_INGEST("feedback-ingest"),
    /** Summaries, and the user-data calls beside them (pinned edits, erasure). */
    SUMMARIZE("summarize"),
    SCORE("score");

    private final String label;

    ServedFunction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Summaries and scores need the active model; ingest does not. */
    public boolean needsModel() {
        return this != FEEDBACK_INGEST;
    }

    /**
     * The function an API path belongs to; empty for paths every instance answers (health,
     * metrics, OpenAPI, the audit log) and for the model registry, which {@link FunctionGate} handles apart.
     */
    public static Optional<ServedFunction> ofPath(String path) {
        if (startsWithSegment(path, "/v1/feedback")) {
            return Optional.of(FEEDBACK_INGEST);
        }
        if (startsWithSegment(path, "/v1/users") || startsWithSegment(path, "/v1/me")) {
            return Optional.of(SUMMARIZE);
        }
        if (startsWithSegment(path, "/v1/score")) {
            return Optional.of(SCORE);
        }
        return Optional.empty();
    }

    public static boolean startsWithSegment(String path, String prefix) {
        return path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
    }
}
