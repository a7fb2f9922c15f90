package io.plus.serve;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A tenant over its rate gets 429 with Retry-After, and nothing it sent is stored, while another tenant is served. */
@QuarkusTest
@QuarkusTestResource(value = ServingTestResources.class, restrictToAnnotatedClass = true)
@TestProfile(RateLimitTest.SmallLimits.class)
class RateLimitTest {
    /**
     * 2 calls a second and a burst of 4 per tenant, so the test can go over it quickly; tenant
     * "roomy" has a rate of its own, and "small-batches" a smaller events-per-request limit.
     */
    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("plus.serve.limits.tenant-requests-per-second", "2", "plus.serve.limits.tenant-burst", "4",
                    "plus.serve.limits.tenants.roomy.requests-per-second", "1000",
                    "plus.serve.limits.tenants.roomy.burst", "1000",
                    "plus.serve.limits.tenants.\"small-batches\".events-per-request", "2");
        }
    }

    @Test
    void aTenantOverItsLimitIsRefusedWhileAnotherIsServed() {
        String greedy = "Bearer " + TestCredentials.tokenFor("greedy");
        String calm = "Bearer " + TestCredentials.tokenFor("calm");
        List<Integer> statuses = new ArrayList<>();
        Response limited = null;
        for (int i = 0; i < 12; i++) {
            Response response = given().header("Authorization", greedy).get("/v1/users/u1/summary");
            statuses.add(response.statusCode());
            if (response.statusCode() == 429 && limited == null) {
                limited = response;
            }
        }
        System.out.println("greedy tenant, 12 calls at once: " + statuses);
        assertTrue(statuses.subList(0, 4).stream().allMatch(s -> s == 200), "the burst is served: " + statuses);
        assertTrue(limited != null, "the tenant went over its limit: " + statuses);
        limited.then().contentType("application/problem+json").body("type", is("urn:plus:problem:rate-limited"));
        assertTrue(Integer.parseInt(limited.header("Retry-After")) >= 1, limited.header("Retry-After"));

        // the other tenant, in the same second, is served as usual
        for (int i = 0; i < 4; i++) {
            given().header("Authorization", calm).get("/v1/users/u1/summary").then().statusCode(200);
        }
        // ingest over the limit: every refused event is absent, every accepted one stored
        int refused = 0;
        for (int i = 0; i < 12; i++) {
            String eventId = "over-limit-" + i;
            Map<String, Object> event = Api.preference("u1", eventId, Api.DOG_ANSWER, Api.CAT_ANSWER);
            event.remove("tenant"); // the key's tenant
            int status = given().header("Authorization", greedy).contentType(ContentType.JSON).body(List.of(event))
                    .post("/v1/feedback").statusCode();
            assertTrue(status == 200 || status == 429, eventId + ": " + status);
            refused += status == 429 ? 1 : 0;
            assertEquals(status == 200 ? "1" : "0", ServingTestResources.query(
                    "SELECT count(*) FROM feedback_event WHERE tenant = 'greedy' AND event_id = '" + eventId + "'").trim(),
                    eventId + " answered " + status);
        }
        assertTrue(refused > 0, "ingest is limited too");
    }

    @Test
    void aTenantWithItsOwnLimitsGetsThemAndOnlyIt() {
        String roomy = "Bearer " + TestCredentials.tokenFor("roomy");
        for (int i = 0; i < 12; i++) {
            given().header("Authorization", roomy).get("/v1/users/u1/summary").then().statusCode(200);
        }
        List<Map<String, Object>> threeEvents = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> event = Api.preference("u1", "batch-of-three-" + i, Api.DOG_ANSWER, Api.CAT_ANSWER);
            event.remove("tenant");
            threeEvents.add(event);
        }
        given().header("Authorization", "Bearer " + TestCredentials.tokenFor("small-batches")).contentType(ContentType.JSON)
                .body(threeEvents).post("/v1/feedback")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].detail", is("3 events; at most 2 per request"));
        assertEquals("0", ServingTestResources.query(
                "SELECT count(*) FROM feedback_event WHERE tenant = 'small-batches'").trim(), "nothing stored");
        given().header("Authorization", roomy).contentType(ContentType.JSON).body(threeEvents).post("/v1/feedback")
                .then().statusCode(200);
        assertEquals("3", ServingTestResources.query(
                "SELECT count(*) FROM feedback_event WHERE tenant = 'roomy' AND event_id LIKE 'batch-of-three-%'").trim());
    }
}
