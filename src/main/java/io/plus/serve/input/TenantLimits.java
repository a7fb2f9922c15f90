package io.plus.serve.input;

import io.plus.serve.ServeConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The limits that apply to one tenant: the instance's, with the tenant's own rate and cost values
 * ({@code plus.serve.limits.tenants."<id>".*}) in their place where it has them. Checked once at
 * start-up, so a limit of 0 or less is a refused configuration, not a tenant locked out at run time.
 */
@Singleton
public final class TenantLimits {
    private final ServeConfig.Limits defaults;
    private final Map<String, ServeConfig.Limits> byTenant = new HashMap<>();

    @Inject
    public TenantLimits(ServeConfig config) {
        this(config.limits());
    }

    public TenantLimits(ServeConfig.Limits defaults) {
        this.defaults = defaults;
        atLeastOne("plus.serve.limits.tenant-requests-per-second", OptionalInt.of(defaults.tenantRequestsPerSecond()));
        atLeastOne("plus.serve.limits.tenant-burst", OptionalInt.of(defaults.tenantBurst()));
        defaults.tenants().forEach((tenant, own) -> {
            String prefix = "plus.serve.limits.tenants.\"" + tenant + "\".";
            atLeastOne(prefix + "requests-per-second", own.requestsPerSecond());
            atLeastOne(prefix + "burst", own.burst());
            atLeastOne(prefix + "events-per-request", own.eventsPerRequest());
            atLeastOne(prefix + "candidates", own.candidates());
            atLeastOne(prefix + "score-batch-items", own.scoreBatchItems());
            atLeastOne(prefix + "score-text-characters", own.scoreTextCharacters());
            byTenant.put(tenant, new Overridden(defaults, own));
        });
    }

    /** The limits of {@code tenant}; the instance's own for a tenant without exceptions (or none, for the admin token). */
    public ServeConfig.Limits of(String tenant) {
        return tenant == null ? defaults : byTenant.getOrDefault(tenant, defaults);
    }

    private static void atLeastOne(String name, OptionalInt value) {
        if (value.isPresent() && value.getAsInt() < 1) {
            throw new IllegalArgumentException(name + " is " + value.getAsInt() + "; a limit must be at least 1");
        }
    }

    /** The instance's limits with one tenant's values in place of the rate and cost ones. */
    private record Overridden(ServeConfig.Limits base, ServeConfig.TenantOverrides own) implements ServeConfig.Limits {
        @Override
        public int eventsPerRequest() {
            return own.eventsPerRequest().orElse(base.eventsPerRequest());
        }

        @Override
        public int candidates() {
            return own.candidates().orElse(base.candidates());
        }

        @Override
        public int scoreBatchItems() {
            return own.scoreBatchItems().orElse(base.scoreBatchItems());
        }

        @Override
        public int scoreTextCharacters() {
            return own.scoreTextCharacters().orElse(base.scoreTextCharacters());
        }

        @Override
        public int tenantRequestsPerSecond() {
            return own.requestsPerSecond().orElse(base.tenantRequestsPerSecond());
        }

        @Override
        public int tenantBurst() {
            return own.burst().orElse(base.tenantBurst());
        }

        @Override
        public int idLength() {
            return base.idLength();
        }

        @Override
        public int promptLength() {
            return base.promptLength();
        }

        @Override
        public int responseLength() {
            return base.responseLength();
        }

        @Override
        public int contextLength() {
            return base.contextLength();
        }

        @Override
        public int summaryLength() {
            return base.summaryLength();
        }

        @Override
        public Map<String, ServeConfig.TenantOverrides> tenants() {
            return base.tenants();
        }
    }
}
