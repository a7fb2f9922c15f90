package io.plus.trainrun;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Reads a consistent snapshot of the stored feedback of some tenants. The watermarks and the events
 * are read in one repeatable-read transaction, so both see the same committed state: ingest stores a
 * request's events and advances the user's watermark in one transaction, so a request that commits
 * while the export runs is wholly out of it, and one that committed before is wholly in. Events are
 * streamed through a cursor, never held twice.
 */
public final class SnapshotExporter {
    private static final String WATERMARKS = "SELECT tenant, user_id, last_sequence FROM plus_user "
            + "WHERE tenant = ANY (?) AND last_sequence > 0 ORDER BY tenant, user_id";
    private static final String EVENTS = "SELECT e.tenant, e.user_id, e.event_id, e.sequence, e.kind, e.prompt, "
            + "e.chosen, e.rejected, e.context_text FROM feedback_event e JOIN plus_user u "
            + "ON u.tenant = e.tenant AND u.user_id = e.user_id "
            + "WHERE e.tenant = ANY (?) AND e.sequence <= u.last_sequence ORDER BY e.tenant, e.user_id, e.sequence";
    private static final int FETCH_SIZE = 2_000;
    private static final int REPORT_EVERY = 10_000;

    private SnapshotExporter() {
    }

    /** The snapshot; {@code progress} hears the number of events read so far, every 10,000. */
    public static FeedbackSnapshot export(Connection connection, List<String> tenants, LongConsumer progress)
            throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        int isolation = connection.getTransactionIsolation();
        boolean readOnly = connection.isReadOnly();
        connection.setAutoCommit(false); // PostgreSQL streams through a cursor only inside a transaction
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setReadOnly(true);
        try {
            Array tenantArray = connection.createArrayOf("text", tenants.toArray());
            Instant takenAt = Instant.now();
            List<Watermark> watermarks = watermarks(connection, tenantArray);
            List<StoredEvent> events = events(connection, tenantArray, progress);
            connection.commit();
            return new FeedbackSnapshot(tenants, takenAt, watermarks, events);
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setReadOnly(readOnly);
            connection.setTransactionIsolation(isolation);
            connection.setAutoCommit(autoCommit);
        }
    }

    private static List<Watermark> watermarks(Connection connection, Array tenants) throws SQLException {
        List<Watermark> watermarks = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(WATERMARKS)) {
            statement.setArray(1, tenants);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    watermarks.add(new Watermark(rows.getString(1), rows.getString(2), rows.getLong(3)));
                }
            }
        }
        return watermarks;
    }

    private static List<StoredEvent> events(Connection connection, Array tenants, LongConsumer progress)
            throws SQLException {
        List<StoredEvent> events = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(EVENTS)) {
            statement.setArray(1, tenants);
            statement.setFetchSize(FETCH_SIZE);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    events.add(new StoredEvent(rows.getString(1), rows.getString(2), rows.getString(3), rows.getLong(4),
                            rows.getString(5), rows.getString(6), rows.getString(7), rows.getString(8),
                            rows.getString(9)));
                    if (events.size() % REPORT_EVERY == 0) {
                        progress.accept(events.size());
                    }
                }
            }
        }
        return events;
    }
}
