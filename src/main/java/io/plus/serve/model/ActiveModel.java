package io.plus.serve.model;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.plus.data.UserBuckets;
import io.plus.serve.problem.ProblemException;
import io.plus.serve.users.UserKey;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The model this instance serves, and the canary beside it when there is one. A swap is one
 * reference write: a request that already holds the old model finishes with it, the next one gets
 * the new one, none fails. A user is served by the canary when their place for it (a stable hash
 * of tenant and user) is below its percent, so a user never flips between versions at one percent.
 */
@ApplicationScoped
public class ActiveModel {
    private static final Logger LOG = Logger.getLogger(ActiveModel.class);
    private final AtomicReference<LoadedModel> current = new AtomicReference<>();
    private final AtomicReference<Canary> canary = new AtomicReference<>();
    private final Set<String> gauged = ConcurrentHashMap.newKeySet();
    private final List<Meter> gauges = new CopyOnWriteArrayList<>();
    private final MeterRegistry meters;

    @Inject
    public ActiveModel(MeterRegistry meters) {
        this.meters = meters;
    }

    public Optional<LoadedModel> get() {
        return Optional.ofNullable(current.get());
    }

    /** The model to answer with, or 503 while none is loaded yet. */
    public LoadedModel require() {
        LoadedModel model = current.get();
        if (model == null) {
            throw new ProblemException(503, "no-active-model", "No model is loaded yet",
                    "This instance has not loaded an active model; register and activate one (GET /v1/models).",
                    null, Map.of("Retry-After", "5"));
        }
        return model;
    }

    /** A candidate served to {@code percent} of users. */
    public record Canary(LoadedModel model, int percent) {
        boolean serves(UserKey user) {
            return user != null && UserBuckets.within(UserBuckets.CANARY, user.tenant(), user.user(), percent / 100.0);
        }
    }

    public Optional<Canary> canary() {
        return Optional.ofNullable(canary.get());
    }

    /** The model that answers {@code user} (null: no user, e.g. scoring a given summary): the canary or the active one. */
    public LoadedModel requireFor(UserKey user) {
        LoadedModel stable = require();
        Canary c = canary.get();
        return c != null && c.serves(user) ? c.model() : stable;
    }

    /** As {@link #requireFor}, empty while no model is loaded. */
    public Optional<LoadedModel> getFor(UserKey user) {
        return get().map(stable -> {
            Canary c = canary.get();
            return c != null && c.serves(user) ? c.model() : stable;
        });
    }

    public void setCanary(Canary next) {
        Canary old = canary.getAndSet(next);
        if (old == null || !old.model().version().equals(next.model().version()) || old.percent() != next.percent()) {
            LOG.infof("canary %s for %d%% of users — was %s", next.model().version(), next.percent(),
                    old == null ? "none" : old.model().version() + " at " + old.percent() + "%");
        }
    }

    public void clearCanary() {
        Canary old = canary.getAndSet(null);
        if (old != null) {
            LOG.infof("canary %s ended", old.model().version());
        }
    }

    public void swap(LoadedModel model) {
        LoadedModel old = current.getAndSet(model);
        if (gauged.add(model.version())) {
            // 1 for the version in use, 0 for versions this instance served before
            gauges.add(Gauge.builder("plus.model.active", this, a -> a.get()
                            .map(m -> m.version().equals(model.version()) ? 1 : 0).orElse(0))
                    .tag("version", model.version()).description("1 for the model version this instance serves")
                    .register(meters));
        }
        LOG.infof("serving model %s (%s) — was %s", model.version(), model.manifest().method(),
                old == null ? "none" : old.version());
    }

    /**
     * The gauges read this instance, so they go with it: a registry that outlives the application
     * (tests start several in one JVM) would otherwise keep answering a later instance's
     * registration with the old, stale gauge.
     */
    @PreDestroy
    void removeGauges() {
        gauges.forEach(meters::remove);
    }
}
