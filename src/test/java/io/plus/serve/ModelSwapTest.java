package io.plus.serve;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.plus.serve.Api.CAT_ANSWER;
import static io.plus.serve.Api.DOG_ANSWER;
import static io.plus.serve.ServingTestResources.BTL_VERSION;
import static io.plus.serve.ServingTestResources.PLUS_VERSION;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The model registry and hot swap: no failed request, the new version within seconds, broken bundles refused. */
@QuarkusTest
@QuarkusTestResource(value = ServingTestResources.class, restrictToAnnotatedClass = true)
class ModelSwapTest {
    @Inject
    Pool pool;
    @Inject
    io.quarkus.redis.datasource.ReactiveRedisDataSource redis;

    @AfterEach
    void plusIsActiveAgain() {
        given().when().post("/v1/models/{v}/activate", PLUS_VERSION).then().statusCode(200);
    }

    private static String servedVersion() {
        return Api.scoreForSummary("Likes answers that mention dog.", CAT_ANSWER, DOG_ANSWER).then().statusCode(200)
                .extract().path("modelVersion");
    }

    private static void register(Path bundle) {
        given().contentType(ContentType.JSON).body(Map.of("location", bundle.toString())).when().post("/v1/models")
                .then().statusCode(200);
    }

    @Test
    void activatingWhileRequestsRunFailsNoneAndSwitchesThem() throws Exception {
        register(ServingTestResources.MODEL_STORE.resolve(BTL_VERSION));
        assertEquals(PLUS_VERSION, servedVersion());

        AtomicBoolean running = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> versions = new ConcurrentLinkedQueue<>();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            int thread = t;
            clients.submit(() -> {
                int i = 0;
                while (running.get()) {
                    Response response = thread % 2 == 0
                            ? Api.scoreForSummary("Likes answers that mention cat.", DOG_ANSWER, CAT_ANSWER + " #" + thread + "-" + i++)
                            : Api.summary("swap-reader");
                    if (response.statusCode() != 200) {
                        failures.add(response.statusCode() + " " + response.asString());
                    } else if (thread % 2 == 0) {
                        versions.add(response.jsonPath().getString("modelVersion"));
                    }
                }
            });
        }
        Thread.sleep(300);
        given().when().post("/v1/models/{v}/activate", BTL_VERSION).then().statusCode(200)
                .body("status", is("active")).body("servedHere", is(true));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline && !BTL_VERSION.equals(servedVersion())) {
            Thread.sleep(50);
        }
        Thread.sleep(300);
        running.set(false);
        clients.shutdown();
        assertTrue(clients.awaitTermination(30, TimeUnit.SECONDS));

        assertTrue(failures.isEmpty(), "failed requests during the swap: " + failures);
        List<String> seen = new ArrayList<>(versions);
        assertTrue(seen.contains(PLUS_VERSION) && seen.contains(BTL_VERSION), "versions seen: " + seen.stream().distinct().toList());
        assertEquals(BTL_VERSION, servedVersion());
        // BTL reads no summary: the API is the same, the summary is simply not used
        Api.scoreForSummary("Likes answers that mention cat.", DOG_ANSWER, CAT_ANSWER).then().statusCode(200)
                .body("summary", org.hamcrest.Matchers.nullValue());
        given().when().get("/v1/models").then().statusCode(200)
                .body("models.find { it.version == '" + BTL_VERSION + "' }.status", is("active"))
                .body("models.find { it.version == '" + PLUS_VERSION + "' }.status", is("retired"));

        // rollback returns to the version active before
        given().when().post("/v1/models/rollback").then().statusCode(200).body("version", is(PLUS_VERSION));
        assertEquals(PLUS_VERSION, servedVersion());
    }

    @Test
    void anActivationByAnotherInstanceIsPickedUpWithoutAMessage() throws Exception {
        register(ServingTestResources.MODEL_STORE.resolve(BTL_VERSION));
        // another instance flips the registry; this one hears nothing and must notice on its own
        flip(PLUS_VERSION, BTL_VERSION);
        assertTrue(waitForVersion(BTL_VERSION), "still serving " + servedVersion());
    }

    @Test
    void anActivationAnnouncedOverRedisIsPickedUp() throws Exception {
        register(ServingTestResources.MODEL_STORE.resolve(BTL_VERSION));
        double heard = Api.metric("plus_model_announcements_total", "");
        // what another instance's activate call does: flip the registry, then announce it
        flip(PLUS_VERSION, BTL_VERSION);
        redis.pubsub(String.class).publish("plus:model-activated", BTL_VERSION).await().indefinitely();
        assertTrue(waitForVersion(BTL_VERSION), "still serving " + servedVersion());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (Api.metric("plus_model_announcements_total", "") <= heard && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(Api.metric("plus_model_announcements_total", "") > heard, "the announcement was not received");
    }

    @Test
    void aBundleThatFailsItsChecksumIsRefusedAndTheOldOneStays() throws Exception {
        Path broken = ServingTestResources.MODEL_STORE.resolve("btl-broken");
        ServingTestResources.deleteTree(broken);
        Files.createDirectories(broken);
        Path source = ServingTestResources.MODEL_STORE.resolve(BTL_VERSION);
        try (var files = Files.list(source)) {
            for (Path file : files.toList()) {
                Files.copy(file, broken.resolve(file.getFileName()));
            }
        }
        Path manifest = broken.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"" + BTL_VERSION + "\"", "\"btl-broken\""));
        register(broken);
        // the bundle is damaged after registration
        Files.write(broken.resolve("reward-head.bin"), new byte[]{1, 2, 3}, StandardOpenOption.APPEND);

        given().when().post("/v1/models/{v}/activate", "btl-broken").then().statusCode(422)
                .contentType("application/problem+json").body("type", is("urn:plus:problem:bundle-invalid"))
                .body("detail", containsString("btl-broken"));
        assertEquals(PLUS_VERSION, servedVersion());
        given().when().get("/v1/models").then()
                .body("models.find { it.version == 'btl-broken' }.status", is("rejected"))
                .body("models.find { it.version == '" + PLUS_VERSION + "' }.status", is("active"));

        // made active behind the API's back: instances refuse to load it and keep serving the old model
        flip(PLUS_VERSION, "btl-broken");
        Thread.sleep(2500);
        assertEquals(PLUS_VERSION, servedVersion());
        flip("btl-broken", PLUS_VERSION);
    }

    /** What another instance's activation does to the registry: retire one version, then activate another. */
    private void flip(String from, String to) {
        pool.withTransaction(connection -> connection.query("UPDATE model_version SET status = 'retired', retired_at = now() "
                        + "WHERE version = '" + from + "'").execute()
                .chain(() -> connection.query("UPDATE model_version SET status = 'active', activated_at = now() "
                        + "WHERE version = '" + to + "'").execute())).await().indefinitely();
    }

    private static boolean waitForVersion(String version) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            if (version.equals(servedVersion())) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }
}
