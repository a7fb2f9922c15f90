package io.plus.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.plus.data.Dataset;
import io.plus.data.PreferencePair;
import io.plus.data.generate.PetsGenerator;
import io.plus.encoder.EncoderSpec;
import io.plus.encoder.Encoders;
import io.plus.trainrun.SplitPolicy;
import io.plus.trainrun.TrainRunJob;
import io.plus.trainrun.TrainRunOutcome;
import io.plus.trainrun.TrainRunRequest;
import io.plus.trainrun.TrainRunResult;
import io.plus.training.TrainConfig;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code train-run} against the real PostgreSQL: feedback ingested through the API is snapshotted,
 * split, trained on, compared with the active model on the same held-out users, written and
 * registered as a candidate; a retried run trains nothing again; too little data trains nothing.
 */
@QuarkusTest
@QuarkusTestResource(value = ServingTestResources.class, restrictToAnnotatedClass = true)
class TrainRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource database;

    @Test
    void feedbackIngestedThroughTheApiBecomesACandidateComparedWithTheActiveModel() throws Exception {
        String tenant = "tr-" + UUID.randomUUID().toString().substring(0, 8);
        // 300 users: 120 + 30 of each of the two pets user types, about 12 pairs each
        Dataset pets = PetsGenerator.generate(new PetsGenerator.Config(11, 1000, 100, 120, 30, 4, false));
        ingestAsFeedback(tenant, pets.pairs());
        String version = "trainrun-" + tenant;

        TrainRunResult result = job().run(request(tenant, version, "run-" + tenant), EncoderSpec.MINILM.id());

        assertEquals(TrainRunOutcome.REGISTERED, result.outcome(), result.message());
        assertEquals(ServingTestResources.PLUS_VERSION, result.baselineVersion(), "compared with the active model");
        Map<?, ?> unseen = (Map<?, ?>) result.metrics().get("test-unseen-users");
        Map<?, ?> baselineUnseen = (Map<?, ?>) result.baselineMetrics().get("test-unseen-users");
        assertEquals(unseen.get("pairs"), baselineUnseen.get("pairs"), "both measured on the same held-out pairs");
        assertTrue(((Number) unseen.get("accuracy")).doubleValue() > 0.6, "the new model learned: " + unseen);
        assertEquals(300, ((Number) result.snapshot().get("users")).intValue());

        // registered as a candidate with both sets of metrics; the manifest records the split and the watermarks
        given().when().get("/v1/models").then().statusCode(200)
                .body("models.find { it.version == '" + version + "' }.status", is("candidate"))
                .body("models.find { it.version == '" + version + "' }.trainingRun", is("run-" + tenant))
                .body("models.find { it.version == '" + version + "' }.baseline.version", is(ServingTestResources.PLUS_VERSION))
                .body("models.find { it.version == '" + version + "' }.baseline.metrics.test-unseen-users.accuracy", notNullValue());
        Path bundle = Path.of(result.location());
        JsonNode trainingData = JSON.readTree(bundle.resolve("manifest.json").toFile()).get("trainingData");
        assertEquals("feedback-snapshot", trainingData.get("source").asText());
        assertEquals(ServingTestResources.PLUS_VERSION, trainingData.at("/baseline/version").asText());
        JsonNode snapshot = JSON.readTree(bundle.resolve(TrainRunJob.SNAPSHOT_FILE).toFile());
        assertEquals(300, snapshot.get("watermarks").size(), "every user's watermark");
        assertEquals(trainingData.get("unseenUsers").asInt(), snapshot.get("unseenUsers").size());
        assertTrue(snapshot.get("unseenUsers").size() > 30, "about a fifth of 300 users held out");

        // a retried Job finds its candidate and trains nothing
        TrainRunResult retried = job().run(request(tenant, version, "run-" + tenant), EncoderSpec.MINILM.id());
        assertEquals(TrainRunOutcome.ALREADY_REGISTERED, retried.outcome(), retried.message());
        assertEquals(result.metrics(), retried.metrics());

        // a canary step: 20% of users get the candidate, the same users call after call
        try {
            given().contentType(ContentType.JSON).body(Map.of("percent", 20))
                    .when().put("/v1/models/{v}/canary", version).then().statusCode(200);
            Map<String, String> versions = Api.scoringVersions("e2e-canary", 1000);
            double share = Api.share(versions, version);
            System.out.printf("train-run candidate as a 20%% canary: %.1f%% of 1000 users%n", 100 * share);
            assertTrue(Math.abs(share - 0.20) <= 0.03, "canary share " + share);
            assertTrue(versions.values().stream().allMatch(v -> v.equals(version)
                    || v.equals(ServingTestResources.PLUS_VERSION)), "only the two versions answer");
            Map<String, String> again = Api.scoringVersions("e2e-canary", 200);
            again.forEach((user, v) -> assertEquals(versions.get(user), v, user + " kept their version"));

            // promoted: everyone gets it; rolled back: everyone gets the old version again
            given().when().post("/v1/models/{v}/activate", version).then().statusCode(200);
            assertEquals(1.0, Api.share(Api.scoringVersions("e2e-canary", 100), version));
            given().when().post("/v1/models/rollback").then().statusCode(200)
                    .body("version", is(ServingTestResources.PLUS_VERSION));
            assertEquals(1.0, Api.share(Api.scoringVersions("e2e-canary", 100), ServingTestResources.PLUS_VERSION));
        } finally {
            given().when().delete("/v1/models/canary");
            given().when().post("/v1/models/{v}/activate", ServingTestResources.PLUS_VERSION).then().statusCode(200);
        }
    }

    @Test
    void tooLittleDataIsItsOwnOutcomeAndChangesNothing() throws Exception {
        String tenant = "small-" + UUID.randomUUID().toString().substring(0, 8);
        for (int u = 0; u < 3; u++) {
            Api.ingest(withTenant(tenant, Api.preferences("u" + u, "e" + u + "-", 5, u % 2 == 0))).then().statusCode(200);
        }
        String version = "small-" + tenant;
        TrainRunResult result = job().run(request(tenant, version, null), EncoderSpec.MINILM.id());

        assertEquals(TrainRunOutcome.INSUFFICIENT_DATA, result.outcome());
        assertEquals(3, result.outcome().exitCode());
        assertTrue(result.message().contains("3 users have labelled pairs; at least 20 are needed"), result.message());
        assertFalse(Files.exists(ServingTestResources.MODEL_STORE.resolve(version)), "no bundle written");
        assertEquals("0", ServingTestResources.query("SELECT count(*) FROM model_version WHERE version = '"
                + version + "'").strip(), "nothing registered");
    }

    private TrainRunJob job() {
        return new TrainRunJob(database, id -> Encoders.open(EncoderSpec.fromId(id), Optional.empty()), line -> { });
    }

    private static TrainRunRequest request(String tenant, String version, String trainingRun) {
        return new TrainRunRequest(List.of(tenant), "PLUS", 15, TrainConfig.defaults(5).withEpochs(8),
                new SplitPolicy(0.2, 0.2, 32), 20, 200, ServingTestResources.MODEL_STORE, version, trainingRun);
    }

    /** Each pair as a preference event of its user, in the generator's order, 1,000 events per request. */
    @SuppressWarnings("unchecked")
    static void ingestAsFeedback(String tenant, List<PreferencePair> pairs) {
        List<Map<String, Object>> events = new ArrayList<>();
        int n = 0;
        for (PreferencePair pair : pairs) {
            Map<String, Object> event = Api.preference(pair.user(), "p" + (n++), pair.chosen(), pair.rejected());
            event.put("tenant", tenant);
            ((Map<String, Object>) event.get("preference")).put("prompt", pair.prompt());
            events.add(event);
            if (events.size() == 1000) {
                Api.ingest(events).then().statusCode(200).body("events.size()", greaterThan(0));
                events = new ArrayList<>();
            }
        }
        if (!events.isEmpty()) {
            Api.ingest(events).then().statusCode(200);
        }
    }

    static List<Map<String, Object>> withTenant(String tenant, List<Map<String, Object>> events) {
        return events.stream().map(e -> {
            Map<String, Object> copy = new LinkedHashMap<>(e);
            copy.put("tenant", tenant);
            return copy;
        }).collect(Collectors.toList());
    }
}
