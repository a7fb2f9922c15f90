package io.plus.operator.training;

import io.plus.operator.status.Conditions;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.quarkiverse.operatorsdk.annotations.RBACRule;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.plus.operator.api.Evaluation;
import io.plus.operator.api.PlusApi;
import io.plus.operator.api.Promotion;
import io.plus.operator.api.TrainingRun;
import io.plus.operator.api.TrainingRunStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Runs a TrainingRun: one Job, created idempotently and owned by the run; its progress and outcome
 * in the run's status; on success the evaluation gate, then the rollout ({@link CanaryWalk}) or the
 * rejection with its reason. Deleting the run deletes its Job. Every transition is also an Event.
 */
@ControllerConfiguration(name = TrainingRunReconciler.NAME)
@RBACRule(apiGroups = "batch", resources = "jobs", verbs = {"get", "list", "watch", "create", "patch", "update", "delete"})
@RBACRule(apiGroups = "", resources = "pods", verbs = {"get", "list"})
@RBACRule(apiGroups = "", resources = "events", verbs = {"create"})
@RBACRule(apiGroups = PlusApi.GROUP, resources = "modelrollouts", verbs = {"get", "list", "watch", "patch", "update"})
@RBACRule(apiGroups = "coordination.k8s.io", resources = "leases", verbs = {"get", "create", "update"})
public class TrainingRunReconciler implements Reconciler<TrainingRun>, Cleaner<TrainingRun> {
    public static final String NAME = "trainingrun";
    /** A safety net: Job changes arrive as events, but a missed one must not stall a run. */
    private static final Duration RECHECK = Duration.ofSeconds(30);

    static final String JOB_CREATED = "JobCreated";
    static final String RUNNING = "Running";
    static final String SUSPENDED = "Suspended";
    static final String SUCCEEDED = "Succeeded";
    static final String FAILED = "Failed";
    static final String EVALUATED = "Evaluated";
    static final String PROMOTED = "Promoted";
    static final String REJECTED = "Rejected";
    static final String SPEC_CHANGE_IGNORED = "SpecChangeIgnored";

    private final KubernetesClient client;
    private final CanaryWalk canary;

    public TrainingRunReconciler(KubernetesClient client) {
        this.client = client;
        this.canary = new CanaryWalk(client);
    }

    @Override
    public List<EventSource<?, TrainingRun>> prepareEventSources(EventSourceContext<TrainingRun> context) {
        // Jobs carrying the run label, mapped back to their run by the owner reference
        return List.of(new InformerEventSource<>(InformerEventSourceConfiguration.from(Job.class, TrainingRun.class)
                .withLabelSelector(TrainingJobs.RUN_LABEL).build(), context));
    }

    @Override
    public UpdateControl<TrainingRun> reconcile(TrainingRun run, Context<TrainingRun> context) {
        TrainingRunStatus status = run.getStatus() != null ? run.getStatus() : new TrainingRunStatus();
        run.setStatus(status);
        RunState state = new RunState(run, client);
        if (state.isFinished()) {
            return state.observe() ? UpdateControl.patchStatus(run) : UpdateControl.noUpdate();
        }
        if (status.jobName == null) {
            List<String> problems = TrainingRunValidation.problems(run.getSpec());
            if (!problems.isEmpty()) {
                state.fail("InvalidSpec", String.join("; ", problems));
                return UpdateControl.patchStatus(run);
            }
        }
        if (Conditions.isTrue(status.conditions, EVALUATED)) { // the Job's work is done; its TTL may have removed it
            return canary.advance(run, state);
        }
        Optional<Job> job = context.getSecondaryResource(Job.class).or(() -> find(run));
        if (job.isEmpty()) {
            if (status.jobName != null) {
                state.fail("JobDeleted", "Job " + status.jobName + " disappeared before the run finished");
                return UpdateControl.patchStatus(run);
            }
            Job created = create(run);
            status.jobName = created.getMetadata().getName();
            status.specDigest = TrainingJobs.specDigest(run);
            status.promotion = promotionOf(run);
            status.startTime = Instant.now().toString();
            state.transition(JOB_CREATED, Conditions.TRUE, "JobCreated", "created Job " + status.jobName);
            state.phase("Pending", "waiting for the trainer pod");
            return UpdateControl.patchStatus(run).rescheduleAfter(RECHECK);
        }
        if (status.jobName == null) { // created by an operator that stopped before recording it
            status.jobName = job.get().getMetadata().getName();
            status.specDigest = TrainingJobs.specDigest(run);
            status.promotion = promotionOf(run);
            status.startTime = Instant.now().toString();
            state.transition(JOB_CREATED, Conditions.TRUE, "JobFound", "found Job " + status.jobName);
        }
        guardSpec(run, state);
        syncSuspend(run, job.get(), state);
        JobProgress progress = JobProgress.of(job.get(), pods(run));
        return follow(run, state, progress);
    }

