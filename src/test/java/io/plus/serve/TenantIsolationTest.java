package io.plus.serve;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

import static io.plus.serve.Api.CAT_ANSWER;
import static io.plus.serve.Api.DOG_ANSWER;
import static io.plus.serve.Api.PROMPT;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tenants are walled off from each other: every endpoint tried by another tenant with this
 * tenant's user ids and event ids finds nothing of it and changes nothing of it, and PostgreSQL's
 * row-level security holds a query that forgets the tenant to the transaction's own.
 */
@QuarkusTest
@QuarkusTestResource(value = ServingTestResources.class, restrictToAnnotatedClass = true)
class TenantIsolationTest {
    private static final String SECRET = "Acme's private note: likes dogs.";

    @Test
    void anotherTenantUsingThisTenantsIdsFindsAndChangesNothingOfIt() {
        String alice = Api.newUser("alice");
        Api.ingest(Api.preferences(alice, "shared-", 4, true)).then().statusCode(200);
        given().queryParam("tenant", Api.TENANT).contentType(ContentType.JSON).body(Map.of("text", SECRET))
                .put("/v1/users/{u}/summary", alice).then().statusCode(200);
        cachedSummary(alice).then().statusCode(200).header("X-Plus-Cache", "hit").body("text", is(SECRET));

        String stranger = Api.newUser("never-seen");
        // read: the same answer as for a user nobody ever named, cached or not
        for (int i = 0; i < 2; i++) {
            Response probe = as("globex").get("/v1/users/{u}/summary", alice);
            Response nobody = as("globex").get("/v1/users/{u}/summary", stranger);
            probe.then().statusCode(200).body("tenant", is("globex")).body("feedbackSequence", is(0))
                    .body("pinned", is(false));
            assertFalse(probe.asString().contains(SECRET), probe.asString());
            assertEquals(normalized(nobody, stranger), normalized(probe, alice), "alice looks like a user nobody named");
        }
        // score: with the other tenant's (empty) user, exactly as for a stranger
        List<Double> probeScores = scores(as("globex").contentType(ContentType.JSON).body(Map.of("user", alice,
                "prompt", PROMPT, "candidates", List.of(DOG_ANSWER, CAT_ANSWER))).post("/v1/score"));
        List<Double> strangerScores = scores(as("globex").contentType(ContentType.JSON).body(Map.of("user", stranger,
                "prompt", PROMPT, "candidates", List.of(DOG_ANSWER, CAT_ANSWER))).post("/v1/score"));
        assertEquals(strangerScores, probeScores, "the probe is scored without acme's summary");
        // ingest under one of acme's event ids, with other content: a new event of globex's alice, no 409
        Map<String, Object> reused = Api.preference(alice, "shared-0", CAT_ANSWER, DOG_ANSWER);
        reused.remove("tenant");
        as("globex").contentType(ContentType.JSON).body(List.of(reused)).post("/v1/feedback").then().statusCode(200)
                .body("events[0].sequence", is(1)).body("events[0].replayed", is(false));
        // pin, unpin and erase touch globex's alice only
        as("globex").contentType(ContentType.JSON).body(Map.of("text", "Prefers rude answers."))
                .put("/v1/users/{u}/summary", alice).then().statusCode(200);
        as("globex").delete("/v1/users/{u}/summary", alice).then().statusCode(204);
        as("globex").delete("/v1/users/{u}", alice).then().statusCode(200)
                .body("erased.feedbackEvents", is(1)).body("erased.summaries", is(1));

        Api.summary(alice).then().statusCode(200).body("tenant", is(Api.TENANT)).body("text", is(SECRET))
                .body("pinned", is(true)).body("feedbackSequence", is(4));
        assertEquals(4L, count("SELECT count(*) FROM feedback_event WHERE tenant = 'acme' AND user_id = ?", alice));
    }

