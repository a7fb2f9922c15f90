package io.plus.trainrun;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The model registry (PostgreSQL) as train-run uses it: the active version to compare against, and
 * the new bundle registered as a candidate beside that version's metrics. Serving instances own
 * activation; a candidate serves nobody until it is promoted.
 */
public final class CandidateRegistry {
    private static final String COLUMNS = "version, location, manifest_sha256, status, metrics, baseline_version, "
            + "baseline_metrics, training_run";
    private static final String INSERT = "INSERT INTO model_version (version, location, manifest_sha256, method, "
            + "conditioning, encoder_id, metrics, status, status_reason, baseline_version, baseline_metrics, training_run) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, 'candidate', ?, ?, ?, ?) ON CONFLICT (version) DO NOTHING";

    /** What a new candidate row holds. */
    public record Candidate(String version, String location, String manifestSha256, String method, String conditioning,
                            String encoderId, String metrics, String baselineVersion, String baselineMetrics,
                            String trainingRun) {
    }

    private final Connection connection;

    public CandidateRegistry(Connection connection) {
        this.connection = connection;
    }

    public Optional<RegisteredVersion> find(String version) throws SQLException {
        return one("SELECT " + COLUMNS + " FROM model_version WHERE version = ?", version);
    }

    public Optional<RegisteredVersion> active() throws SQLException {
        return one("SELECT " + COLUMNS + " FROM model_version WHERE status = ?", "active");
    }

    /**
     * Registers {@code candidate}; a version already registered with the same manifest is answered as
     * it is (a retried job), one registered with another manifest is refused.
     */
    public RegisteredVersion register(Candidate candidate) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, candidate.version());
            insert.setString(2, candidate.location());
            insert.setString(3, candidate.manifestSha256());
            insert.setString(4, candidate.method());
            insert.setString(5, candidate.conditioning());
            insert.setString(6, candidate.encoderId());
            insert.setString(7, candidate.metrics());
            insert.setString(8, candidate.trainingRun() == null ? "trained by train-run"
                    : "trained by train-run for " + candidate.trainingRun());
            insert.setString(9, candidate.baselineVersion());
            insert.setString(10, candidate.baselineMetrics());
            insert.setString(11, candidate.trainingRun());
            insert.executeUpdate();
        }
        RegisteredVersion stored = find(candidate.version()).orElseThrow(() -> new SQLException(
                "model version " + candidate.version() + " vanished right after it was registered"));
        if (!stored.manifestSha256().equals(candidate.manifestSha256())) {
            throw new TrainRunConflict("model version " + candidate.version()
                    + " is already registered with another bundle (manifest " + stored.manifestSha256() + ")");
        }
        return stored;
    }

    private Optional<RegisteredVersion> one(String sql, String parameter) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new RegisteredVersion(row.getString(1), row.getString(2), row.getString(3),
                        row.getString(4), row.getString(5), row.getString(6), row.getString(7), row.getString(8)));
            }
        }
    }
}
