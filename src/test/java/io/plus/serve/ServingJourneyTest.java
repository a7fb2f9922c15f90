package io.plus.serve;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.plus.serve.Api.CAT_ANSWER;
import static io.plus.serve.Api.DOG_ANSWER;
import static io.plus.serve.Api.TENANT;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The user journey through the three functions, against the real PostgreSQL and Redis. */
@QuarkusTest
@QuarkusTestResource(value = ServingTestResources.class, restrictToAnnotatedClass = true)
class ServingJourneyTest {

    @Test
    void ingestSummarizeScoreEditUnpinErase() {
        String user = Api.newUser("dana");
        Api.ingest(Api.preferences(user, "dana-", 6, true)).then().statusCode(200)
                .body("events", hasSize(6)).body("events[5].sequence", is(6)).body("events.replayed", not(
                        org.hamcrest.Matchers.hasItem(true)));

        // built from the feedback once, then served from Redis
        Api.summary(user).then().statusCode(200).header("X-Plus-Cache", "miss")
                .body("text", containsString("dog")).body("origin", is("generated")).body("pinned", is(false))
                .body("feedbackSequence", is(6)).body("modelVersion", is(ServingTestResources.PLUS_VERSION))
                .body("statements.id", org.hamcrest.Matchers.hasItem(containsString("dog")));
        Api.summary(user).then().statusCode(200).header("X-Plus-Cache", "hit").body("text", containsString("dog"));

        Api.scoreForUser(user, CAT_ANSWER, DOG_ANSWER).then().statusCode(200)
                .body("ranking[0]", is(1)).body("results[1].rank", is(1)).body("results[1].pBeatsBest", is(0.5f))
                .body("summary.source", is("user")).body("summary.origin", is("generated"))
                .body("modelVersion", is(ServingTestResources.PLUS_VERSION));

        // the user's own words replace the summary and flip the ranking
        given().contentType(ContentType.JSON).queryParam("tenant", TENANT)
                .body(Map.of("text", "I am a cat person: I like answers about cats."))
                .when().put("/v1/users/{user}/summary", user).then().statusCode(200)
                .body("origin", is("edited")).body("pinned", is(true)).body("statements", hasSize(0));
        Api.summary(user).then().statusCode(200).body("origin", is("edited")).body("pinned", is(true));
        Api.scoreForUser(user, CAT_ANSWER, DOG_ANSWER).then().statusCode(200)
                .body("ranking[0]", is(0)).body("summary.origin", is("edited")).body("summary.pinned", is(true));

        // unpinned: the generated summary applies again
        given().queryParam("tenant", TENANT).when().delete("/v1/users/{user}/summary", user).then().statusCode(204);
        Api.scoreForUser(user, CAT_ANSWER, DOG_ANSWER).then().statusCode(200)
                .body("ranking[0]", is(1)).body("summary.origin", is("generated"));

        // erase says what it erased; afterwards the user is unknown (the model's prior, watermark 0)
        given().queryParam("tenant", TENANT).when().delete("/v1/users/{user}", user).then().statusCode(200)
                .body("erased.feedbackEvents", is(6)).body("erased.summaries", is(2))
                .body("erased.cacheEntries", is(1));
        Api.summary(user).then().statusCode(200).body("feedbackSequence", is(0)).body("createdAt", nullValue());
        // the same event ids can be sent again after an erasure: they are new again
        Api.ingest(Api.preferences(user, "dana-", 1, true)).then().statusCode(200)
                .body("events[0].sequence", is(1)).body("events[0].replayed", is(false));
    }

    @Test
    void scoreWithAnExplicitSummaryNeedsNoUser() {
        Api.scoreForSummary("Likes answers that mention dog.", CAT_ANSWER, DOG_ANSWER).then().statusCode(200)
                .body("ranking[0]", is(1)).body("summary.source", is("request"));
        Api.scoreForSummary("Likes answers that mention cat.", CAT_ANSWER, DOG_ANSWER).then().statusCode(200)
                .body("ranking[0]", is(0));
    }

    @Test
    void batchScoringRanksEveryPrompt() {
        given().contentType(ContentType.JSON).body(Map.of("summary", "Likes answers that mention cat.", "items", List.of(
                        Map.of("prompt", Api.PROMPT, "candidates", List.of(DOG_ANSWER, CAT_ANSWER)),
                        Map.of("prompt", "Which pet should I get?", "candidates",
                                List.of(CAT_ANSWER, DOG_ANSWER, "Fish are quiet and easy to keep.")))))
                .when().post("/v1/score/batch").then().statusCode(200)
                .body("items", hasSize(2)).body("items[0].ranking[0]", is(1)).body("items[1].results", hasSize(3))
                .body("modelVersion", is(ServingTestResources.PLUS_VERSION));
    }

