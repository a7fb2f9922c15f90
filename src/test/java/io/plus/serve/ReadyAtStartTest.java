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
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An instance has migrated its database and loaded its model by the time it has started, even when
 * the scheduled retry of that preparation fires first and is still under way when the start-up gets
 * to it. Here the retry is due 20 ms after the scheduler starts (it fires on the scheduler's first
 * whole-second check) and other start-up work holds the serving role's own start-up for 1.2 s, while
 * preparing takes over a second (migrations, then registering and loading the bundle).
 */
@QuarkusTest
@QuarkusTestResource(value = ServingTestResources.class, restrictToAnnotatedClass = true)
@TestProfile(ReadyAtStartTest.EarlyRetry.class)
class ReadyAtStartTest {
    public static class EarlyRetry implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("plus.serve.model-check-interval", "20ms", "plus.test.start-up-stall", "1200ms");
        }
    }

    @Inject
    ActiveModel active;

    @Test
    void theFirstRequestsAfterStartUpAreServed() {
        // asked at once, with no waiting: the instance is ready, the model loaded, the schema there
        given().when().get("/q/health/ready").then().statusCode(200);
        assertEquals(ServingTestResources.PLUS_VERSION, active.get().orElseThrow().version());
        String user = Api.newUser("first");
        Api.ingest(Api.preference(user, user + "-1", DOG_ANSWER, CAT_ANSWER)).then().statusCode(200)
                .body("events[0].sequence", is(1));
        Api.summary(user).then().statusCode(200).body("feedbackSequence", is(1));
    }
}
