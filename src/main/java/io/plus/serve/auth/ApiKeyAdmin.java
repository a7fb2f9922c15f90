package io.plus.serve.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Makes, lists and revokes API keys (JDBC: the {@code plus keys} command, and tests). The token is
 * returned once, at creation; the database keeps only its secret's hash. Every change is in the
 * audit log.
 */
public final class ApiKeyAdmin {
    /** A key as listed: never its secret. */
    public record KeyInfo(String keyId, String tenant, String scopes, String name, Instant createdAt, Instant expiresAt,
                          Instant revokedAt) {
        public String state(Instant now) {
            if (revokedAt != null) {
                return "revoked";
            }
            return expiresAt != null && !expiresAt.isAfter(now) ? "expired" : "active";
        }
    }

    /** A new key: its id and the token to hand to the client (shown this once). */
    public record Created(String keyId, String token) {
    }

    private final Connection connection;

    public ApiKeyAdmin(Connection connection) {
        this.connection = connection;
    }

    public Created create(String tenant, Set<Scope> scopes, String name, Optional<Instant> expiresAt) throws SQLException {
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("give at least one scope");
        }
        KeyTokens.NewToken token = KeyTokens.generate();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO api_key (key_id, tenant, secret_sha256, "
                + "scopes, name, expires_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, token.keyId());
            insert.setString(2, tenant);
            insert.setBytes(3, token.secretSha256());
            insert.setString(4, Scope.format(scopes));
            insert.setString(5, name);
            insert.setTimestamp(6, expiresAt.map(Timestamp::from).orElse(null));
            insert.executeUpdate();
        }
        audit("key.create", tenant, token.keyId(), "succeeded", "{\"scopes\":\"" + Scope.format(scopes) + "\"}");
        return new Created(token.keyId(), token.token());
    }

    public List<KeyInfo> list(Optional<String> tenant) throws SQLException {
        String sql = "SELECT key_id, tenant, scopes, name, created_at, expires_at, revoked_at FROM api_key"
                + (tenant.isPresent() ? " WHERE tenant = ?" : "") + " ORDER BY tenant, created_at";
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            if (tenant.isPresent()) {
                query.setString(1, tenant.get());
            }
            List<KeyInfo> keys = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    keys.add(new KeyInfo(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                            instant(row.getTimestamp(5)), instant(row.getTimestamp(6)), instant(row.getTimestamp(7))));
                }
            }
            return keys;
        }
    }

    /** Revokes {@code keyId}; false if there is no such key (revoking twice keeps the first time). */
    public boolean revoke(String keyId) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE api_key SET revoked_at = coalesce(revoked_at, now()) WHERE key_id = ?")) {
            update.setString(1, keyId);
            boolean found = update.executeUpdate() == 1;
            audit("key.revoke", null, keyId, found ? "succeeded" : "refused", found ? "{}" : "{\"problem\":\"no-such-key\"}");
            return found;
        }
    }

    /** The audit log's entry for a key change made from the command line (ids only, never a secret). */
    private void audit(String action, String tenant, String keyId, String outcome, String detail) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_log (actor, action, tenant, "
                + "target, outcome, status, detail) VALUES ('command-line', ?, ?, ?, ?, 0, ?)")) {
            insert.setString(1, action);
            insert.setString(2, tenant);
            insert.setString(3, keyId);
            insert.setString(4, outcome);
            insert.setString(5, detail);
            insert.executeUpdate();
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
