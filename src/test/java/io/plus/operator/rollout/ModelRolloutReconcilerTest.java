package io.plus.operator.rollout;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.plus.operator.OperatorWithServingProfile;
import io.plus.operator.api.ModelRollout;
import io.plus.operator.api.ModelRolloutSpec;
import io.plus.operator.api.TrainingRun;
import io.plus.operator.training.ClusterFixtures;
import io.plus.serve.Api;
import io.plus.serve.ServingTestResources;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import static io.plus.operator.training.ClusterFixtures.await;
import static io.plus.serve.ServingTestResources.BTL_VERSION;
import static io.plus.serve.ServingTestResources.PLUS_VERSION;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ModelRollout operator against the fabric8 mock server, applying rollouts to the real model
 * registry of the functions running beside it (PostgreSQL, Redis, bundles on disk): what a rollout
 * declares is what the functions serve, and a TrainingRun's candidate reaches users through it.
 */
@QuarkusTest
@WithKubernetesTestServer
@TestProfile(OperatorWithServingProfile.class)
@QuarkusTestResource(value = ServingTestResources.class, restrictToAnnotatedClass = true)
class ModelRolloutReconcilerTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TENANT = "rollout-share";
    private static final int USERS = 1000;

    @Inject
    KubernetesClient client;
    @Inject
    Operator operator;

    private String ns;

    @BeforeEach
    void start() {
        ns = client.getNamespace();
        given().contentType(ContentType.JSON).body(Map.of("location", BTL_VERSION)).when().post("/v1/models")
                .then().statusCode(200);
        operator.start();
    }

    @AfterEach
    void stop() {
        operator.stop();
        client.resources(ModelRollout.class).inNamespace(ns).delete();
        client.resources(TrainingRun.class).inNamespace(ns).delete();
        given().when().delete("/v1/models/canary");
        given().when().post("/v1/models/{v}/activate", PLUS_VERSION).then().statusCode(200);
    }

    @Test
    void theRegistryServesWhatTheRolloutDeclaresAndSettingTheStableVersionBackRollsBack() throws Exception {
        String name = name("serving");
        create(name, PLUS_VERSION);
        ModelRollout ready = awaitRollout(name, r -> isTrue(r, "Ready"));
        assertEquals(List.of(PLUS_VERSION), ready.getStatus().loadedVersions);
        assertEquals("Stable", condition(ready, "Progressing").getReason());
        assertEquals(ready.getMetadata().getGeneration(), ready.getStatus().observedGeneration);

        // a candidate for 30% of users: the registry's canary, and the share of users it scores
        edit(name, r -> candidate(r, BTL_VERSION, 30));
        ModelRollout canary = awaitRollout(name, r -> isTrue(r, "Ready") && observed(r));
        assertEquals(List.of(BTL_VERSION, PLUS_VERSION), canary.getStatus().loadedVersions);
        assertEquals("CanaryServing", condition(canary, "Progressing").getReason());
        JsonPath registry = models();
        assertEquals(BTL_VERSION, registry.getString("canary.version"));
        assertEquals(30, registry.getInt("canary.percent"));
        Map<String, String> versions = Api.scoringVersions(TENANT, USERS);
        double share = Api.share(versions, BTL_VERSION);
        System.out.printf("rollout canary share at 30%%: %.1f%% of %d users%n", 100 * share, USERS);
        assertTrue(Math.abs(share - 0.30) <= 0.03, "share at 30%: " + share);
        assertEquals(versions, Api.scoringVersions(TENANT, USERS), "each user keeps their version");

        // the candidate made stable: active in the registry, the canary gone, the old version kept for rollback
        edit(name, r -> {
            r.getSpec().stableVersion = BTL_VERSION;
            r.getSpec().candidate = null;
            return r;
        });
        ModelRollout promoted = awaitRollout(name, r -> isTrue(r, "Ready") && observed(r));
        assertEquals(PLUS_VERSION, promoted.getStatus().previousStableVersion);
        assertEquals("NewStableVersion", condition(promoted, "RolledBack").getReason());
        assertEquals(BTL_VERSION, activeVersion());
        assertNull(models().get("canary"));
        assertEquals(1.0, Api.share(Api.scoringVersions(TENANT, 200), BTL_VERSION));

        // rollback: the previous version back in the spec serves again, within seconds
        long rollbackAt = System.nanoTime();
        edit(name, r -> {
            r.getSpec().stableVersion = promoted.getStatus().previousStableVersion;
            return r;
        });
        await("the previous version active", WAIT, () -> PLUS_VERSION.equals(activeVersion()));
        ModelRollout rolledBack = awaitRollout(name, r -> isTrue(r, "Ready") && observed(r));
        System.out.printf("rollout: stable version set back -> previous version active and every instance on it "
                + "in %.2f s%n", (System.nanoTime() - rollbackAt) / 1e9);
        Condition back = condition(rolledBack, "RolledBack");
        assertEquals(List.of("True", "RolledBack"), List.of(back.getStatus(), back.getReason()));
        assertEquals(BTL_VERSION, rolledBack.getStatus().previousStableVersion);
        assertEquals(0.0, Api.share(Api.scoringVersions(TENANT, 200), BTL_VERSION));
        List<String> events = events(name);
        assertTrue(events.containsAll(List.of("CanaryUpdated", "StableVersionActivated", "RolledBack")),
                events.toString());
    }

    @Test
    void aVersionTheRegistryRefusesChangesNothingAndSaysWhy() throws Exception {
        String name = name("unknown");
        create(name, "no-such-version");
        ModelRollout refused = awaitRollout(name, r -> condition(r, "Ready") != null
                && "RegistryRefused".equals(condition(r, "Ready").getReason()));
        assertEquals("False", condition(refused, "Ready").getStatus());
        assertTrue(condition(refused, "Ready").getMessage().contains("no model version no-such-version"),
                condition(refused, "Ready").getMessage());
        assertEquals(PLUS_VERSION, activeVersion(), "the active version is unchanged");
        assertNull(models().get("canary"));
    }

    @Test
    void aRegistryChangedByHandIsSetBackToWhatTheRolloutDeclares() throws Exception {
        String name = name("drift");
        create(name, PLUS_VERSION);
        awaitRollout(name, r -> isTrue(r, "Ready"));
        given().when().post("/v1/models/{v}/activate", BTL_VERSION).then().statusCode(200);
        assertEquals(BTL_VERSION, activeVersion());
        await("the rollout's stable version active again", WAIT, () -> PLUS_VERSION.equals(activeVersion()));
        assertEquals(BTL_VERSION, awaitRollout(name, r -> r.getStatus().previousStableVersion != null)
                .getStatus().previousStableVersion, "the hand-made change is what a rollback would return to");
    }

    @Test
    void aTrainingRunsBetterCandidateReachesUsersStepByStepAndBecomesTheActiveVersion() throws Exception {
        String rolloutName = name("trained");
        create(rolloutName, PLUS_VERSION);
        awaitRollout(rolloutName, r -> isTrue(r, "Ready"));
        TrainingRun run = client.resources(TrainingRun.class).inNamespace(ns).resource(ClusterFixtures.automatic(
                ClusterFixtures.run(name("run"), ns), rolloutName, 0.6, 0.01, 10, 50, 100)).create();
        Job job = await("the run's Job", WAIT, () -> client.batch().v1().jobs().inNamespace(ns).list().getItems()
                .stream().filter(j -> j.getMetadata().getOwnerReferences().get(0).getUid()
                        .equals(run.getMetadata().getUid())).findFirst().orElse(null));
        // the trainer registered BTL_VERSION as its candidate, better than the active model
        ClusterFixtures.trainerFinished(client, job, 0, ClusterFixtures.registered(BTL_VERSION, 0.83, PLUS_VERSION, 0.79));
        ClusterFixtures.jobCondition(client, job, "Complete", null, null);

        List<Integer> canaryPercents = new ArrayList<>();
        await("the candidate active", WAIT, () -> {
            JsonPath registry = models();
            Object percent = registry.get("canary.percent");
            if (percent instanceof Integer p && (canaryPercents.isEmpty()
                    || !canaryPercents.get(canaryPercents.size() - 1).equals(p))) {
                canaryPercents.add(p);
            }
            return BTL_VERSION.equals(activeVersion(registry));
        });
        assertEquals(List.of(10, 50), canaryPercents, "the registry's canary followed each step");
        TrainingRun done = await("the run Promoted", WAIT, () -> {
            TrainingRun r = client.resources(TrainingRun.class).inNamespace(ns).withName(run.getMetadata().getName()).get();
            return r.getStatus() != null && "Promoted".equals(r.getStatus().phase) ? r : null;
        });
        assertEquals(BTL_VERSION, done.getStatus().modelVersion);
        ModelRollout rollout = awaitRollout(rolloutName, r -> isTrue(r, "Ready") && BTL_VERSION.equals(
                r.getSpec().stableVersion) && observed(r));
        assertEquals(PLUS_VERSION, rollout.getStatus().previousStableVersion);
        assertEquals(List.of(BTL_VERSION), rollout.getStatus().loadedVersions);
        assertEquals(1.0, Api.share(Api.scoringVersions(TENANT, 200), BTL_VERSION));
    }

    private void create(String name, String stable) {
        client.resources(ModelRollout.class).inNamespace(ns).resource(ClusterFixtures.rollout(ns, name, stable)).create();
    }

    private static ModelRollout candidate(ModelRollout rollout, String version, int percent) {
        ModelRolloutSpec.Candidate candidate = new ModelRolloutSpec.Candidate();
        candidate.version = version;
        candidate.percent = percent;
        rollout.getSpec().candidate = candidate;
        return rollout;
    }

    private void edit(String name, UnaryOperator<ModelRollout> change) throws InterruptedException {
        ClusterFixtures.onConflictRetry(() -> client.resources(ModelRollout.class).inNamespace(ns).withName(name)
                .edit(change));
    }

    private ModelRollout awaitRollout(String name, Predicate<ModelRollout> test) throws InterruptedException {
        return await("rollout " + name, WAIT, () -> {
            ModelRollout r = client.resources(ModelRollout.class).inNamespace(ns).withName(name).get();
            return r != null && r.getStatus() != null && test.test(r) ? r : null;
        });
    }

    private static boolean observed(ModelRollout rollout) {
        return rollout.getMetadata().getGeneration().equals(rollout.getStatus().observedGeneration);
    }

    private static boolean isTrue(ModelRollout rollout, String type) {
        Condition condition = condition(rollout, type);
        return condition != null && "True".equals(condition.getStatus());
    }

    private static Condition condition(ModelRollout rollout, String type) {
        return Optional.ofNullable(rollout.getStatus()).flatMap(s -> s.conditions.stream()
                .filter(c -> c.getType().equals(type)).findFirst()).orElse(null);
    }

    private List<String> events(String rollout) {
        return client.v1().events().inNamespace(ns).list().getItems().stream()
                .filter(e -> rollout.equals(e.getInvolvedObject().getName())).map(Event::getReason).toList();
    }

    private static JsonPath models() {
        return given().when().get("/v1/models").then().statusCode(200).extract().jsonPath();
    }

    private static String activeVersion() {
        return activeVersion(models());
    }

    private static String activeVersion(JsonPath registry) {
        List<String> active = registry.getList("models.findAll { it.status == 'active' }.version");
        return active.isEmpty() ? null : active.get(0);
    }

    private static String name(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
    }
}
