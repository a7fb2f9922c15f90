package io.plus.operator.rollout;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.plus.operator.api.ModelRollout;
import io.plus.operator.api.ModelRolloutSpec;
import io.plus.operator.api.ModelRolloutStatus;
import io.plus.operator.status.Conditions;
import io.plus.operator.status.ResourceEvents;
import io.quarkiverse.operatorsdk.annotations.RBACRule;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Makes the model registry serve what a ModelRollout declares: its stable version active, its
 * candidate (if any) the canary at its percent, nothing else. The rollout is the source of truth:
 * a registry changed by hand is set back. Setting the stable version to the previous one is the
 * rollback. Ready says whether every serving instance reports what the rollout asks for.
 */
@ControllerConfiguration(name = ModelRolloutReconciler.NAME)
@RBACRule(apiGroups = "", resources = "events", verbs = {"create"})
public class ModelRolloutReconciler implements Reconciler<ModelRollout> {
    public static final String NAME = "modelrollout";
    static final String READY = "Ready";
    static final String PROGRESSING = "Progressing";
    static final String ROLLED_BACK = "RolledBack";

    /** While instances catch up they report within a second of hearing of the change, or at their next check. */
    private static final Duration FOLLOW = Duration.ofSeconds(1);
    private static final Duration UNREACHABLE_RETRY = Duration.ofSeconds(10);
    private static final Duration REFUSED_RETRY = Duration.ofSeconds(30);
    /** A safety net that also sets back a registry changed by hand. */
    private static final Duration RECHECK = Duration.ofSeconds(15);

    private final KubernetesClient client;
    private final Optional<RegistryClient> registry;

    public ModelRolloutReconciler(KubernetesClient client,
                                  @ConfigProperty(name = "plus.operator.registry-url") Optional<URI> registryUrl,
                                  @ConfigProperty(name = "plus.operator.registry-token") Optional<String> token) {
        this.client = client;
        this.registry = registryUrl.map(url -> new RegistryClient(url, token));
    }

    @Override
    public UpdateControl<ModelRollout> reconcile(ModelRollout rollout, Context<ModelRollout> context) {
        ModelRolloutStatus status = rollout.getStatus() != null ? rollout.getStatus() : new ModelRolloutStatus();
        rollout.setStatus(status);
        String before = client.getKubernetesSerialization().asJson(status);
        status.observedGeneration = rollout.getMetadata().getGeneration();
        Duration next;
        if (registry.isEmpty()) {
            condition(rollout, READY, Conditions.FALSE, "RegistryNotConfigured",
                    "the operator has no registry URL (PLUS_OPERATOR_REGISTRY_URL): nothing is applied");
            next = null;
        } else {
            try {
                next = ready(rollout, apply(rollout, registry.get()));
            } catch (RegistryException e) {
                condition(rollout, READY, Conditions.FALSE, e.refused() ? "RegistryRefused" : "RegistryUnreachable",
                        e.getMessage());
                next = e.refused() ? REFUSED_RETRY : UNREACHABLE_RETRY;
            }
        }
        // an unchanged status is not written again: the periodic recheck would otherwise patch every rollout
        UpdateControl<ModelRollout> control = before.equals(client.getKubernetesSerialization().asJson(status))
                ? UpdateControl.noUpdate() : UpdateControl.patchStatus(rollout);
        return next == null ? control : control.rescheduleAfter(next);
    }

    /** Activates the stable version, then sets or ends the canary; returns the registry as it is afterwards. */
    private RegistryState apply(ModelRollout rollout, RegistryClient registry) throws RegistryException {
        ModelRolloutSpec spec = rollout.getSpec();
        ModelRolloutStatus status = rollout.getStatus();
        RegistryState state = registry.state();
        if (!spec.stableVersion.equals(state.active())) {
            registry.activate(spec.stableVersion);
            recordStableChange(rollout, state.active());
            state = registry.state(); // activating a canary's version ends that canary
        }
        status.appliedStableVersion = spec.stableVersion;
        if (!state.canaryMatches(spec.candidate)) {
            if (spec.candidate == null) {
                registry.stopCanary();
                event(rollout, "Normal", "CanaryEnded", "canary " + state.canary().version() + " ended");
            } else {
                registry.startCanary(spec.candidate.version, spec.candidate.percent);
                event(rollout, "Normal", "CanaryUpdated", spec.candidate.version + " serves "
                        + spec.candidate.percent + "% of users");
            }
            state = registry.state();
        }
        if (spec.candidate == null) {
            condition(rollout, PROGRESSING, Conditions.FALSE, "Stable", "every user gets " + spec.stableVersion);
        } else {
            condition(rollout, PROGRESSING, Conditions.TRUE, "CanaryServing", spec.candidate.version + " serves "
                    + spec.candidate.percent + "% of users beside " + spec.stableVersion);
        }
        return state;
    }

    private void recordStableChange(ModelRollout rollout, String replaced) {
        ModelRolloutStatus status = rollout.getStatus();
        String stable = rollout.getSpec().stableVersion;
        boolean back = stable.equals(status.previousStableVersion);
        if (replaced != null) {
            status.previousStableVersion = replaced;
        }
        String what = replaced == null ? stable + " is active" : stable + " is active in place of " + replaced;
        if (back) {
            condition(rollout, ROLLED_BACK, Conditions.TRUE, "RolledBack", "rolled back: " + what);
            event(rollout, "Warning", "RolledBack", "rolled back: " + what);
        } else {
            condition(rollout, ROLLED_BACK, Conditions.FALSE, "NewStableVersion", what);
            event(rollout, "Normal", "StableVersionActivated", what);
        }
    }

    /** Sets Ready from the instances' reports; returns when to look again. */
    private Duration ready(ModelRollout rollout, RegistryState state) {
        ModelRolloutStatus status = rollout.getStatus();
        status.loadedVersions = state.loadedVersions();
        List<RegistryState.Instance> behind = state.instances().stream()
                .filter(instance -> !instance.serves(rollout.getSpec())).toList();
        if (state.instances().isEmpty()) {
            condition(rollout, READY, Conditions.FALSE, "NoServingInstances",
                    "the registry is set; no serving instance has reported what it loaded yet");
            return FOLLOW;
        }
        if (!behind.isEmpty()) {
            condition(rollout, READY, Conditions.FALSE, "InstancesFollowing", behind.size() + " of "
                    + state.instances().size() + " serving instances still load another version (e.g. "
                    + behind.get(0).id() + " serves " + behind.get(0).activeVersion() + ")");
            return FOLLOW;
        }
        condition(rollout, READY, Conditions.TRUE, "Serving", "all " + state.instances().size()
                + " serving instances serve what the rollout asks for");
        return RECHECK;
    }

    private static void condition(ModelRollout rollout, String type, String status, String reason, String message) {
        Conditions.set(rollout.getStatus().conditions, type, status, reason, message,
                rollout.getMetadata().getGeneration());
    }

    private void event(ModelRollout rollout, String type, String reason, String message) {
        ResourceEvents.record(client, rollout, type, reason, message);
    }
}
