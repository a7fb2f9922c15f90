package io.plus.serve.problem;

import io.smallrye.mutiny.CompositeException;
import io.vertx.core.VertxException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** Tells "PostgreSQL is unreachable" (retry later: 503) and constraint violations from other failures. */
public final class DatabaseFailures {
    private DatabaseFailures() {
    }

    private static final String UNIQUE_VIOLATION = "23505";

    /**
     * What the reactive client, its pool and Hibernate Reactive say when the connection is gone: a
     * lost socket ("Connection reset", "Broken pipe"), a closed connection or pool, the session
     * closing over a transaction the lost connection left open. Mutiny gathers several of these in
     * one {@link CompositeException}; each cause, suppressed exception and nested cause is looked at.
     */
    private static final List<String> LOST_CONNECTION = List.of("connection reset", "broken pipe", "connection is closed",
            "connection closed", "pool closed", "live transaction detected while closing", "connection refused");

    public static boolean isUnavailable(Throwable error) {
        return anyCause(error, DatabaseFailures::lostConnection, new IdentityHashMap<>());
    }

    private static boolean lostConnection(Throwable t) {
        if (t instanceof ConnectException || t instanceof ClosedChannelException
                || t instanceof ClosedConnectionException || t instanceof java.net.SocketException) {
            return true;
        }
        if (t instanceof PgException pg) {
            // connection exceptions and operator intervention (shutdown, crash)
            return pg.getSqlState() != null && (pg.getSqlState().startsWith("08") || pg.getSqlState().startsWith("57P"));
        }
        String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
        if (LOST_CONNECTION.stream().anyMatch(message::contains)) {
            return true;
        }
        return (t instanceof VertxException || t.getClass().getName().startsWith("io.vertx")
                || t.getClass().getName().startsWith("io.netty"))
                && (message.contains("connection") || message.contains("closed") || message.contains("timeout"));
    }

    private static boolean anyCause(Throwable t, Predicate<Throwable> test, Map<Throwable, Boolean> seen) {
        if (t == null || seen.put(t, Boolean.TRUE) != null) {
            return false;
        }
        if (test.test(t)) {
            return true;
        }
        if (t instanceof CompositeException composite) {
            for (Throwable cause : composite.getCauses()) {
                if (anyCause(cause, test, seen)) {
                    return true;
                }
            }
        }
        for (Throwable suppressed : t.getSuppressed()) {
            if (anyCause(suppressed, test, seen)) {
                return true;
            }
        }
        return anyCause(t.getCause(), test, seen);
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
