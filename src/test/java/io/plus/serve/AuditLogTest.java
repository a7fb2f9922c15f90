package io.plus.serve;

import io.plus.serve.auth.Scope;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static io.plus.serve.Api.CAT_ANSWER;
import static io.plus.serve.Api.DOG_ANSWER;
import static io.plus.serve.ServingTestResources.PLUS_VERSION;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Admin calls need the admin scope (or the installation's admin token), and they and every erasure
 * are in the audit log: who, what, when, the outcome, and ids only.
 */
@QuarkusTest
@QuarkusTestResource(value = ServingTestResources.class, restrictToAnnotatedClass = true)
class AuditLogTest {
    @Test
    void adminCallsNeedTheAdminScopeOrTheAdminToken() {
        String tenantKey = "Bearer " + TestCredentials.create(Api.TENANT, EnumSet.of(Scope.INGEST, Scope.ERASE)).token();
        String adminKey = "Bearer " + TestCredentials.create("platform", EnumSet.of(Scope.ADMIN)).token();
        for (String path : List.of("/v1/models", "/v1/audit")) {
            given().header(TestCredentials.ANONYMOUS, "1").get(path).then().statusCode(401)
                    .body("type", is("urn:plus:problem:unauthenticated"));
            given().header("Authorization", "Bearer wrong-admin-token").get(path).then().statusCode(401);
            given().header("Authorization", tenantKey).get(path).then().statusCode(403)
                    .body("type", is("urn:plus:problem:insufficient-scope"));
            given().header("Authorization", adminKey).get(path).then().statusCode(200);
        }
        given().header("Authorization", tenantKey).post("/v1/models/{v}/activate", PLUS_VERSION).then().statusCode(403);
        given().header("Authorization", tenantKey).post("/v1/models/rollback").then().statusCode(403);
        // the admin scope is no data scope
        given().header("Authorization", adminKey).get("/v1/users/u1/summary").then().statusCode(403);
    }

    @Test
    void erasuresAndRegistryChangesAreRecordedWithIdsOnly() {
        String user = Api.newUser("audited");
        String keyId = TestCredentials.create(Api.TENANT, EnumSet.allOf(Scope.class)).keyId();
        Api.ingest(Api.preferences(user, user + "-", 3, true)).then().statusCode(200);
        given().queryParam("tenant", Api.TENANT).contentType(ContentType.JSON)
                .body(Map.of("text", "Prefers answers about my dog Rex.")).put("/v1/users/{u}/summary", user)
                .then().statusCode(200);
        given().queryParam("tenant", Api.TENANT).delete("/v1/users/{u}", user).then().statusCode(200);
        given().post("/v1/models/{v}/activate", PLUS_VERSION).then().statusCode(200);
        given().post("/v1/models/{v}/activate", "no-such-version").then().statusCode(404);

        JsonPath erased = given().queryParam("action", "user.erase").get("/v1/audit").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(user, erased.getString("entries[0].target"));
        assertEquals(Api.TENANT, erased.getString("entries[0].tenant"));
        assertEquals("succeeded", erased.getString("entries[0].outcome"));
        assertEquals(3, erased.getInt("entries[0].detail.feedbackEvents"));
        assertEquals(1, erased.getInt("entries[0].detail.summaries"));
        assertEquals(TestCredentials.keyIdOf(Api.TENANT), erased.getString("entries[0].actor"), "who: the key that erased");

        JsonPath activations = given().queryParam("action", "model.activate").queryParam("limit", 2).get("/v1/audit")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("no-such-version", PLUS_VERSION), activations.getList("entries.target"));
        assertEquals(List.of("refused", "succeeded"), activations.getList("entries.outcome"));
        assertEquals(List.of(404, 200), activations.getList("entries.status"));
        assertEquals("model-version-not-found", activations.getString("entries[0].detail.problem"));
        assertEquals("admin-token", activations.getString("entries[1].actor"));

        String everything = given().queryParam("limit", 1000).get("/v1/audit").then().statusCode(200).extract().asString();
        assertFalse(everything.contains("Rex"), "no summary text in the audit log");
        assertFalse(everything.contains(DOG_ANSWER.substring(0, 20)) || everything.contains(CAT_ANSWER.substring(0, 20)),
                "no feedback text in the audit log");
        assertFalse(everything.contains("plus_" + keyId + "_"), "no key secret in the audit log");
        given().queryParam("action", "key.create").get("/v1/audit").then().statusCode(200)
                .body("entries.find { it.target == '" + keyId + "' }.actor", is("command-line"));

        given().queryParam("since", "yesterday").get("/v1/audit").then().statusCode(400)
                .body("errors[0].pointer", is("?since"));
        given().queryParam("limit", 5000).get("/v1/audit").then().statusCode(400);
    }

    /**
     * The erasure's entry is written in its transaction: when it cannot be written (here the
     * request role lost its INSERT grant), nothing is erased, and the failure itself is recorded.
     */
    @Test
    void anErasureIsNeverCommittedWithoutItsEntry() {
        String user = Api.newUser("unaudited");
        Api.ingest(Api.preferences(user, user + "-", 2, true)).then().statusCode(200);
        String count = "SELECT count(*) FROM feedback_event WHERE tenant = '" + Api.TENANT + "' AND user_id = '" + user + "'";
        ServingTestResources.query("REVOKE INSERT ON audit_log FROM plus_request");
        try {
            int status = given().queryParam("tenant", Api.TENANT).delete("/v1/users/{u}", user).statusCode();
            assertTrue(status >= 500, "the erasure failed: " + status);
            assertEquals("2", ServingTestResources.query(count).trim(), "its deletes rolled back with the entry");
        } finally {
            ServingTestResources.query("GRANT INSERT ON audit_log TO plus_request");
        }
        JsonPath failed = given().queryParam("action", "user.erase").get("/v1/audit").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(user, failed.getString("entries[0].target"));
        assertEquals("failed", failed.getString("entries[0].outcome"));

        given().queryParam("tenant", Api.TENANT).delete("/v1/users/{u}", user).then().statusCode(200);
        assertEquals("0", ServingTestResources.query(count).trim());
        assertEquals("succeeded", given().queryParam("action", "user.erase").get("/v1/audit").then().statusCode(200)
                .extract().jsonPath().getString("entries[0].outcome"));
    }
}
