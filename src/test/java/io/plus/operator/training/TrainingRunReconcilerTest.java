package io.plus.operator.training;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.plus.operator.OperatorTestProfile;
import io.plus.operator.api.CanaryStep;
import io.plus.operator.api.ModelRollout;
import io.plus.operator.api.TrainingRun;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
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

import static io.plus.operator.training.ClusterFixtures.await;
import static io.plus.operator.training.ClusterFixtures.onConflictRetry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The TrainingRun operator against the fabric8 Kubernetes mock server in CRUD mode. No Job
 * controller runs there: the tests play its part (Job conditions, the trainer pod's termination
 * message) and check what the operator makes of it.
 */
@QuarkusTest
@WithKubernetesTestServer
@TestProfile(OperatorTestProfile.class)
class TrainingRunReconcilerTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    KubernetesClient client;
    @Inject
    Operator operator;

    private String ns;

    @BeforeEach
    void start() {
        ns = client.getNamespace();
        operator.start();
    }

    @AfterEach
    void stop() {
        operator.stop();
    }

    @Test
    void aRunBecomesExactlyOneJobWithWhatItAsksForAndReconcilingAgainMakesNoOther() throws Exception {
        TrainingRun run = create(ClusterFixtures.run(name("gpu"), ns));
        Job job = job(run);

        assertEquals(1, jobsOf(run).size());
        Container trainer = job.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertEquals("1", trainer.getResources().getLimits().get("nvidia.com/gpu").getAmount());
        assertEquals("NoSchedule", job.getSpec().getTemplate().getSpec().getTolerations().get(0).getEffect());
        assertEquals(Map.of("nvidia.com/gpu.present", "true"), job.getSpec().getTemplate().getSpec().getNodeSelector());
        assertEquals(3600L, job.getSpec().getActiveDeadlineSeconds());
        assertEquals(1, job.getSpec().getBackoffLimit());
        assertEquals(86400, job.getSpec().getTtlSecondsAfterFinished());
        assertEquals("Never", job.getSpec().getTemplate().getSpec().getRestartPolicy());
        EnvVar user = env(trainer, "PLUS_DB_USER");
        assertEquals("plus-db", user.getValueFrom().getSecretKeyRef().getName());
        assertEquals("username", user.getValueFrom().getSecretKeyRef().getKey());
        assertEquals("postgresql://postgres.plus:5432/plus", env(trainer, "PLUS_DB_URL").getValue());
        assertEquals("plus-models", job.getSpec().getTemplate().getSpec().getVolumes().get(0).getPersistentVolumeClaim()
                .getClaimName());
        assertEquals("/models", trainer.getVolumeMounts().get(0).getMountPath());
        assertTrue(trainer.getArgs().containsAll(List.of("train-run", "--tenant", "acme", "--training-run",
                run.getMetadata().getUid())), trainer.getArgs().toString());
        OwnerReference owner = job.getMetadata().getOwnerReferences().get(0);
        assertEquals(List.of("TrainingRun", run.getMetadata().getName(), run.getMetadata().getUid(), true),
                List.of(owner.getKind(), owner.getName(), owner.getUid(), owner.getController()));

        TrainingRun pending = awaitStatus(run, r -> "Pending".equals(r.getStatus().phase));
        assertEquals(pending.getMetadata().getGeneration(), pending.getStatus().observedGeneration);
        Condition created = condition(pending, "JobCreated").orElseThrow();
        assertEquals(List.of("True", "JobCreated", pending.getMetadata().getGeneration()),
                List.of(created.getStatus(), created.getReason(), created.getObservedGeneration()));

        // reconciled again by a restarted operator: the Job is found, nothing new is made
        restart();
        Thread.sleep(500);
        assertEquals(1, jobsOf(run).size(), "one Job after a restart");
        assertEquals("JobCreated", condition(get(run), "JobCreated").orElseThrow().getReason());

    }

    @Test
    void aJobMadeJustBeforeTheOperatorStoppedIsFoundNotMadeAgain() throws Exception {
        // an operator that created the Job and stopped before it could record it in the run's status
        operator.stop();
        TrainingRun run = create(ClusterFixtures.run(name("crash"), ns));
        client.batch().v1().jobs().inNamespace(ns).resource(TrainingJobs.build(run)).create();
        operator.start();

        TrainingRun adopted = awaitStatus(run, r -> r.getStatus().jobName != null);
        assertEquals("JobFound", condition(adopted, "JobCreated").orElseThrow().getReason());
        Thread.sleep(300);
        assertEquals(1, jobsOf(run).size(), "the Job it found, and no other");
    }

    @Test
    void aBetterCandidateIsEvaluatedWalkedThroughEachCanaryStepAndPromoted() throws Exception {
        String rolloutName = name("rollout");
        client.resources(ModelRollout.class).inNamespace(ns).resource(ClusterFixtures.rollout(ns, rolloutName, "plus-v1")).create();
        TrainingRun run = create(ClusterFixtures.automatic(ClusterFixtures.run(name("better"), ns), rolloutName, 0.6, 0.01,
                10, 50, 100));
        Job job = job(run);
        ClusterFixtures.jobActive(client, job);
        awaitStatus(run, r -> "Running".equals(r.getStatus().phase));

        String version = "better-" + UUID.randomUUID().toString().substring(0, 6);
        ClusterFixtures.trainerFinished(client, job, 0, ClusterFixtures.registered(version, 0.83, "plus-v1", 0.79));
        long succeededAt = System.nanoTime();
        ClusterFixtures.jobCondition(client, job, "Complete", null, null);

        List<Integer> percents = new ArrayList<>();
        long[] evaluatedAt = new long[1];
        TrainingRun promoted = await("Promoted", WAIT, () -> {
            ModelRollout rollout = rollout(rolloutName);
            Integer percent = rollout.getSpec().candidate == null ? null : rollout.getSpec().candidate.percent;
            if (percent != null && (percents.isEmpty() || !percents.get(percents.size() - 1).equals(percent))) {
                percents.add(percent);
            }
            TrainingRun r = get(run);
            if (evaluatedAt[0] == 0 && condition(r, "Evaluated").isPresent()) {
                evaluatedAt[0] = System.nanoTime();
            }
            return "Promoted".equals(r.getStatus().phase) ? r : null;
        });
        System.out.printf("operator: Job success -> Evaluated in %.2f s, -> Promoted in %.2f s (canary holds 2 x 1 s)%n",
                (evaluatedAt[0] - succeededAt) / 1e9, (System.nanoTime() - succeededAt) / 1e9);

        assertEquals(List.of(10, 50), percents, "each canary step was applied, in order");
        ModelRollout rollout = rollout(rolloutName);
        assertEquals(version, rollout.getSpec().stableVersion);
        assertNull(rollout.getSpec().candidate);
        assertEquals(version, promoted.getStatus().modelVersion);
        assertEquals(0.83, promoted.getStatus().evaluation.candidate);
        assertEquals(0.79, promoted.getStatus().evaluation.active);
        assertEquals(0.79, promoted.getStatus().activeMetrics.get("test-unseen-users.accuracy"));
        for (String type : List.of("JobCreated", "Succeeded", "Evaluated", "Promoted")) {
            Condition c = condition(promoted, type).orElseThrow(() -> new AssertionError(type));
            assertEquals("True", c.getStatus(), type);
            assertEquals(promoted.getMetadata().getGeneration(), c.getObservedGeneration(), type);
        }
        assertEquals("GatePassed", condition(promoted, "Evaluated").orElseThrow().getReason());
        List<String> reasons = events(run);
        assertTrue(reasons.containsAll(List.of("JobCreated", "JobComplete", "GatePassed", "CanaryStep", "Promoted")),
                reasons.toString());
    }

    @Test
    void aWorseCandidateIsRejectedWithTheMetricBothValuesAndTheThresholdAndTheRolloutIsUntouched() throws Exception {
        String rolloutName = name("rollout");
        client.resources(ModelRollout.class).inNamespace(ns).resource(ClusterFixtures.rollout(ns, rolloutName, "plus-v1")).create();
        TrainingRun run = create(ClusterFixtures.automatic(ClusterFixtures.run(name("worse"), ns), rolloutName, 0.6, 0.01,
                50, 100));
        Job job = job(run);
        ClusterFixtures.trainerFinished(client, job, 0, ClusterFixtures.registered("worse-1", 0.70, "plus-v1", 0.79));
        ClusterFixtures.jobCondition(client, job, "Complete", null, null);

        TrainingRun rejected = awaitStatus(run, r -> "Rejected".equals(r.getStatus().phase));
        Condition reason = condition(rejected, "Rejected").orElseThrow();
        assertEquals("GateFailed", reason.getReason());
        assertTrue(reason.getMessage().contains("test-unseen-users.accuracy 0.7000 regresses by 0.0900 against "
                + "active model plus-v1 (0.7900)") && reason.getMessage().contains("at most 0.0100"), reason.getMessage());
        assertEquals("rejected", rejected.getStatus().evaluation.decision);
        Thread.sleep(300);
        assertEquals("plus-v1", rollout(rolloutName).getSpec().stableVersion);
        assertNull(rollout(rolloutName).getSpec().candidate, "the rollout never saw the candidate");
    }

    @Test
    void aManualPolicyStopsAtEvaluatedAndThatHoldsWhenTheFinishedJobIsRemoved() throws Exception {
        String rolloutName = name("rollout");
        client.resources(ModelRollout.class).inNamespace(ns).resource(ClusterFixtures.rollout(ns, rolloutName, "plus-v1")).create();
        TrainingRun spec = ClusterFixtures.run(name("manual"), ns);
        spec.getSpec().promotion.rollout = rolloutName;
        TrainingRun run = create(spec);
        Job job = job(run);
        ClusterFixtures.trainerFinished(client, job, 0, ClusterFixtures.registered("manual-1", 0.83, "plus-v1", 0.79));
        ClusterFixtures.jobCondition(client, job, "Complete", null, null);

        TrainingRun evaluated = awaitStatus(run, r -> "Evaluated".equals(r.getStatus().phase));
        Condition waiting = condition(evaluated, "Promoted").orElseThrow();
        assertEquals(List.of("False", "AwaitingManualPromotion"), List.of(waiting.getStatus(), waiting.getReason()));
        assertTrue(waiting.getMessage().contains("set ModelRollout " + rolloutName + " spec.candidate to manual-1"),
                waiting.getMessage());

        // the Job's TTL removes it: the run keeps what it learnt
        client.batch().v1().jobs().inNamespace(ns).withName(job.getMetadata().getName()).delete();
        await("Job gone", WAIT, () -> jobsOf(run).isEmpty());
        onConflictRetry(() -> client.resources(TrainingRun.class).inNamespace(ns).withName(run.getMetadata().getName())
                .edit(r -> {
                    r.getSpec().suspend = true; // any change: a reconcile
                    return r;
                }));
        Thread.sleep(500);
        assertEquals("Evaluated", get(run).getStatus().phase);
        assertEquals("plus-v1", rollout(rolloutName).getSpec().stableVersion);
        assertNull(rollout(rolloutName).getSpec().candidate, "a manual policy touches no rollout");
    }

    @Test
    void aFailedJobFailsTheRunWithKubernetesReasonAndTheTrainersMessage() throws Exception {
        TrainingRun run = create(ClusterFixtures.run(name("fails"), ns));
        Job job = job(run);
        ClusterFixtures.trainerFinished(client, job, 1,
                "{\"outcome\":\"failed\",\"exitCode\":1,\"message\":\"PSQLException: connection refused\"}");
        ClusterFixtures.jobCondition(client, job, "Failed", "BackoffLimitExceeded", "Job has reached the specified backoff limit");

        TrainingRun failed = awaitStatus(run, r -> "Failed".equals(r.getStatus().phase));
        Condition condition = condition(failed, "Failed").orElseThrow();
        assertEquals("BackoffLimitExceeded", condition.getReason());
        assertEquals("failed: PSQLException: connection refused", condition.getMessage());
    }

    @Test
    void tooLittleDataAndAnExceededDeadlineAreTheirOwnReasons() throws Exception {
        TrainingRun small = create(ClusterFixtures.run(name("small"), ns));
        Job smallJob = job(small);
        ClusterFixtures.trainerFinished(client, smallJob, 3, "{\"outcome\":\"insufficient-data\",\"exitCode\":3,"
                + "\"message\":\"3 users have labelled pairs; at least 20 are needed\"}");
        ClusterFixtures.jobCondition(client, smallJob, "Failed", "BackoffLimitExceeded", "backoff");
        Condition tooLittle = condition(awaitStatus(small, r -> "Failed".equals(r.getStatus().phase)), "Failed").orElseThrow();
        assertEquals("InsufficientData", tooLittle.getReason());
        assertTrue(tooLittle.getMessage().contains("at least 20 are needed"), tooLittle.getMessage());

        TrainingRun slow = create(ClusterFixtures.run(name("slow"), ns));
        Job slowJob = job(slow);
        ClusterFixtures.jobCondition(client, slowJob, "Failed", "DeadlineExceeded", "Job was active longer than specified deadline");
        Condition deadline = condition(awaitStatus(slow, r -> "Failed".equals(r.getStatus().phase)), "Failed").orElseThrow();
        assertEquals("DeadlineExceeded", deadline.getReason());
        assertEquals("Job was active longer than specified deadline", deadline.getMessage());
    }

    @Test
    void suspendStopsTheJobAndResumeStartsItAgain() throws Exception {
        TrainingRun run = create(ClusterFixtures.run(name("pause"), ns));
        Job job = job(run);
        awaitSettled(run, "Pending");
        setSuspend(run, true);
        await("Job suspended", WAIT, () -> Boolean.TRUE.equals(jobsOf(run).get(0).getSpec().getSuspend()));
        ClusterFixtures.jobCondition(client, job, "Suspended", "JobSuspended", "Job suspended");
        awaitSettled(run, "Suspended");

        setSuspend(run, false);
        await("Job resumed", WAIT, () -> Boolean.FALSE.equals(jobsOf(run).get(0).getSpec().getSuspend()));
        ClusterFixtures.jobActive(client, job);
        TrainingRun running = awaitStatus(run, r -> "Running".equals(r.getStatus().phase));
        assertEquals("False", condition(running, "Suspended").orElseThrow().getStatus());
        assertTrue(events(run).containsAll(List.of("Suspended", "Resumed")), events(run).toString());
    }

    @Test
    void deletingTheRunDeletesItsJob() throws Exception {
        TrainingRun run = create(ClusterFixtures.run(name("gone"), ns));
        job(run);
        // settled first: in the mock server a status patch still in flight when the run is deleted
        // replaces the object and drops its deletion mark (a real API server never does), so the
        // cleanup would never be called (seen once in CI on a loaded machine)
        awaitSettled(run, "Pending");
        client.resources(TrainingRun.class).inNamespace(ns).withName(run.getMetadata().getName()).delete();
        await("Job deleted", WAIT, () -> jobsOf(run).isEmpty());
        await("run deleted", WAIT, () -> get(run) == null);
    }

    @Test
    void aBadSpecCreatesNoJobAndNamesEveryProblem() throws Exception {
        TrainingRun bad = ClusterFixtures.run(name("bad"), ns);
        bad.getSpec().method = "Oracle";
        bad.getSpec().tenants = List.of("acme", "bad tenant");
        ClusterFixtures.automatic(bad, "plus", 0.5, 0.0, 10, 50);
        bad.getSpec().promotion.canarySteps.add(new CanaryStep());
        bad.getSpec().promotion.canarySteps.get(2).percent = -5;
        TrainingRun run = create(bad);

        TrainingRun failed = awaitStatus(run, r -> "Failed".equals(r.getStatus().phase));
        Condition invalid = condition(failed, "Failed").orElseThrow();
        assertEquals("InvalidSpec", invalid.getReason());
        for (String problem : List.of("unknown method 'Oracle'", "'bad tenant' is not a tenant id",
                "canarySteps[2].percent must be 1 to 100, not -5", "must end at 100 percent, not 50")) {
            assertTrue(invalid.getMessage().contains(problem), problem + " in: " + invalid.getMessage());
        }
        Thread.sleep(300);
        assertTrue(jobsOf(run).isEmpty(), "no Job for a bad spec");
    }

    /** Stopped and started again: it knows only what the cluster holds. */
    private void restart() {
        operator.stop();
        operator.start();
    }

    private TrainingRun create(TrainingRun run) {
        return client.resources(TrainingRun.class).inNamespace(ns).resource(run).create();
    }

    private TrainingRun get(TrainingRun run) {
        return client.resources(TrainingRun.class).inNamespace(ns).withName(run.getMetadata().getName()).get();
    }

    private ModelRollout rollout(String name) {
        return client.resources(ModelRollout.class).inNamespace(ns).withName(name).get();
    }

    private Job job(TrainingRun run) throws InterruptedException {
        return await("Job of " + run.getMetadata().getName(), WAIT, () -> jobsOf(run).isEmpty() ? null : jobsOf(run).get(0));
    }


    private List<Job> jobsOf(TrainingRun run) {
        return client.batch().v1().jobs().inNamespace(ns).withLabel(TrainingJobs.RUN_LABEL, run.getMetadata().getUid())
                .list().getItems();
    }

    private void setSuspend(TrainingRun run, boolean suspend) throws InterruptedException {
        onConflictRetry(() -> client.resources(TrainingRun.class).inNamespace(ns).withName(run.getMetadata().getName())
                .edit(r -> {
                    r.getSpec().suspend = suspend;
                    return r;
                }));
    }

    /**
     * Waits until the run is in {@code phase} and the operator is done with it for now. Against the
     * mock server, a spec edit made while the operator was patching the run's status was now and then
     * never acted on (seen in about one run in five: the Job did not follow the edit within 20 s,
     * until the operator's 30 s recheck); why was not pinned down. The tests that edit a run's spec
     * therefore edit it between reconciles, as a person typing kubectl would.
     */
    private void awaitSettled(TrainingRun run, String phase) throws InterruptedException {
        awaitStatus(run, r -> phase.equals(r.getStatus().phase)
                && r.getMetadata().getGeneration().equals(r.getStatus().observedGeneration));
        Thread.sleep(1000);
    }

    private TrainingRun awaitStatus(TrainingRun run, java.util.function.Predicate<TrainingRun> test)
            throws InterruptedException {
        return await("status of " + run.getMetadata().getName(), WAIT, () -> {
            TrainingRun r = get(run);
            return r != null && r.getStatus() != null && test.test(r) ? r : null;
        });
    }

    private List<String> events(TrainingRun run) {
        return client.v1().events().inNamespace(ns).list().getItems().stream()
                .filter(e -> run.getMetadata().getName().equals(e.getInvolvedObject().getName()))
                .map(Event::getReason).toList();
    }

    private static Optional<Condition> condition(TrainingRun run, String type) {
        return run.getStatus().conditions.stream().filter(c -> c.getType().equals(type)).findFirst();
    }

    private static EnvVar env(Container container, String name) {
        return container.getEnv().stream().filter(e -> e.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no env " + name));
    }

    private static String name(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
    }
}