    @Test
    void retriedEventIsStoredOnceAndAnsweredAsBefore() {
        String user = Api.newUser("erin");
        Map<String, Object> event = Api.preference(user, user + "-e1", DOG_ANSWER, CAT_ANSWER);
        Api.ingest(event).then().statusCode(200).body("events[0].sequence", is(1)).body("events[0].replayed", is(false));
        Api.ingest(event).then().statusCode(200).body("events[0].sequence", is(1)).body("events[0].replayed", is(true));
        // the same id inside one batch, and beside a new event: stored once, numbered once
        Api.ingest(List.of(event, Api.preference(user, user + "-e2", CAT_ANSWER, DOG_ANSWER), event))
                .then().statusCode(200).body("events.sequence", equalTo(List.of(1, 2, 1)))
                .body("events.replayed", equalTo(List.of(true, false, true)));
        // the watermark shows exactly two stored events
        Api.summary(user).then().statusCode(200).body("feedbackSequence", is(2));
    }

    @Test
    void sameIdWithADifferentBodyIsAConflictAndChangesNothing() {
        String user = Api.newUser("finn");
        Api.ingest(Api.preference(user, user + "-x", DOG_ANSWER, CAT_ANSWER)).then().statusCode(200);
        Api.ingest(List.of(Api.preference(user, user + "-y", DOG_ANSWER, CAT_ANSWER),
                        Api.preference(user, user + "-x", CAT_ANSWER, DOG_ANSWER)))
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", is("urn:plus:problem:event-id-conflict")).body("errors[0].pointer", is("/1/eventId"));
        // "-y" was not stored by the refused request: it is new now
        Api.ingest(Api.preference(user, user + "-y", DOG_ANSWER, CAT_ANSWER)).then().statusCode(200)
                .body("events[0].sequence", is(2)).body("events[0].replayed", is(false));
    }

    @Test
    void concurrentRetriesOfOneEventStoreItOnce() throws Exception {
        String user = Api.newUser("gus");
        Map<String, Object> event = Api.preference(user, user + "-same", DOG_ANSWER, CAT_ANSWER);
        List<Response> responses = parallel(8, () -> Api.ingest(event));
        for (Response response : responses) {
            assertEquals(200, response.statusCode(), response.asString());
            assertEquals(1, response.jsonPath().getInt("events[0].sequence"));
        }
        assertEquals(1, responses.stream().filter(r -> !r.jsonPath().getBoolean("events[0].replayed")).count());
    }

    @Test
    void oneClientsConflictDoesNotFailOtherRequestsCommittedAlongsideIt() throws Exception {
        String user = Api.newUser("lou");
        Api.ingest(Api.preference(user, user + "-taken", DOG_ANSWER, CAT_ANSWER)).then().statusCode(200);
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        List<Response> responses = parallel(8, () -> {
            int i = next.getAndIncrement();
            return i == 0
                    ? Api.ingest(Api.preference(user, user + "-taken", CAT_ANSWER, DOG_ANSWER))
                    : Api.ingest(Api.preference(user, user + "-new-" + i, DOG_ANSWER, CAT_ANSWER));
        });
        assertEquals(1, responses.stream().filter(r -> r.statusCode() == 409).count());
        List<Integer> sequences = responses.stream().filter(r -> r.statusCode() == 200)
                .map(r -> r.jsonPath().getInt("events[0].sequence")).sorted().toList();
        assertEquals(List.of(2, 3, 4, 5, 6, 7, 8), sequences, "each accepted event stored once, numbered once");
        Api.summary(user).then().statusCode(200).body("feedbackSequence", is(8));
    }

    @Test
    void batchWithOneBadEventIsRejectedWholeAndNamesTheEvent() {
        String user = Api.newUser("hana");
        List<Map<String, Object>> batch = new ArrayList<>(Api.preferences(user, user + "-", 5, true));
        Map<String, Object> bad = Api.preference(user, user + "-bad", DOG_ANSWER, CAT_ANSWER);
        bad.remove("timestamp");
        batch.set(3, bad);
        Api.ingest(batch).then().statusCode(400).contentType("application/problem+json")
                .body("type", is("urn:plus:problem:invalid-request"))
                .body("errors", hasSize(1)).body("errors[0].pointer", is("/3/timestamp"))
                .body("detail", containsString("/3/timestamp"));
        // nothing of it was stored
        Api.summary(user).then().statusCode(200).body("feedbackSequence", is(0));
        Api.ingest(batch.get(0)).then().statusCode(200).body("events[0].sequence", is(1)).body("events[0].replayed", is(false));
    }

