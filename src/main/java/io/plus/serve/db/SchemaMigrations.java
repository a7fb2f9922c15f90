package io.plus.serve.db;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jboss.logging.Logger;

/**
 * Brings the database schema to the version this release needs ({@code db/migration}, Flyway, over
 * JDBC). Serving instances and {@code train-run} both call it; Flyway's own lock makes replicas
 * starting together apply each migration once. A database set up before migrations were versioned
 * is baselined at version 0 and upgraded in place (see {@code V1__serving_schema.sql}).
 */
@ApplicationScoped
public class SchemaMigrations {
    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class);

    private final Flyway flyway;
    private final Vertx vertx;

    @Inject
    public SchemaMigrations(Flyway flyway, Vertx vertx) {
        this.flyway = flyway;
        this.vertx = vertx;
    }

    /** Migrates on a worker thread (JDBC blocks) and continues on the caller's Vert.x context. */
    public Uni<Void> apply() {
        return vertx.executeBlocking(Uni.createFrom().item(this::migrateNow)).replaceWithVoid();
    }

    /** Migrates on the calling thread; returns the schema version reached. */
    public String migrateNow() {
        MigrateResult result = flyway.migrate();
        if (result.migrationsExecuted > 0) {
            LOG.infof("database schema migrated from %s to %s (%d migrations)",
                    result.initialSchemaVersion == null ? "empty" : result.initialSchemaVersion,
                    result.targetSchemaVersion, result.migrationsExecuted);
        }
        return flyway.info().current() == null ? "none" : flyway.info().current().getVersion().getVersion();
    }
}
