package io.plus.operator.training;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.plus.operator.api.CanaryStep;
import io.plus.operator.api.DatabaseReference;
import io.plus.operator.api.ModelRollout;
import io.plus.operator.api.ModelRolloutSpec;
import io.plus.operator.api.ModelStore;
import io.plus.operator.api.Promotion;
import io.plus.operator.api.TrainingRun;
import io.plus.operator.api.TrainingRunSpec;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** What the operator tests put into the mock cluster, and how they play the Job's part. */
public final class ClusterFixtures {
    private ClusterFixtures() {
    }

    public static TrainingRun run(String name, String namespace) {
        TrainingRunSpec spec = new TrainingRunSpec();
        spec.tenants = List.of("acme");
        spec.image = "registry.example/plus:0.1.0-cuda";
        spec.database = new DatabaseReference();
        spec.database.url = "postgresql://postgres.plus:5432/plus";
        spec.database.credentialsSecret = "plus-db";
        spec.modelStore = new ModelStore();
        spec.modelStore.persistentVolumeClaim = "plus-models";
        spec.resources = new ResourceRequirementsBuilder().addToLimits("nvidia.com/gpu", new Quantity("1"))
                .addToRequests("cpu", new Quantity("2")).addToRequests("memory", new Quantity("8Gi")).build();
        spec.nodeSelector = Map.of("nvidia.com/gpu.present", "true");
        spec.tolerations = List.of(new TolerationBuilder().withKey("nvidia.com/gpu").withOperator("Exists")
                .withEffect("NoSchedule").build());
        spec.activeDeadlineSeconds = 3600L;
        spec.backoffLimit = 1;
        spec.ttlSecondsAfterFinished = 86400;
        TrainingRun run = new TrainingRun();
        run.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
        run.setSpec(spec);
        return run;
    }

    public static TrainingRun automatic(TrainingRun run, String rollout, double minimum, double maxRegression,
                                 int... percents) {
        Promotion promotion = run.getSpec().promotion;
        promotion.policy = Promotion.AUTOMATIC;
        promotion.rollout = rollout;
        promotion.minimum = minimum;
        promotion.maxRegression = maxRegression;
        promotion.canarySteps = new ArrayList<>();
        for (int percent : percents) {
            CanaryStep step = new CanaryStep();
            step.percent = percent;
            step.hold = "1s";
            promotion.canarySteps.add(step);
        }
        return run;
    }

    public static ModelRollout rollout(String namespace, String name, String stable) {
        ModelRollout rollout = new ModelRollout();
        rollout.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
        rollout.setSpec(new ModelRolloutSpec());
        rollout.getSpec().stableVersion = stable;
        return rollout;
    }

    /** The trainer pod's end, as the kubelet reports it: exit code and termination message. */
    public static void trainerFinished(KubernetesClient client, Job job, int exitCode, String terminationMessage) {
        String namespace = job.getMetadata().getNamespace();
        Pod pod = new PodBuilder().withNewMetadata().withName(job.getMetadata().getName() + "-pod1")
                .withNamespace(namespace).addToLabels("job-name", job.getMetadata().getName()).endMetadata()
                .withNewSpec().addNewContainer().withName("trainer").withImage("x").endContainer().endSpec()
                .build();
        client.pods().inNamespace(namespace).resource(pod).create();
        client.pods().inNamespace(namespace).withName(pod.getMetadata().getName()).editStatus(p -> new PodBuilder(p)
                .withNewStatus().withPhase(exitCode == 0 ? "Succeeded" : "Failed").addNewContainerStatus()
                .withName("trainer").withNewState().withNewTerminated().withExitCode(exitCode)
                .withMessage(terminationMessage).withFinishedAt(Instant.now().toString()).endTerminated()
                .endState().endContainerStatus().endStatus().build());
    }

    /** The Job controller's part: a condition of {@code type} with {@code reason}. */
    public static void jobCondition(KubernetesClient client, Job job, String type, String reason, String message) {
        client.batch().v1().jobs().inNamespace(job.getMetadata().getNamespace()).withName(job.getMetadata().getName())
                .editStatus(j -> {
                    j.setStatus(new JobStatusBuilder().withActive(0).withSucceeded("Complete".equals(type) ? 1 : 0)
                            .withFailed("Failed".equals(type) ? 1 : 0).addToConditions(new JobConditionBuilder()
                                    .withType(type).withStatus("True").withReason(reason).withMessage(message)
                                    .withLastTransitionTime(Instant.now().toString()).build()).build());
                    return j;
                });
    }

    public static void jobActive(KubernetesClient client, Job job) {
        client.batch().v1().jobs().inNamespace(job.getMetadata().getNamespace()).withName(job.getMetadata().getName())
                .editStatus(j -> {
                    j.setStatus(new JobStatusBuilder().withActive(1).withStartTime(Instant.now().toString()).build());
                    return j;
                });
    }

    public static String registered(String version, double candidate, String active, double activeAccuracy) {
        return "{\"outcome\":\"registered\",\"exitCode\":0,\"message\":\"registered candidate " + version + "\","
                + "\"modelVersion\":\"" + version + "\","
                + "\"metrics\":{\"test-unseen-users\":{\"pairs\":900,\"accuracy\":" + candidate + ",\"nll\":0.4},"
                + "\"test-seen-users\":{\"pairs\":1800,\"accuracy\":0.9,\"nll\":0.3}},"
                + "\"baselineVersion\":\"" + active + "\","
                + "\"baselineMetrics\":{\"test-unseen-users\":{\"pairs\":900,\"accuracy\":" + activeAccuracy
                + ",\"nll\":0.45}}}";
    }

    /** Edits race with the operator's own status updates, as kubectl's do: on a conflict, read again and retry. */
    public static void onConflictRetry(Runnable edit) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                edit.run();
                return;
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409 || attempt == 20) {
                    throw e;
                }
                Thread.sleep(20);
            }
        }
    }

    public static <T> T await(String what, Duration timeout, Supplier<T> probe) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            T value = probe.get();
            if (value != null && !Boolean.FALSE.equals(value)) {
                return value;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("timed out waiting for " + what);
    }
}
