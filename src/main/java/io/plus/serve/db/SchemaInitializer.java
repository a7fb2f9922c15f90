package io.plus.serve.db;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Creates the serving schema ({@code db/plus-schema.sql}) if it is missing. Idempotent, and run
 * under a transaction-scoped advisory lock so replicas starting together apply it once.
 */
@ApplicationScoped
public class SchemaInitializer {
    static final String RESOURCE = "/db/plus-schema.sql";
    /** Any fixed number: the advisory lock that serialises schema set-up across replicas. */
    private static final long LOCK_KEY = 0x504c5553L; // "PLUS"

    /** "relation already exists, skipping" notices are the normal case here, not news. */
    private static final String QUIET = "SET LOCAL client_min_messages = warning";

    @Inject
    Pool pool;

    public Uni<Void> apply() {
        List<String> statements = statements();
        return pool.withTransaction(connection -> connection.query("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")")
                .execute().chain(() -> connection.query(QUIET).execute()).chain(() -> runAll(connection, statements, 0)));
    }

    private static Uni<Void> runAll(SqlConnection connection, List<String> statements, int index) {
        if (index == statements.size()) {
            return Uni.createFrom().voidItem();
        }
        return connection.query(statements.get(index)).execute()
                .chain(() -> runAll(connection, statements, index + 1));
    }

    static List<String> statements() {
        try (InputStream in = SchemaInitializer.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Arrays.stream(sql.split("(?m)^;;\\s*$"))
                    .map(SchemaInitializer::withoutComments).map(String::strip).filter(s -> !s.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String withoutComments(String statement) {
        return statement.lines().filter(line -> !line.strip().startsWith("--"))
                .reduce("", (a, b) -> a + b + "\n");
    }
}
