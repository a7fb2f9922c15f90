package io.plus.serve;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A database as releases before versioned migrations left it, with data in it, is upgraded in place
 * by the application's own migrations: the data is intact, the new columns are there, and the
 * upgraded schema is the one a new database gets.
 */
@QuarkusTest
@QuarkusTestResource(value = ServingTestResources.class, restrictToAnnotatedClass = true)
class SchemaMigrationTest {
    private static final String OLD = "plus_migrate_old";
    private static final String FRESH = "plus_migrate_fresh";
    private static final String ROWS = "SELECT 'user', tenant, user_id, last_sequence, pinned_summary_id FROM plus_user "
            + "UNION ALL SELECT 'event', tenant, user_id || '/' || event_id || '/' || kind || '/' || coalesce(prompt, '') "
            + "|| '/' || coalesce(context_text, ''), sequence, id FROM feedback_event "
            + "UNION ALL SELECT 'summary', tenant, user_id || '/' || text || '/' || origin, feedback_sequence, id FROM user_summary "
            + "UNION ALL SELECT 'model', version, status || '/' || metrics || '/' || location, 0, 0 FROM model_version "
            + "ORDER BY 1, 2, 3";

    @Inject
    Flyway flyway;

    @Test
    void aDatabaseFromBeforeMigrationsIsUpgradedInPlaceWithItsDataIntact() {
        recreate(OLD);
        psql(OLD, "-f", Path.of("src/test/resources/db/schema-before-migrations.sql").toAbsolutePath().toString());
        psql(OLD, "-c", """
                INSERT INTO plus_user (tenant, user_id, last_sequence) VALUES ('acme', 'alice', 2), ('acme', 'bob', 1);
                INSERT INTO feedback_event (id, tenant, user_id, event_id, sequence, kind, prompt, chosen, rejected,
                    context_text, occurred_at, body_sha256) VALUES
                  (1, 'acme', 'alice', 'e1', 1, 'preference', 'Pets?', 'Dogs.', 'Cats.', NULL, now(), 'x1'),
                  (2, 'acme', 'alice', 'e2', 2, 'self-description', NULL, NULL, NULL, 'I walk my dog.', now(), 'x2'),
                  (3, 'acme', 'bob', 'e3', 1, 'preference', 'Pets?', 'Cats.', 'Dogs.', NULL, now(), 'x3');
                INSERT INTO user_summary (id, tenant, user_id, text, statements, model_version, feedback_sequence, origin)
                  VALUES (1, 'acme', 'alice', 'Likes dogs.', '[]', 'plus-1', 2, 'edited');
                UPDATE plus_user SET pinned_summary_id = 1 WHERE user_id = 'alice';
                INSERT INTO model_version (version, location, manifest_sha256, method, conditioning, encoder_id,
                  metrics, status) VALUES ('plus-1', '/models/plus-1', 'abc', 'PLUS', 'SUMMARY', 'minilm', '{"a":1}', 'active');
                """);
        String before = psql(OLD, "-At", "-c", ROWS);

        Flyway old = against(OLD);
        MigrateResult upgrade = old.migrate();

        List<String> releaseMigrations = Arrays.stream(flyway.info().all()).map(m -> m.getVersion().getVersion())
                .filter(v -> !v.equals("0")).toList();
        assertTrue(releaseMigrations.containsAll(List.of("1", "2")), releaseMigrations.toString());
        assertEquals(releaseMigrations, upgrade.migrations.stream().map(m -> m.version).toList(),
                "every migration of this release runs on the old database");
        assertEquals("0", historyOf(old).get(0).getVersion().getVersion(), "baselined at 0 first");
        assertEquals(before, psql(OLD, "-At", "-c", ROWS), "every row as it was");
        assertEquals("||", psql(OLD, "-At", "-c",
                "SELECT baseline_version, baseline_metrics, training_run FROM model_version").strip(),
                "the new columns exist, empty for the old row");
        assertEquals(0, old.migrate().migrationsExecuted, "a second run changes nothing");

        recreate(FRESH);
        Flyway fresh = against(FRESH);
        assertEquals(releaseMigrations.size(), fresh.migrate().migrationsExecuted);
        assertEquals(schemaOf(FRESH), schemaOf(OLD), "the upgraded schema is the one a new database gets");
    }

    private Flyway against(String database) {
        return Flyway.configure().configuration(flyway.getConfiguration())
                .dataSource("jdbc:postgresql://127.0.0.1:5432/" + database, "postgres", "").load();
    }

    private static List<MigrationInfo> historyOf(Flyway flyway) {
        return Arrays.asList(flyway.info().applied());
    }

    /** Tables, columns and indexes, without Flyway's own history table. */
    private static String schemaOf(String database) {
        return psql(database, "-At", "-c", "SELECT table_name || '.' || column_name || ' ' || data_type || ' ' "
                + "|| is_nullable || ' ' || coalesce(column_default, '') FROM information_schema.columns "
                + "WHERE table_schema = 'public' AND table_name <> 'flyway_schema_history' ORDER BY 1")
                + psql(database, "-At", "-c", "SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' "
                + "AND tablename <> 'flyway_schema_history' ORDER BY 1");
    }

    private static void recreate(String database) {
        psql("postgres", "-c", "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        psql("postgres", "-c", "CREATE DATABASE " + database);
    }

    private static String psql(String database, String... args) {
        List<String> command = new ArrayList<>(List.of("psql", "-h", "127.0.0.1", "-U", "postgres",
                "-d", database, "-q", "-v", "ON_ERROR_STOP=1"));
        command.addAll(List.of(args));
        return ServingTestResources.run(command.toArray(String[]::new));
    }
}
