package io.plus.operator.training;

import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Where a Job stands, read from its status (Complete, Failed with Kubernetes' reason such as
 * BackoffLimitExceeded or DeadlineExceeded, Suspended) and from its newest finished trainer pod:
 * the termination message train-run wrote, and its exit code.
 */
record JobProgress(State state, String reason, String message, Optional<String> terminationMessage,
                   Optional<Integer> exitCode, int activePods) {
    enum State { PENDING, RUNNING, SUSPENDED, SUCCEEDED, FAILED }

    static JobProgress of(Job job, List<Pod> pods) {
        JobStatus status = job.getStatus();
        Optional<ContainerStateTerminated> finished = newestTermination(pods);
        Optional<String> termination = finished.map(ContainerStateTerminated::getMessage).filter(m -> !m.isBlank());
        Optional<Integer> exitCode = finished.map(ContainerStateTerminated::getExitCode);
        int active = status == null || status.getActive() == null ? 0 : status.getActive();
        if (status != null) {
            Optional<JobCondition> complete = condition(status, "Complete");
            if (complete.isPresent()) {
                return new JobProgress(State.SUCCEEDED, "JobComplete", "the Job completed", termination, exitCode, 0);
            }
            Optional<JobCondition> failed = condition(status, "Failed");
            if (failed.isPresent()) {
                String reason = failed.get().getReason() == null ? "JobFailed" : failed.get().getReason();
                String message = failed.get().getMessage() == null ? reason : failed.get().getMessage();
                return new JobProgress(State.FAILED, reason, message, termination, exitCode, 0);
            }
            if (condition(status, "Suspended").isPresent()) {
                return new JobProgress(State.SUSPENDED, "JobSuspended", "the Job is suspended", termination, exitCode, 0);
            }
        }
        if (active > 0) {
            return new JobProgress(State.RUNNING, "PodsRunning", active + " trainer pod(s) running", termination,
                    exitCode, active);
        }
        return new JobProgress(State.PENDING, "JobPending", "waiting for the trainer pod", termination, exitCode, 0);
    }

    private static Optional<JobCondition> condition(JobStatus status, String type) {
        return status.getConditions() == null ? Optional.empty() : status.getConditions().stream()
                .filter(c -> type.equals(c.getType()) && "True".equals(c.getStatus())).findFirst();
    }

    private static Optional<ContainerStateTerminated> newestTermination(List<Pod> pods) {
        return pods.stream()
                .filter(p -> p.getStatus() != null && p.getStatus().getContainerStatuses() != null)
                .flatMap(p -> p.getStatus().getContainerStatuses().stream())
                .filter(c -> TrainingJobs.CONTAINER.equals(c.getName()))
                .map(ContainerStatus::getState)
                .filter(s -> s != null && s.getTerminated() != null)
                .map(s -> s.getTerminated())
                .max(Comparator.comparing(t -> t.getFinishedAt() == null ? "" : t.getFinishedAt()));
    }
}
