package io.plus.operator;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * The operator against the fabric8 mock server (CRUD mode): its CRDs applied there, no server-side
 * apply (the mock server does not speak it), no leader election, serving off.
 */
public class OperatorTestProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.operator-sdk.crd.apply", "true",
                "quarkus.operator-sdk.enable-ssa", "false",
                "quarkus.operator-sdk.close-client-on-stop", "false",
                "plus.operator.leader-election", "false",
                "plus.serve.enabled", "false");
    }
}
