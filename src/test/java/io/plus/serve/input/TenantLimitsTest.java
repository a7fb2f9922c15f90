package io.plus.serve.input;

import io.plus.serve.ServeConfig;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Per-tenant limits read from configuration the way the server reads them. */
class TenantLimitsTest {
    private static ServeConfig.Limits limits(Map<String, String> properties) {
        return LimitsConfig.from(properties);
    }

    @Test
    void aTenantsOwnValuesReplaceOnlyTheOnesItSets() {
        ServeConfig.Limits defaults = limits(Map.of(
                "plus.serve.limits.tenants.\"acme.eu\".requests-per-second", "9000",
                "plus.serve.limits.tenants.\"acme.eu\".score-text-characters", "64000",
                "plus.serve.limits.tenants.beta.candidates", "8"));
        TenantLimits limits = new TenantLimits(defaults);

        ServeConfig.Limits acme = limits.of("acme.eu");
        assertEquals(9000, acme.tenantRequestsPerSecond());
        assertEquals(64000, acme.scoreTextCharacters());
        assertEquals(4000, acme.tenantBurst(), "not set for acme.eu: the instance's");
        assertEquals(1000, acme.eventsPerRequest());
        assertEquals(64, acme.candidates());
        assertEquals(2000, acme.summaryLength(), "field lengths are everyone's");

        assertEquals(8, limits.of("beta").candidates());
        assertEquals(2000, limits.of("beta").tenantRequestsPerSecond());
        assertSame(defaults, limits.of("gamma"), "a tenant without exceptions has the instance's limits");
        assertSame(defaults, limits.of(null));
    }

    @Test
    void aLimitBelowOneIsRefusedAtStartUpWithItsName() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> new TenantLimits(
                limits(Map.of("plus.serve.limits.tenants.beta.events-per-request", "0"))));
        assertTrue(refused.getMessage().contains("plus.serve.limits.tenants.\"beta\".events-per-request is 0"),
                refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TenantLimits(
                limits(Map.of("plus.serve.limits.tenant-burst", "-1"))));
    }
}