    @Test
    void ndjsonBatchesAndContextItemsAreAccepted() {
        String user = Api.newUser("ivy");
        String ndjson = "{\"tenant\":\"acme\",\"user\":\"" + user + "\",\"eventId\":\"" + user + "-1\",\"timestamp\":\"2026-11-27T10:00:00+01:00\","
                + "\"context\":{\"kind\":\"self-description\",\"text\":\"I share my flat with two cats.\"}}\n\n"
                + "{\"tenant\":\"acme\",\"user\":\"" + user + "\",\"eventId\":\"" + user + "-2\",\"timestamp\":\"2026-11-27T10:00:00Z\","
                + "\"context\":{\"kind\":\"conversation\",\"text\":\"User: what do cats eat?\"}}\n";
        given().contentType("application/x-ndjson").body(ndjson.getBytes(java.nio.charset.StandardCharsets.UTF_8)).when().post("/v1/feedback").then().statusCode(200)
                .body("events.sequence", equalTo(List.of(1, 2)));
        Api.summary(user).then().statusCode(200).body("feedbackSequence", is(2)).body("origin", is("generated"));
        given().contentType("application/x-ndjson").body(ndjson.replace("\"conversation\"", "\"diary\"").getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/v1/feedback").then().statusCode(400).body("errors[0].pointer", is("/1/context/kind"));
        given().contentType("application/x-ndjson").body("{\"tenant\":\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)).when().post("/v1/feedback").then()
                .statusCode(400).body("type", is("urn:plus:problem:malformed-json")).body("detail", containsString("line 1"));
    }

    @Test
    void newFeedbackMakesTheSummaryStaleAndConcurrentReadsRebuildItOnce() throws Exception {
        String user = Api.newUser("jo");
        Api.ingest(Api.preferences(user, user + "-a", 4, true)).then().statusCode(200);
        Api.summary(user).then().statusCode(200).body("feedbackSequence", is(4)).body("text", containsString("dog"));
        Api.summary(user).then().header("X-Plus-Cache", "hit");

        // the user changes their mind: many cat-over-dog choices
        Api.ingest(Api.preferences(user, user + "-b", 12, false)).then().statusCode(200);
        double builtBefore = Api.metric("plus_summaries_built_total", "");
        List<Response> reads = parallel(8, () -> Api.summary(user));
        double builtAfter = Api.metric("plus_summaries_built_total", "");
        for (Response read : reads) {
            assertEquals(200, read.statusCode(), read.asString());
            assertEquals(16, read.jsonPath().getInt("feedbackSequence"));
        }
        assertEquals(1, reads.stream().map(r -> r.jsonPath().getString("createdAt")).distinct().count(),
                "every reader got the same stored summary");
        assertEquals(1.0, builtAfter - builtBefore, "the stale summary was rebuilt exactly once");
        Api.summary(user).then().header("X-Plus-Cache", "hit").body("feedbackSequence", is(16))
                .body("text", containsString("cat"));
    }

    @Test
    void cacheHitsAnswerWhatTheBuildAnsweredAndShareItsLatencySeries() {
        String user = Api.newUser("hugo");
        Api.ingest(Api.preferences(user, "hugo-", 4, false)).then().statusCode(200);
        Response built = Api.summary(user);
        built.then().statusCode(200).header("X-Plus-Cache", "miss");
        String series = "uri=\"/v1/users/{user}/summary\"";
        double before = Api.metric("http_server_requests_seconds_count", series);
        for (int i = 0; i < 3; i++) {
            Response hit = Api.summary(user);
            hit.then().statusCode(200).header("X-Plus-Cache", "hit").contentType(built.contentType());
            assertEquals(built.jsonPath().getMap(""), hit.jsonPath().getMap(""), "a hit answers the stored summary as built");
        }
        assertEquals(3.0, Api.metric("http_server_requests_seconds_count", series) - before,
                "hits are timed under the route template, like misses");
    }

    @Test
    void documentsAndMetricsAreServed() {
        given().when().get("/q/openapi").then().statusCode(200)
                .body(containsString("/v1/feedback")).body(containsString("/v1/score"))
                .body(containsString("/v1/users/{user}/summary")).body(containsString("/v1/models"));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
        Api.scoreForSummary("Likes answers that mention dog.", CAT_ANSWER, DOG_ANSWER).then().statusCode(200);
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String expected : List.of("http_server_requests_seconds_bucket", "uri=\"/v1/score\"",
                "plus_summary_cache_total", "plus_summaries_built_total", "plus_feedback_events_total",
                "plus_model_active{version=\"")) {
            org.junit.jupiter.api.Assertions.assertTrue(metrics.contains(expected), "metrics lack " + expected);
        }
    }

    @Test
    void readinessChecksPostgresqlTheModelAndTheCache() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", is("UP"))
                .body("checks.find { it.name == 'model' }.data.version", org.hamcrest.Matchers.notNullValue())
                .body("checks.find { it.name.contains('PostgreSQL') }.status", is("UP"))
                .body("checks.find { it.name == 'summary-cache' }.data.redis", is("up"));
    }

    static <T> List<T> parallel(int n, Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(call));
            }
            List<T> out = new ArrayList<>();
            for (Future<T> future : futures) {
                out.add(future.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
