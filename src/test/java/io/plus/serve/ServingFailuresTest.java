package io.plus.serve;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.plus.serve.Api.CAT_ANSWER;
import static io.plus.serve.Api.DOG_ANSWER;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

/** Redis and PostgreSQL going away while the functions run. */
@QuarkusTest
@QuarkusTestResource(value = ServingTestResources.class, restrictToAnnotatedClass = true)
class ServingFailuresTest {

    @AfterEach
    void bringEverythingBack() {
        ServingTestResources.postgres().restore();
        ServingTestResources.redis().start();
    }

    @Test
    void withoutRedisSummarizeAndScoreStillAnswerCorrectly() throws Exception {
        String cached = Api.newUser("red");
        Api.ingest(Api.preferences(cached, cached + "-", 6, true)).then().statusCode(200);
        Api.summary(cached).then().statusCode(200).header("X-Plus-Cache", "miss");
        Api.summary(cached).then().statusCode(200).header("X-Plus-Cache", "hit");

        ServingTestResources.redis().stop();
        // a user cached before the outage, and one whose feedback arrives during it
        Api.summary(cached).then().statusCode(200).header("X-Plus-Cache", "miss")
                .body("text", containsString("dog")).body("feedbackSequence", is(6));
        String fresh = Api.newUser("nored");
        Api.ingest(Api.preferences(fresh, fresh + "-", 6, false)).then().statusCode(200);
        Api.summary(fresh).then().statusCode(200).body("text", containsString("cat"));
        Api.scoreForUser(cached, CAT_ANSWER, DOG_ANSWER).then().statusCode(200).body("ranking[0]", is(1));
        Api.scoreForUser(fresh, CAT_ANSWER, DOG_ANSWER).then().statusCode(200).body("ranking[0]", is(0));
        // still ready: the cache is degraded, not required
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'summary-cache' }.data.redis", is("degraded"));

        // feedback during the outage was not lost, and the stale entry from before it is not served after it
        Api.ingest(Api.preferences(cached, cached + "-late", 12, false)).then().statusCode(200);
        ServingTestResources.redis().start();
        Thread.sleep(Duration.ofMillis(700).toMillis()); // past redis-retry-after
        Api.summary(cached).then().statusCode(200).body("feedbackSequence", is(18)).body("text", containsString("cat"));
        // the invalidation Redis missed is retried; until then this instance does not trust the cache for this user
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!"hit".equals(Api.summary(cached).header("X-Plus-Cache")) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        Api.summary(cached).then().statusCode(200).header("X-Plus-Cache", "hit").body("feedbackSequence", is(18));
    }

    @Test
    void withoutPostgresqlWritesAnswer503AndNothingIsHalfWritten() {
        String user = Api.newUser("pg");
        Api.ingest(Api.preferences(user, user + "-", 2, true)).then().statusCode(200);

        ServingTestResources.postgres().cut();
        Api.ingest(Api.preferences(user, user + "-outage-", 50, true)).then().statusCode(503)
                .contentType("application/problem+json").header("Retry-After", notNullValue())
                .body("type", is("urn:plus:problem:database-unavailable"));
        given().queryParam("tenant", Api.TENANT).when().get("/v1/users/{user}/summary", Api.newUser("unknown"))
                .then().statusCode(503).body("type", is("urn:plus:problem:database-unavailable"));
        ServingTestResources.postgres().restore();

        // none of the 50 events of the refused batch exists: sending them again stores all of them, numbered 3..52
        Api.ingest(Api.preferences(user, user + "-outage-", 50, true)).then().statusCode(200)
                .body("events[0].sequence", is(3)).body("events[49].sequence", is(52))
                .body("events.replayed", org.hamcrest.Matchers.everyItem(is(false)));
        Api.summary(user).then().statusCode(200).body("feedbackSequence", is(52));
        given().when().get("/q/health/ready").then().statusCode(200);
    }
}
