package io.plus.chart;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.plus.operator.OperatorTestProfile;
import io.plus.operator.api.TrainingRun;
import io.plus.operator.training.TrainingRunSubmission;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static io.plus.operator.training.ClusterFixtures.await;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rendered chart applied to the fabric8 mock server (CRUD mode): every object is accepted, the
 * operator started against it turns the example TrainingRun, and the one the training schedule
 * submits, into Jobs; and the probes the chart declares answer on the application itself.
 */
@QuarkusTest
@WithKubernetesTestServer
@TestProfile(OperatorTestProfile.class)
class ChartOnMockClusterTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    KubernetesClient client;
    @Inject
    Operator operator;

    @BeforeEach
    void start() {
        operator.start();
    }

    @AfterEach
    void stop() {
        operator.stop();
        client.resources(TrainingRun.class).inNamespace(client.getNamespace()).delete();
    }

    @Test
    void everyRenderedObjectIsAcceptedAndTheExampleAndScheduledRunsBecomeJobs() throws Exception {
        RenderedChart chart = RenderedChart.render(Path.of("src", "test", "resources", "chart", "gpu-schedule.yaml"));
        String ns = client.getNamespace();
        Set<String> applied = new TreeSet<>();
        for (HasMetadata object : chart.objects()) {
            HasMetadata created = object.getMetadata().getNamespace() != null
                    ? client.resource(object).createOr(existing -> existing.update())
                    : client.resource(object).inNamespace(ns).createOr(existing -> existing.update());
            applied.add(created.getKind() + "/" + created.getMetadata().getName());
        }
        assertEquals(chart.objects().size(), applied.size(), "every object was stored: " + applied);
        assertTrue(applied.containsAll(List.of("CronJob/plus-training", "Deployment/plus-operator", "Role/plus-operator",
                "ModelRollout/plus", "ConfigMap/plus-training-run")), applied.toString());

        TrainingRun example;
        try (InputStream manifest = Files.newInputStream(Path.of("k8s", "examples", "trainingrun-gpu.yaml"))) {
            example = client.resources(TrainingRun.class).inNamespace(ns)
                    .resource(client.getKubernetesSerialization().unmarshal(manifest, TrainingRun.class)).create();
        }
        Job exampleJob = jobOf(example);
        Container trainer = exampleJob.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertEquals("1", trainer.getResources().getLimits().get("nvidia.com/gpu").getAmount());
        assertEquals("plus-models", exampleJob.getSpec().getTemplate().getSpec().getVolumes().get(0)
                .getPersistentVolumeClaim().getClaimName());

        // what the CronJob's container does: submit the template the chart rendered into the ConfigMap
        String template = client.configMaps().inNamespace(ns).withName("plus-training-run").get().getData()
                .get("trainingrun.yaml");
        TrainingRun scheduled = new TrainingRunSubmission(client).submit(stream(template));
        assertTrue(scheduled.getMetadata().getName().startsWith("plus-scheduled-"), scheduled.getMetadata().getName());
        TrainingRun again = new TrainingRunSubmission(client).submit(stream(template));
        assertTrue(!again.getMetadata().getName().equals(scheduled.getMetadata().getName()), "each run is a new one");
        Job scheduledJob = jobOf(scheduled);
        Container scheduledTrainer = scheduledJob.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertEquals("2", scheduledTrainer.getResources().getLimits().get("nvidia.com/gpu").getAmount());
        assertTrue(scheduledTrainer.getArgs().containsAll(List.of("--tenant", "acme", "--tenant", "globex")),
                scheduledTrainer.getArgs().toString());
        assertEquals(10800L, scheduledJob.getSpec().getActiveDeadlineSeconds());
    }

    @Test
    void aManifestTheOperatorWouldRefuseIsRefusedBeforeAnythingIsCreated() {
        TrainingRunSubmission submission = new TrainingRunSubmission(client);
        String ns = client.getNamespace();
        int before = client.resources(TrainingRun.class).inNamespace(ns).list().getItems().size();
        String badSteps = """
                apiVersion: plus.io/v1alpha1
                kind: TrainingRun
                metadata: {generateName: bad-}
                spec:
                  tenants: [acme]
                  image: x
                  database: {url: "postgresql://pg:5432/plus", credentialsSecret: db}
                  modelStore: {persistentVolumeClaim: models}
                  promotion: {policy: automatic, canarySteps: [{percent: 50}]}
                """;
        TrainingRunSubmission.InvalidManifest refused = assertThrows(TrainingRunSubmission.InvalidManifest.class,
                () -> submission.submit(stream(badSteps)));
        assertTrue(refused.getMessage().contains("100"), refused.getMessage());
        assertThrows(TrainingRunSubmission.InvalidManifest.class, () -> submission.submit(stream(
                "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n")));
        assertThrows(TrainingRunSubmission.InvalidManifest.class, () -> submission.submit(stream("{not yaml: [")));
        assertEquals(before, client.resources(TrainingRun.class).inNamespace(ns).list().getItems().size(),
                "nothing was created");
    }

    @Test
    void theProbesTheChartDeclaresAnswerOnTheApplication() {
        RenderedChart chart = RenderedChart.render(java.util.Map.of());
        Set<String> paths = new TreeSet<>();
        for (Deployment deployment : chart.all(Deployment.class)) {
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            for (Probe probe : new Probe[]{container.getStartupProbe(), container.getReadinessProbe(),
                    container.getLivenessProbe()}) {
                paths.add(probe.getHttpGet().getPath());
            }
        }
        assertEquals(Set.of("/q/health/started", "/q/health/ready", "/q/health/live"), paths);
        for (String path : paths) {
            int status = given().when().get(path).then().extract().statusCode();
            assertTrue(status == 200 || status == 503, path + " answered " + status + " (a health endpoint answers 200 or 503)");
            assertEquals("application/json", given().when().get(path).then().extract().contentType().split(";")[0], path);
        }
    }

    private Job jobOf(TrainingRun run) throws InterruptedException {
        return await("a Job for " + run.getMetadata().getName(), WAIT, () -> client.batch().v1().jobs()
                .inNamespace(run.getMetadata().getNamespace()).list().getItems().stream()
                .filter(job -> job.getMetadata().getOwnerReferences().stream()
                        .anyMatch(owner -> owner.getUid().equals(run.getMetadata().getUid())))
                .findFirst().orElse(null));
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
