package io.plus.operator.rollout;

import io.plus.operator.api.ModelRolloutSpec;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When an instance counts as serving what a rollout asks for, and which versions are loaded. */
class RegistryStateTest {
    @Test
    void anInstanceServesARolloutOnlyWithItsStableVersionAndExactlyItsCandidate() {
        ModelRolloutSpec stableOnly = spec("v2", null, null);
        assertTrue(new RegistryState.Instance("a", "v2", null, null).serves(stableOnly));
        assertFalse(new RegistryState.Instance("a", "v1", null, null).serves(stableOnly), "old stable version");
        assertFalse(new RegistryState.Instance("a", "v2", "v3", 10).serves(stableOnly), "a canary it should have ended");

        ModelRolloutSpec canary = spec("v2", "v3", 10);
        assertTrue(new RegistryState.Instance("a", "v2", "v3", 10).serves(canary));
        assertFalse(new RegistryState.Instance("a", "v2", "v3", 5).serves(canary), "the canary at an old percent");
        assertFalse(new RegistryState.Instance("a", "v2", null, null).serves(canary), "the canary not loaded yet");
        assertFalse(new RegistryState.Instance("a", null, null, null).serves(canary), "nothing loaded");
    }

    @Test
    void theRegistrysCanaryMatchesOnlyTheSameVersionAtTheSamePercent() {
        RegistryState state = new RegistryState("v2", new RegistryState.Canary("v3", 10), List.of());
        assertTrue(state.canaryMatches(spec("v2", "v3", 10).candidate));
        assertFalse(state.canaryMatches(spec("v2", "v3", 50).candidate));
        assertFalse(state.canaryMatches(spec("v2", "v4", 10).candidate));
        assertFalse(state.canaryMatches(null), "a canary the rollout does not ask for");
        assertTrue(new RegistryState("v2", null, List.of()).canaryMatches(null));
    }

    @Test
    void loadedVersionsAreEveryVersionSomeInstanceHoldsOnceAndSorted() {
        RegistryState state = new RegistryState("v2", null, List.of(new RegistryState.Instance("a", "v2", "v3", 10),
                new RegistryState.Instance("b", "v1", null, null), new RegistryState.Instance("c", "v2", null, null)));
        assertEquals(List.of("v1", "v2", "v3"), state.loadedVersions());
    }

    private static ModelRolloutSpec spec(String stable, String candidate, Integer percent) {
        ModelRolloutSpec spec = new ModelRolloutSpec();
        spec.stableVersion = stable;
        if (candidate != null) {
            spec.candidate = new ModelRolloutSpec.Candidate();
            spec.candidate.version = candidate;
            spec.candidate.percent = percent;
        }
        return spec;
    }
}
