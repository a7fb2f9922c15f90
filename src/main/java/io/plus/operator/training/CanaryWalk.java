package io.plus.operator.training;

import io.plus.operator.status.Conditions;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.plus.operator.api.CanaryStep;
import io.plus.operator.api.ModelRollout;
import io.plus.operator.api.ModelRolloutSpec;
import io.plus.operator.api.Promotion;
import io.plus.operator.api.TrainingRun;
import io.plus.operator.api.TrainingRunStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Walks a passing candidate through its run's canary steps on the ModelRollout: each step sets the
 * candidate's percent and is held for its duration; reaching 100 percent makes the candidate the
 * stable version (the rollout keeps the previous one for rollback). A manual policy stops before
 * the first step and says how to promote by hand. If someone else changes the rollout's candidate
 * meanwhile, the walk stops (Aborted) rather than fight them.
 */
final class CanaryWalk {
    private static final Duration RETRY = Duration.ofSeconds(30);
    private final KubernetesClient client;

    CanaryWalk(KubernetesClient client) {
        this.client = client;
    }

    UpdateControl<TrainingRun> advance(TrainingRun run, RunState state) {
        TrainingRunStatus status = run.getStatus();
        Promotion promotion = status.promotion != null ? status.promotion : new Promotion();
        if (!Promotion.AUTOMATIC.equals(promotion.policy)) {
            String how = "promotion is manual: set ModelRollout " + promotion.rollout + " spec.candidate to "
                    + status.modelVersion + " with a percent, or spec.stableVersion to " + status.modelVersion;
            state.transition(TrainingRunReconciler.PROMOTED, Conditions.FALSE, "AwaitingManualPromotion", how);
            state.phase("Evaluated", how);
            return UpdateControl.patchStatus(run);
        }
        ModelRollout rollout = client.resources(ModelRollout.class).inNamespace(run.getMetadata().getNamespace())
                .withName(promotion.rollout).get();
        if (rollout == null) {
            String why = "ModelRollout " + promotion.rollout + " does not exist in " + run.getMetadata().getNamespace();
            state.transition(TrainingRunReconciler.PROMOTED, Conditions.FALSE, "RolloutNotFound", why);
            state.phase("Promoting", why);
            return UpdateControl.patchStatus(run).rescheduleAfter(RETRY);
        }
        List<CanaryStep> steps = promotion.canarySteps == null ? List.of() : promotion.canarySteps;
        if (status.modelVersion.equals(rollout.getSpec().stableVersion)) { // promoted before the status was recorded
            return promoted(run, state, promotion);
        }
        String compared = status.evaluation == null ? null : status.evaluation.activeVersion;
        boolean stableMoved = compared != null && !compared.equals(rollout.getSpec().stableVersion);
        if (stableMoved || (status.canaryStep != null && !ours(rollout, status.modelVersion))) {
            String why = stableMoved
                    ? "ModelRollout " + promotion.rollout + " now serves " + rollout.getSpec().stableVersion
                            + ", not " + compared + " that the candidate was measured against; not promoted"
                    : "ModelRollout " + promotion.rollout + " was changed by someone else during the canary; stopped";
            state.transition(TrainingRunReconciler.PROMOTED, Conditions.FALSE, "Superseded", why);
            state.phase("Aborted", why);
            state.event("Warning", "Superseded", why);
            return UpdateControl.patchStatus(run);
        }
        int next = status.canaryStep == null ? 0 : status.canaryStep + 1;
        if (status.canaryStep != null) {
            Duration hold = Holds.parse(steps.get(status.canaryStep).hold);
            Duration left = Duration.between(Instant.now(), Instant.parse(status.canaryStepSince).plus(hold));
            if (!left.isNegative() && !left.isZero()) {
                return UpdateControl.patchStatus(run).rescheduleAfter(left.plusMillis(50));
            }
        }
        if (next >= steps.size() || steps.get(next).percent >= 100) {
            promote(rollout, status.modelVersion);
            return promoted(run, state, promotion);
        }
        CanaryStep step = steps.get(next);
        setCandidate(rollout, status.modelVersion, step.percent);
        status.canaryStep = next;
        status.canaryStepSince = Instant.now().toString();
        String holding = "canary step " + (next + 1) + "/" + steps.size() + ": " + step.percent + "% of users for "
                + step.hold;
        state.transition(TrainingRunReconciler.PROMOTED, Conditions.FALSE, "CanaryInProgress", holding);
        state.phase("Promoting", holding);
        state.event("Normal", "CanaryStep", holding);
        return UpdateControl.patchStatus(run).rescheduleAfter(Holds.parse(step.hold).plusMillis(50));
    }

    private static UpdateControl<TrainingRun> promoted(TrainingRun run, RunState state, Promotion promotion) {
        String done = run.getStatus().modelVersion + " is the stable version of ModelRollout " + promotion.rollout;
        state.transition(TrainingRunReconciler.PROMOTED, Conditions.TRUE, "Promoted", done);
        state.phase("Promoted", done);
        return UpdateControl.patchStatus(run);
    }

    private static boolean ours(ModelRollout rollout, String version) {
        ModelRolloutSpec.Candidate candidate = rollout.getSpec().candidate;
        return candidate != null && version.equals(candidate.version);
    }

    private void setCandidate(ModelRollout rollout, String version, int percent) {
        client.resources(ModelRollout.class).inNamespace(rollout.getMetadata().getNamespace())
                .withName(rollout.getMetadata().getName()).edit(r -> {
                    ModelRolloutSpec.Candidate candidate = new ModelRolloutSpec.Candidate();
                    candidate.version = version;
                    candidate.percent = percent;
                    r.getSpec().candidate = candidate;
                    return r;
                });
    }

    private void promote(ModelRollout rollout, String version) {
        client.resources(ModelRollout.class).inNamespace(rollout.getMetadata().getNamespace())
                .withName(rollout.getMetadata().getName()).edit(r -> {
                    r.getSpec().stableVersion = version;
                    r.getSpec().candidate = null;
                    return r;
                });
    }
}
