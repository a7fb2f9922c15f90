package io.plus.serve.model;

import io.plus.serve.ServeConfig;
import io.plus.serve.ServedFunction;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Each model-serving instance reports what it has loaded after every registry check, so whoever
 * changes the registry (an operator walking a rollout) can see when every instance has followed.
 * An instance silent for three check intervals no longer counts; after thirty its row is removed.
 */
@ApplicationScoped
public class InstanceReports {
    private static final int SILENT_AFTER_CHECKS = 3;
    private static final int PRUNED_AFTER_CHECKS = 30;

    /** The pod's name in Kubernetes (its hostname), with the process id where several share a host. */
    private static final String INSTANCE = System.getenv().getOrDefault("HOSTNAME", "localhost") + ":"
            + ProcessHandle.current().pid();

    private final ServeConfig config;
    private final ActiveModel active;

    @Inject
    public InstanceReports(ServeConfig config, ActiveModel active) {
        this.config = config;
        this.active = active;
    }

    /** Records what this instance serves now. */
    public Uni<Void> report() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return Panache.withTransaction(() -> ServingInstance.<ServingInstance>findById(INSTANCE).chain(existing -> {
            ServingInstance row = existing != null ? existing : new ServingInstance();
            row.instanceId = INSTANCE;
            row.functions = config.functions().stream().map(ServedFunction::label).sorted()
                    .collect(Collectors.joining(","));
            row.activeVersion = active.get().map(LoadedModel::version).orElse(null);
            row.canaryVersion = active.canary().map(c -> c.model().version()).orElse(null);
            row.canaryPercent = active.canary().map(ActiveModel.Canary::percent).orElse(null);
            row.reportedAt = now;
            Uni<?> saved = existing != null ? Panache.flush() : row.persist();
            return saved.chain(() -> ServingInstance.delete("reportedAt < ?1",
                    now.minus(intervals(PRUNED_AFTER_CHECKS))));
        })).replaceWithVoid();
    }

    /** Instances that reported within the last three check intervals, by id. */
    public Uni<List<ServingInstance>> recent() {
        OffsetDateTime since = OffsetDateTime.now(ZoneOffset.UTC).minus(intervals(SILENT_AFTER_CHECKS));
        return Panache.withSession(() -> ServingInstance.<ServingInstance>find(
                "reportedAt >= ?1 order by instanceId", since).list());
    }

    private Duration intervals(int checks) {
        return config.modelCheckInterval().multipliedBy(checks);
    }
}
