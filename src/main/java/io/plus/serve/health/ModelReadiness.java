package io.plus.serve.health;

import io.plus.serve.ServeConfig;
import io.plus.serve.model.ActiveModel;
import io.plus.serve.model.LoadedModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready to serve summaries and scores only with a verified model loaded; an ingest-only instance
 * needs none. PostgreSQL is checked by the datasource's own check.
 */
@Readiness
@ApplicationScoped
public class ModelReadiness implements HealthCheck {
    private final ServeConfig config;
    private final ActiveModel active;

    @Inject
    public ModelReadiness(ServeConfig config, ActiveModel active) {
        this.config = config;
        this.active = active;
    }

    @Override
    public HealthCheckResponse call() {
        if (!config.enabled()) {
            return HealthCheckResponse.named("model").up().withData("serving", false).build();
        }
        if (!config.needsModel()) {
            return HealthCheckResponse.named("model").up().withData("needed", false).build();
        }
        return active.get().map(LoadedModel::version)
                .map(version -> HealthCheckResponse.named("model").up().withData("version", version).build())
                .orElseGet(() -> HealthCheckResponse.named("model").down()
                        .withData("reason", "no active model loaded yet").build());
    }
}