    private UpdateControl<TrainingRun> follow(TrainingRun run, RunState state, JobProgress progress) {
        TrainingRunStatus status = run.getStatus();
        switch (progress.state()) {
            case PENDING -> {
                state.transition(RUNNING, Conditions.FALSE, progress.reason(), progress.message());
                state.phase(Boolean.TRUE.equals(run.getSpec().suspend) ? "Suspended" : "Pending", progress.message());
            }
            case SUSPENDED -> {
                state.transition(SUSPENDED, Conditions.TRUE, progress.reason(), progress.message());
                state.transition(RUNNING, Conditions.FALSE, progress.reason(), progress.message());
                state.phase("Suspended", progress.message());
            }
            case RUNNING -> {
                state.transition(SUSPENDED, Conditions.FALSE, "Resumed", "the Job runs");
                state.transition(RUNNING, Conditions.TRUE, progress.reason(), progress.message());
                state.phase("Running", progress.message());
            }
            case FAILED -> {
                status.completionTime = Instant.now().toString();
                String why = progress.terminationMessage().flatMap(TerminationReport::parse)
                        .map(r -> r.outcome() + ": " + r.message()).orElse(progress.message());
                String reason = progress.exitCode().filter(code -> code == 3).map(code -> "InsufficientData")
                        .orElse(progress.reason());
                state.transition(RUNNING, Conditions.FALSE, reason, why);
                state.fail(reason, why);
                return UpdateControl.patchStatus(run);
            }
            case SUCCEEDED -> {
                return succeeded(run, state, progress);
            }
        }
        return UpdateControl.patchStatus(run).rescheduleAfter(RECHECK);
    }

    private UpdateControl<TrainingRun> succeeded(TrainingRun run, RunState state, JobProgress progress) {
        TrainingRunStatus status = run.getStatus();
        if (!Conditions.isTrue(status.conditions, SUCCEEDED)) {
            status.completionTime = Instant.now().toString();
            state.transition(RUNNING, Conditions.FALSE, "JobComplete", "the trainer finished");
            state.transition(SUCCEEDED, Conditions.TRUE, "JobComplete", "the Job completed");
        }
        if (!Conditions.isTrue(status.conditions, EVALUATED)) {
            Optional<TerminationReport> report = progress.terminationMessage().flatMap(TerminationReport::parse);
            if (report.isEmpty() || !report.get().registered()) {
                state.fail("NoCandidate", report.map(r -> "the trainer reported " + r.outcome() + ": " + r.message())
                        .orElse("the trainer left no termination message naming its candidate"));
                return UpdateControl.patchStatus(run);
            }
            TerminationReport r = report.get();
            status.modelVersion = r.modelVersion();
            status.candidateMetrics = EvaluationGate.flatten(r.metrics());
            status.activeMetrics = EvaluationGate.flatten(r.baselineMetrics());
            Evaluation evaluation = EvaluationGate.decide(status.promotion, r.metrics(), r.baselineVersion(),
                    r.baselineMetrics());
            status.evaluation = evaluation;
            boolean passed = EvaluationGate.PASSED.equals(evaluation.decision);
            state.transition(EVALUATED, Conditions.TRUE, passed ? "GatePassed" : "GateFailed", evaluation.reason);
            if (!passed) {
                state.transition(REJECTED, Conditions.TRUE, "GateFailed", evaluation.reason);
                state.transition(PROMOTED, Conditions.FALSE, "GateFailed", evaluation.reason);
                state.phase("Rejected", evaluation.reason);
                state.event("Warning", REJECTED, "candidate " + status.modelVersion + " rejected: " + evaluation.reason);
                return UpdateControl.patchStatus(run);
            }
        }
        return canary.advance(run, state);
    }

    /** Only suspend may change once the Job exists; any other edit is reported and ignored. */
    private static void guardSpec(TrainingRun run, RunState state) {
        TrainingRunStatus status = run.getStatus();
        if (status.specDigest != null && !status.specDigest.equals(TrainingJobs.specDigest(run))) {
            state.transition(SPEC_CHANGE_IGNORED, Conditions.TRUE, "SpecImmutable",
                    "the spec changed after Job " + status.jobName + " was created; only suspend is applied. "
                            + "Create a new TrainingRun to train differently");
        }
    }

    private void syncSuspend(TrainingRun run, Job job, RunState state) {
        boolean wanted = Boolean.TRUE.equals(run.getSpec().suspend);
        boolean current = Boolean.TRUE.equals(job.getSpec().getSuspend());
        if (wanted != current) {
            client.batch().v1().jobs().inNamespace(job.getMetadata().getNamespace()).withName(job.getMetadata().getName())
                    .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"suspend\":" + wanted + "}}");
            state.event("Normal", wanted ? "Suspended" : "Resumed", (wanted ? "suspended" : "resumed") + " Job "
                    + job.getMetadata().getName());
        }
    }

    private Job create(TrainingRun run) {
        Job job = TrainingJobs.build(run);
        try {
            return client.batch().v1().jobs().inNamespace(job.getMetadata().getNamespace()).resource(job).create();
        } catch (KubernetesClientException e) {
            if (e.getCode() == 409) { // made by a reconcile this one did not see yet: the same Job
                return find(run).orElseThrow(() -> e);
            }
            throw e;
        }
    }

    /** The promotion policy the run started with: later edits of the spec do not move the gate. */
    private static Promotion promotionOf(TrainingRun run) {
        return run.getSpec().promotion != null ? run.getSpec().promotion : new Promotion();
    }

    private Optional<Job> find(TrainingRun run) {
        return Optional.ofNullable(client.batch().v1().jobs().inNamespace(run.getMetadata().getNamespace())
                .withName(TrainingJobs.jobName(run)).get());
    }

    private List<Pod> pods(TrainingRun run) {
        return client.pods().inNamespace(run.getMetadata().getNamespace())
                .withLabel("job-name", TrainingJobs.jobName(run)).list().getItems();
    }

    @Override
    public DeleteControl cleanup(TrainingRun run, Context<TrainingRun> context) {
        // owner references let a cluster's garbage collector do this too; done here so it never waits on one
        client.batch().v1().jobs().inNamespace(run.getMetadata().getNamespace()).withName(TrainingJobs.jobName(run))
                .withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
        return DeleteControl.defaultDelete();
    }
}
