package io.plus.serve.auth;

import io.quarkus.runtime.LaunchMode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.EnumSet;

/**
 * In dev mode ({@code ./mvnw quarkus:dev}) only: an installation without keys gets one for the
 * tenant {@code default} with every data scope, printed in the log, so local work is one command
 * away. Never in a packaged application.
 */
@ApplicationScoped
public class DevelopmentKey {
    private static final Logger LOG = Logger.getLogger(DevelopmentKey.class);
    private final Pool pool;

    @Inject
    public DevelopmentKey(Pool pool) {
        this.pool = pool;
    }

    public Uni<Void> issueIfNone() {
        if (LaunchMode.current() != LaunchMode.DEVELOPMENT) {
            return Uni.createFrom().voidItem();
        }
        KeyTokens.NewToken token = KeyTokens.generate();
        return pool.preparedQuery("INSERT INTO api_key (key_id, tenant, secret_sha256, scopes, name) "
                        + "SELECT $1, 'default', $2, $3, 'dev mode' WHERE NOT EXISTS (SELECT 1 FROM api_key)")
                .execute(Tuple.of(token.keyId(), io.vertx.mutiny.core.buffer.Buffer.buffer(token.secretSha256()),
                        Scope.format(EnumSet.allOf(Scope.class))))
                .invoke(rows -> {
                    if (rows.rowCount() == 1) {
                        LOG.infof("dev mode: API key for tenant default (every data scope): %s", token.token());
                    }
                }).replaceWithVoid();
    }
}
