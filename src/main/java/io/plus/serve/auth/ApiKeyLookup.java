package io.plus.serve.auth;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Reads API keys for request authentication with the reactive client directly: authentication runs
 * before any resource, outside a database session.
 */
@ApplicationScoped
public class ApiKeyLookup {
    /** A stored key as verification needs it. */
    public record StoredKey(String keyId, String tenant, byte[] secretSha256, String scopes, OffsetDateTime expiresAt,
                            OffsetDateTime revokedAt) {
    }

    private final Pool pool;

    @Inject
    public ApiKeyLookup(Pool pool) {
        this.pool = pool;
    }

    public Uni<Optional<StoredKey>> find(String keyId) {
        return pool.preparedQuery("SELECT key_id, tenant, secret_sha256, scopes, expires_at, revoked_at FROM api_key "
                + "WHERE key_id = $1").execute(Tuple.of(keyId)).map(rows -> {
                    var found = rows.iterator();
                    if (!found.hasNext()) {
                        return Optional.empty();
                    }
                    Row row = found.next();
                    return Optional.of(new StoredKey(row.getString(0), row.getString(1), row.getBuffer(2).getBytes(),
                            row.getString(3), row.getOffsetDateTime(4), row.getOffsetDateTime(5)));
                });
    }

    /** Whether any key was ever made: a fresh install has none and says how to make the first. */
    public Uni<Boolean> anyExists() {
        return pool.query("SELECT EXISTS (SELECT 1 FROM api_key)").execute()
                .map(rows -> rows.iterator().next().getBoolean(0));
    }
}
