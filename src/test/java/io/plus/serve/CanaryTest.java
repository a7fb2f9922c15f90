package io.plus.serve;

import io.plus.data.UserBuckets;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.plus.serve.ServingTestResources.BTL_VERSION;
import static io.plus.serve.ServingTestResources.PLUS_VERSION;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A canary beside the active model: a share of users, chosen by a stable hash of tenant and user,
 * gets the candidate on score and summarize; the share follows the percent without a restart, a
 * user never flips at one percent, and ending or promoting the canary brings everyone to one version.
 */
@QuarkusTest
@QuarkusTestResource(value = ServingTestResources.class, restrictToAnnotatedClass = true)
class CanaryTest {
    /** A fixed population, so the measured share is a property of the hash, the same on every run. */
    private static final String TENANT = "canary-share";
    private static final int USERS = 1000;

    @AfterEach
    void everyoneOnTheActiveModelAgain() {
        given().when().delete("/v1/models/canary");
        given().when().post("/v1/models/{v}/activate", PLUS_VERSION).then().statusCode(200);
    }

    @Test
    void theCanaryServesItsShareOfUsersAndEachUserKeepsTheirVersion() {
        given().contentType(ContentType.JSON).body(Map.of("location", BTL_VERSION)).when().post("/v1/models")
                .then().statusCode(200);
        startCanary(BTL_VERSION, 30).then().statusCode(200).body("version", is(BTL_VERSION)).body("percent", is(30));

        Map<String, String> at30 = versions();
        double share = share(at30);
        System.out.printf("canary share at 30%%: %.1f%% of %d users%n", 100 * share, USERS);
        assertTrue(Math.abs(share - 0.30) <= 0.03, "share at 30%: " + share);
        at30.forEach((user, version) -> assertEquals(
                UserBuckets.within(UserBuckets.CANARY, TENANT, user, 0.30) ? BTL_VERSION : PLUS_VERSION, version, user));
        assertEquals(at30, versions(), "each user keeps their version across calls");
        assertTrue(Api.metric("plus_model_requests_total", "version=\"" + BTL_VERSION + "\"") >= share * USERS,
                "the canary's requests are counted under its version");

        // a larger share, without a restart: every canary user stays on it, others join
        startCanary(BTL_VERSION, 60).then().statusCode(200);
        Map<String, String> at60 = versions();
        double wider = share(at60);
        System.out.printf("canary share at 60%%: %.1f%% of %d users%n", 100 * wider, USERS);
        assertTrue(Math.abs(wider - 0.60) <= 0.03, "share at 60%: " + wider);
        at30.forEach((user, version) -> assertTrue(!version.equals(BTL_VERSION) || at60.get(user).equals(BTL_VERSION),
                user + " left the canary when it grew"));
        given().when().get("/v1/models").then().statusCode(200)
                .body("canary.version", is(BTL_VERSION)).body("canary.percent", is(60));

        // ended: everyone on the active model again
        given().when().delete("/v1/models/canary").then().statusCode(204);
        assertEquals(0.0, share(versions(200)));
        given().when().delete("/v1/models/canary").then().statusCode(404)
                .body("type", is("urn:plus:problem:no-canary"));
    }

    @Test
    void badCanaryRequestsChangeNothing() {
        given().contentType(ContentType.JSON).body(Map.of("location", BTL_VERSION)).when().post("/v1/models")
                .then().statusCode(200);
        startCanary(BTL_VERSION, 10).then().statusCode(200);
        for (Object percent : List.of(101, -1)) {
            given().contentType(ContentType.JSON).body(Map.of("percent", percent))
                    .when().put("/v1/models/{v}/canary", BTL_VERSION).then().statusCode(400)
                    .body("errors[0].pointer", is("/percent"));
        }
        given().contentType(ContentType.JSON).body(Map.of()).when().put("/v1/models/{v}/canary", BTL_VERSION)
                .then().statusCode(400).body("errors[0].pointer", is("/percent"));
        given().contentType(ContentType.JSON).body("{\"percent\":\"ten\"}").when().put("/v1/models/{v}/canary", BTL_VERSION)
                .then().statusCode(400);
        startCanary("no-such-version", 10).then().statusCode(404);
        startCanary(PLUS_VERSION, 10).then().statusCode(409).body("type", is("urn:plus:problem:canary-is-active"));
        given().when().get("/v1/models").then().statusCode(200)
                .body("canary.version", is(BTL_VERSION)).body("canary.percent", is(10));
    }

    @Test
    void activatingTheCanaryPromotesIt() {
        given().contentType(ContentType.JSON).body(Map.of("location", BTL_VERSION)).when().post("/v1/models")
                .then().statusCode(200);
        startCanary(BTL_VERSION, 50).then().statusCode(200);
        given().when().post("/v1/models/{v}/activate", BTL_VERSION).then().statusCode(200);
        given().when().get("/v1/models").then().statusCode(200).body("canary", nullValue())
                .body("servedHere", is(BTL_VERSION));
        assertEquals(1.0, share(versions(200)), "everyone on the promoted version");
    }

    private static io.restassured.response.Response startCanary(String version, int percent) {
        return given().contentType(ContentType.JSON).body(Map.of("percent", percent))
                .when().put("/v1/models/{v}/canary", version);
    }

    private static Map<String, String> versions(int users) {
        return Api.scoringVersions(TENANT, users);
    }

    private static Map<String, String> versions() {
        return versions(USERS);
    }

    private static double share(Map<String, String> versions) {
        return Api.share(versions, BTL_VERSION);
    }
}
