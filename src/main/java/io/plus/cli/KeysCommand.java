package io.plus.cli;

import io.agroal.api.AgroalDataSource;
import io.plus.ids.Ids;
import io.plus.serve.auth.ApiKeyAdmin;
import io.plus.serve.auth.Scope;
import io.plus.serve.db.SchemaMigrations;
import io.plus.serve.input.FieldRules;
import io.plus.serve.problem.Problem;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "keys", mixinStandardHelpOptions = true,
        description = {"API keys of the functions (PostgreSQL: PLUS_DB_URL, PLUS_DB_USER, PLUS_DB_PASSWORD). A key acts "
                + "for one tenant with scopes ingest, summary:read, summary:write, score, erase. Rotate by creating a "
                + "new key, moving clients to it, then revoking the old one (both work meanwhile)."},
        subcommands = {KeysCommand.Create.class, KeysCommand.ListKeys.class, KeysCommand.Revoke.class})
public class KeysCommand {

    /** Opens the database, bringing its schema up to date first. */
    abstract static class WithDatabase implements Callable<Integer> {
        @Inject
        AgroalDataSource database;
        @Inject
        SchemaMigrations migrations;

        @Override
        public Integer call() throws SQLException {
            migrations.migrateNow();
            try (Connection connection = database.getConnection()) {
                return run(new ApiKeyAdmin(connection));
            }
        }

        abstract Integer run(ApiKeyAdmin keys) throws SQLException;
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a key and print its token once (it is stored only as a hash).")
    static class Create extends WithDatabase {
        @Option(names = "--tenant", required = true, description = "the tenant the key acts for")
        String tenant;
        @Option(names = "--scopes", required = true, description = "comma-separated: ingest, summary:read, summary:write, score, erase")
        String scopes;
        @Option(names = "--name", description = "what the key is for (shown by list)")
        String name;
        @Option(names = "--expires-in", description = "lifetime, e.g. 90d, 12h (default: no expiry)")
        String expiresIn;

        @Override
        Integer run(ApiKeyAdmin keys) throws SQLException {
            var errors = new ArrayList<Problem.FieldError>();
            if (!FieldRules.id(tenant, "--tenant", Ids.MAX_LENGTH, errors)) {
                throw new IllegalArgumentException("--tenant: " + errors.get(0).detail());
            }
            Optional<Instant> expires = expiresIn == null ? Optional.empty()
                    : Optional.of(Instant.now().plus(lifetime(expiresIn)));
            ApiKeyAdmin.Created created = keys.create(tenant, Scope.parse(scopes), name, expires);
            System.err.println("created key " + created.keyId() + " for tenant " + tenant + " (" + scopes + ")"
                    + expires.map(e -> ", expires " + e).orElse("") + "; the token below is shown only now:");
            System.out.println(created.token());
            return 0;
        }

        private static Duration lifetime(String text) {
            if (!text.matches("[1-9][0-9]{0,5}[dh]")) {
                throw new IllegalArgumentException("--expires-in must be a number of days or hours, e.g. 90d or 12h, not '"
                        + text + "'");
            }
            long n = Long.parseLong(text.substring(0, text.length() - 1));
            return text.endsWith("d") ? Duration.ofDays(n) : Duration.ofHours(n);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List keys (never their secrets).")
    static class ListKeys extends WithDatabase {
        @Option(names = "--tenant", description = "only this tenant's keys")
        String tenant;

        @Override
        Integer run(ApiKeyAdmin keys) throws SQLException {
            Instant now = Instant.now();
            System.out.printf("%-12s  %-20s  %-8s  %-40s  %s%n", "KEY", "TENANT", "STATE", "SCOPES", "NAME");
            for (ApiKeyAdmin.KeyInfo key : keys.list(Optional.ofNullable(tenant))) {
                System.out.printf("%-12s  %-20s  %-8s  %-40s  %s%n", key.keyId(), key.tenant(), key.state(now),
                        key.scopes(), key.name() == null ? "" : key.name());
            }
            return 0;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revoke a key: the functions refuse it within 10 s.")
    static class Revoke extends WithDatabase {
        @Parameters(paramLabel = "KEY", description = "the key id (from list)")
        String keyId;

        @Override
        Integer run(ApiKeyAdmin keys) throws SQLException {
            if (!keys.revoke(keyId)) {
                System.err.println("error: no key " + keyId);
                return 2;
            }
            System.out.println("revoked " + keyId);
            return 0;
        }
    }
}
