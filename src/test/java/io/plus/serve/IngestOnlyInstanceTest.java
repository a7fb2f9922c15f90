package io.plus.serve;

import io.plus.serve.model.ActiveModel;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.plus.serve.Api.CAT_ANSWER;
import static io.plus.serve.Api.DOG_ANSWER;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An instance deployed for feedback-ingest alone ({@code PLUS_FUNCTIONS=feedback-ingest}) stores
 * feedback, is ready without a model, loads none, and answers the other functions with a 404
 * problem that says where they are served.
 */
@QuarkusTest
@QuarkusTestResource(value = ServingTestResources.class, restrictToAnnotatedClass = true)
@TestProfile(IngestOnlyInstanceTest.IngestOnly.class)
class IngestOnlyInstanceTest {
    public static class IngestOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("plus.serve.functions", "feedback-ingest");
        }
    }

    @Inject
    ActiveModel active;

    @Test
    void storesFeedbackAndRefusesTheOtherFunctions() {
        String user = Api.newUser("ingest-only");
        Map<String, Object> event = Api.preference(user, user + "-1", DOG_ANSWER, CAT_ANSWER);
        Api.ingest(event).then().statusCode(200).body("events[0].sequence", is(1)).body("events[0].replayed", is(false));
        // stored: the retry is answered from the database as a replay
        Api.ingest(event).then().statusCode(200).body("events[0].sequence", is(1)).body("events[0].replayed", is(true));

        Api.summary(user).then().statusCode(404).contentType("application/problem+json")
                .body("type", is("urn:plus:problem:function-not-served"))
                .body("detail", containsString("summarize is not served")).body("detail", containsString("feedback-ingest"));
        Api.scoreForUser(user, DOG_ANSWER, CAT_ANSWER).then().statusCode(404)
                .body("type", is("urn:plus:problem:function-not-served")).body("detail", containsString("score"));
        given().when().delete("/v1/users/{user}?tenant=" + Api.TENANT, user).then().statusCode(404)
                .body("type", is("urn:plus:problem:function-not-served"));
        given().when().get("/v1/models").then().statusCode(404).body("type", is("urn:plus:problem:function-not-served"));

        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'model' }.data.needed", is(false));
        assertTrue(active.get().isEmpty(), "an ingest-only instance must not load a model");
    }
}
