package io.plus.operator.training;

import io.plus.operator.status.ResourceEvents;
import io.plus.operator.status.Conditions;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.plus.operator.api.TrainingRun;
import io.plus.operator.api.TrainingRunStatus;

import java.util.Objects;
import java.util.Set;

/**
 * The status of one run while it is reconciled: conditions stamped with the generation observed,
 * a phase for {@code kubectl get}, and an Event for every condition that changes.
 */
final class RunState {
    /** Nothing more happens to a run in these phases ("Evaluated": passed, waiting for a person to promote). */
    private static final Set<String> FINISHED = Set.of("Failed", "Rejected", "Promoted", "Aborted", "Evaluated");
    private final TrainingRun run;
    private final KubernetesClient client;

    RunState(TrainingRun run, KubernetesClient client) {
        this.run = run;
        this.client = client;
        status().observedGeneration = run.getMetadata().getGeneration();
    }

    TrainingRunStatus status() {
        return run.getStatus();
    }

    boolean isFinished() {
        return status().phase != null && FINISHED.contains(status().phase);
    }

    /** A finished run still says which generation it saw; true when that changed. */
    boolean observe() {
        Long generation = status().observedGeneration;
        boolean changed = status().conditions.stream().anyMatch(c -> !Objects.equals(c.getObservedGeneration(), generation));
        status().conditions.forEach(c -> c.setObservedGeneration(generation));
        return changed;
    }

    void transition(String type, String conditionStatus, String reason, String message) {
        boolean changed = Conditions.find(status().conditions, type)
                .map(c -> !c.getStatus().equals(conditionStatus) || !Objects.equals(c.getReason(), reason))
                .orElse(true);
        Conditions.set(status().conditions, type, conditionStatus, reason, message, status().observedGeneration);
        if (changed && Conditions.TRUE.equals(conditionStatus)) {
            event(TrainingRunReconciler.FAILED.equals(type) || TrainingRunReconciler.REJECTED.equals(type)
                    ? "Warning" : "Normal", reason, message);
        }
    }

    void phase(String phase, String progress) {
        status().phase = phase;
        status().progress = progress;
    }

    void fail(String reason, String message) {
        transition(TrainingRunReconciler.FAILED, Conditions.TRUE, reason, message);
        phase("Failed", message);
    }

    void event(String type, String reason, String message) {
        ResourceEvents.record(client, run, type, reason, message);
    }
}
