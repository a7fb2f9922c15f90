package io.plus.serve.problem;

import io.vertx.core.VertxException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;
import java.util.Optional;

/** Tells "PostgreSQL is unreachable" (retry later: 503) and constraint violations from other failures. */
public final class DatabaseFailures {
    private DatabaseFailures() {
    }

    private static final String UNIQUE_VIOLATION = "23505";

    public static boolean isUnavailable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof ClosedChannelException
                    || t instanceof ClosedConnectionException) {
                return true;
            }
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (t instanceof VertxException || t.getClass().getName().startsWith("io.vertx")) {
                if (message.contains("connection") || message.contains("closed") || message.contains("timeout")) {
                    return true;
                }
            }
            if (t instanceof PgException pg && pg.getSqlState() != null
                    && (pg.getSqlState().startsWith("08") || pg.getSqlState().startsWith("57P"))) {
                return true; // connection exceptions and operator intervention (shutdown, crash)
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** The name of the violated unique constraint, if that is what {@code error} is. */
    public static Optional<String> uniqueViolation(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())) {
                return Optional.ofNullable(pg.getConstraint()).or(() -> Optional.of(""));
            }
            // Hibernate Reactive reports a failed flush as Hibernate's own exception
            if (t instanceof org.hibernate.exception.ConstraintViolationException violation
                    && UNIQUE_VIOLATION.equals(violation.getSQLState())) {
                return Optional.ofNullable(violation.getConstraintName()).or(() -> Optional.of(""));
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }
}
