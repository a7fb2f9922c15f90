package io.plus.operator.training;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.PodFailurePolicyRule;
import io.plus.operator.api.TrainingRun;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingJobsTest {
    private static final String UID = "6f1c2a9e-0b7d-4e55-9a31-2c4d5e6f7a8b";

    private static TrainingRun run(String name) {
        TrainingRun run = ClusterFixtures.run(name, "ml");
        run.getMetadata().setUid(UID);
        return run;
    }

    @Test
    void aLongRunNameStillMakesAValidJobNameAndLabel() {
        String name = "nightly-" + "a".repeat(46) + ".b-training-for-every-tenant";
        Job job = TrainingJobs.build(run(name));
        String jobName = job.getMetadata().getName();
        assertTrue(jobName.length() <= 63, jobName);
        assertTrue(jobName.matches("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"), "a valid name: " + jobName);
        assertEquals(UID, job.getMetadata().getLabels().get(TrainingJobs.RUN_LABEL), "the label holds the UID");
        assertTrue(TrainingJobs.modelVersion(run(name)).endsWith("-6f1c2a9e"));
    }

    @Test
    void exitCodesThatARetryCannotMendFailTheJobAtOnce() {
        PodFailurePolicyRule rule = TrainingJobs.build(run("r")).getSpec().getPodFailurePolicy().getRules().get(0);
        assertEquals("FailJob", rule.getAction());
        assertEquals(List.of(2, 3), rule.getOnExitCodes().getValues());
        assertEquals("trainer", rule.getOnExitCodes().getContainerName());
    }

    @Test
    void theTrainerPodIsHardenedAndGetsNoApiToken() {
        PodSpec pod = TrainingJobs.build(run("r")).getSpec().getTemplate().getSpec();
        assertEquals(false, pod.getAutomountServiceAccountToken());
        assertEquals(true, pod.getSecurityContext().getRunAsNonRoot());
        assertEquals("RuntimeDefault", pod.getSecurityContext().getSeccompProfile().getType());
        Container trainer = pod.getContainers().get(0);
        assertEquals(true, trainer.getSecurityContext().getReadOnlyRootFilesystem());
        assertEquals(false, trainer.getSecurityContext().getAllowPrivilegeEscalation());
        assertEquals(List.of("ALL"), trainer.getSecurityContext().getCapabilities().getDrop());
        assertEquals(List.of("/models", "/tmp"), trainer.getVolumeMounts().stream().map(m -> m.getMountPath()).toList());
        assertTrue(pod.getVolumes().stream().anyMatch(v -> v.getEmptyDir() != null), "/tmp is an emptyDir");
    }
}