    @Test
    void twoUsersOfOneTenantMayUseTheSameEventId() {
        String first = Api.newUser("first");
        String second = Api.newUser("second");
        Api.ingest(Api.preference(first, "evt-1", DOG_ANSWER, CAT_ANSWER)).then().statusCode(200)
                .body("events[0].replayed", is(false));
        Api.ingest(Api.preference(second, "evt-1", CAT_ANSWER, DOG_ANSWER)).then().statusCode(200)
                .body("events[0].sequence", is(1)).body("events[0].replayed", is(false));
        // a real conflict names only the caller's own user's sequence
        Response conflict = Api.ingest(Api.preference(second, "evt-1", DOG_ANSWER, CAT_ANSWER));
        conflict.then().statusCode(409).body("type", is("urn:plus:problem:event-id-conflict"));
        assertFalse(conflict.asString().contains(first), conflict.asString());
    }

    @Test
    void rowLevelSecurityHoldsAQueryThatForgetsTheTenantToTheTransactionsOwn() throws SQLException {
        String mine = Api.newUser("rls");
        Api.ingest(Api.preferences(mine, mine + "-", 3, true)).then().statusCode(200);
        Map<String, Object> theirs = Api.preference(mine, mine + "-g", DOG_ANSWER, CAT_ANSWER);
        theirs.remove("tenant");
        as("globex").contentType(ContentType.JSON).body(List.of(theirs)).post("/v1/feedback").then().statusCode(200);
        long acme = count("SELECT count(*) FROM feedback_event WHERE tenant = 'acme'");
        long all = count("SELECT count(*) FROM feedback_event");
        assertTrue(all > acme, "another tenant's events are there to be leaked: " + all + " vs " + acme);

        try (Connection db = connect()) {
            db.setAutoCommit(false);
            // as a request transaction runs (TenantTransactions), then a query without a tenant filter
            bind(db, "acme");
            assertEquals(acme, single(db, "SELECT count(*) FROM feedback_event"), "only the transaction's tenant");
            assertEquals(0L, single(db, "SELECT count(*) FROM plus_user WHERE tenant = 'globex'"));
            try (Statement update = db.createStatement()) {
                int changed = update.executeUpdate("UPDATE user_summary SET text = text");
                assertEquals(count("SELECT count(*) FROM user_summary WHERE tenant = 'acme'"), changed);
            }
            SQLException refused = assertThrows(SQLException.class, () -> {
                try (Statement insert = db.createStatement()) {
                    insert.executeUpdate("INSERT INTO plus_user (tenant, user_id) VALUES ('globex', 'planted')");
                }
            });
            assertTrue(refused.getMessage().contains("row-level security"), refused.getMessage());
            db.rollback();

            // a transaction that never set its tenant sees nothing at all
            try (PreparedStatement role = db.prepareStatement("SELECT set_config('role', 'plus_request', true)")) {
                role.execute();
            }
            assertEquals(0L, single(db, "SELECT count(*) FROM feedback_event"));
            db.rollback();
        }
    }

    private static void bind(Connection db, String tenant) throws SQLException {
        try (PreparedStatement bind = db.prepareStatement(
                "SELECT set_config('role', 'plus_request', true), set_config('plus.tenant', ?, true)")) {
            bind.setString(1, tenant);
            bind.execute();
        }
    }

    private static RequestSpecification as(String tenant) {
        return given().header("Authorization", "Bearer " + TestCredentials.tokenFor(tenant));
    }

    private static String normalized(Response summary, String user) {
        return summary.asString().replace(user, "<user>").replaceAll("\"createdAt\":\"[^\"]*\"", "");
    }

    private static List<Double> scores(Response response) {
        response.then().statusCode(200);
        return response.jsonPath().getList("results.reward", Double.class);
    }

    private static long count(String sql, String... parameters) {
        try (Connection db = connect(); PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setString(i + 1, parameters[i]);
            }
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long single(Connection db, String sql) throws SQLException {
        try (Statement query = db.createStatement(); ResultSet rows = query.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "");
    }

    /**
     * The user's summary once it is in the cache: caching is best-effort (a put is skipped while a
     * stale mark for the user is pending, or when Redis answers slowly), so a slow machine may need
     * a read or two before the pinned summary is cached.
     */
    private static Response cachedSummary(String user) {
        Response response = Api.summary(user);
        for (int attempt = 0; attempt < 50 && !"hit".equals(response.header("X-Plus-Cache")); attempt++) {
            LockSupport.parkNanos(200_000_000L);
            response = Api.summary(user);
        }
        return response;
    }
}
