package io.plus.operator.rollout;

import io.plus.operator.api.ModelRolloutSpec;

import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/** The registry's active and canary versions, and what each serving instance reports as loaded. */
record RegistryState(String active, Canary canary, List<Instance> instances) {
    record Canary(String version, int percent) {
    }

    record Instance(String id, String activeVersion, String canaryVersion, Integer canaryPercent) {
        /** Whether this instance serves exactly the stable version and the candidate (if any) at its percent. */
        boolean serves(ModelRolloutSpec spec) {
            if (!spec.stableVersion.equals(activeVersion)) {
                return false;
            }
            if (spec.candidate == null) {
                return canaryVersion == null;
            }
            return spec.candidate.version.equals(canaryVersion) && Objects.equals(spec.candidate.percent, canaryPercent);
        }
    }

    /** Whether the registry's canary is the spec's candidate at its percent. */
    boolean canaryMatches(ModelRolloutSpec.Candidate candidate) {
        if (candidate == null) {
            return canary == null;
        }
        return canary != null && canary.version.equals(candidate.version)
                && Objects.equals(candidate.percent, canary.percent);
    }

    /** Every version some instance has loaded, sorted. */
    List<String> loadedVersions() {
        TreeSet<String> versions = new TreeSet<>();
        for (Instance instance : instances) {
            if (instance.activeVersion != null) {
                versions.add(instance.activeVersion);
            }
            if (instance.canaryVersion != null) {
                versions.add(instance.canaryVersion);
            }
        }
        return List.copyOf(versions);
    }
}
