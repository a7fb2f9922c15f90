package io.plus.serve.model;

import io.plus.bundle.BundleException;
import io.plus.serve.ServeConfig;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.scheduler.Scheduled;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps this instance on the registry's active version: a Redis message announces an activation
 * and triggers a check at once; a periodic check catches a missed message (or Redis being down).
 * A bundle that fails verification is not served; the model already loaded stays.
 */
@ApplicationScoped
public class ModelWatcher {
    public static final String CHANNEL = "plus:model-activated";
    private static final Logger LOG = Logger.getLogger(ModelWatcher.class);

    private final ServeConfig config;
    private final ModelRegistry registry;
    private final ActiveModel active;
    private final ReactiveRedisDataSource redis;
    private final InstanceReports reports;

    private final Vertx vertx;

    private final Counter announcements;
    /** Version and manifest digest that failed to load, so a broken bundle is not retried every tick. */
    private final Map<String, String> refused = new ConcurrentHashMap<>();
    /** The check under way, shared by whoever asks meanwhile (guarded by this). */
    private Uni<Void> inFlight;
    /** Someone joined the check under way: it makes one more pass (guarded by this). */
    private boolean again;

    @Inject
    public ModelWatcher(MeterRegistry meters, ServeConfig config, ModelRegistry registry, ActiveModel active,
                        ReactiveRedisDataSource redis, InstanceReports reports, Vertx vertx) {
        this.config = config;
        this.registry = registry;
        this.active = active;
        this.redis = redis;
        this.reports = reports;
        this.vertx = vertx;
        announcements = Counter.builder("plus.model.announcements").description(
                "model activations announced over Redis and received by this instance").register(meters);
    }

    /**
     * Loads the registry's active version, and its canary, if this instance serves others; then
     * reports what it serves (a failed report is logged, never a failed check). A call while a check
     * runs joins that check, which then makes one more pass: the pass under way may have read the
     * registry before the change the caller waits for (start-up activating the bootstrap bundle while
     * a periodic check ran found no active version, and the instance started without a model).
     */
    public Uni<Void> sync() {
        synchronized (this) {
            if (inFlight != null) {
                again = true;
                return inFlight;
            }
            @SuppressWarnings("unchecked")
            Uni<Void>[] self = new Uni[1];
            self[0] = passes(self).eventually(() -> ended(self[0])).memoize().indefinitely();
            inFlight = self[0];
            return inFlight;
        }
    }

    /** One pass, and another for as long as someone joined during the last one. */
    private Uni<Void> passes(Uni<Void>[] self) {
        return syncActive().chain(this::syncCanary)
                .chain(() -> reports.report().onFailure().recoverWithUni(error -> {
                    LOG.warnf("could not report the loaded model versions: %s", error.toString());
                    return Uni.createFrom().voidItem();
                }))
                .chain(() -> {
                    synchronized (this) {
                        if (!again) {
                            ended(self[0]); // a call from now on starts a check of its own
                            return Uni.createFrom().voidItem();
                        }
                        again = false;
                    }
                    return passes(self);
                });
    }

    /** The check {@code which} is over (done, or failed): the next call starts a new one. */
    private synchronized void ended(Uni<Void> which) {
        if (inFlight == which) {
            inFlight = null;
            again = false;
        }
    }

    private Uni<Void> syncActive() {
        return registry.active().chain(row -> {
            if (row.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            ModelVersion wanted = row.get();
            boolean serving = active.get().map(m -> m.version().equals(wanted.version)
                    && m.manifestSha256().equals(wanted.manifestSha256)).orElse(false);
            if (serving || wanted.manifestSha256.equals(refused.get(wanted.version))) {
                return Uni.createFrom().voidItem();
            }
            return registry.load(wanted).invoke(active::swap).replaceWithVoid()
                    .onFailure(BundleException.class).recoverWithUni(error -> {
                        refused.put(wanted.version, wanted.manifestSha256);
                        LOG.errorf("active model %s fails verification and is not served (still serving %s): %s",
                                wanted.version, active.get().map(LoadedModel::version).orElse("none"),
                                error.getMessage());
                        return Uni.createFrom().voidItem();
                    });
        });
    }

    /** The canary as the registry has it: loaded once, its percent followed, ended when the row goes. */
    private Uni<Void> syncCanary() {
        return registry.canary().chain(row -> {
            if (row.isEmpty()) {
                active.clearCanary();
                return Uni.createFrom().voidItem();
            }
            ModelCanary wanted = row.get();
            var loaded = active.canary().filter(c -> c.model().version().equals(wanted.version));
            if (loaded.isPresent()) {
                active.setCanary(new ActiveModel.Canary(loaded.get().model(), wanted.percent));
                return Uni.createFrom().voidItem();
            }
            return registry.find(wanted.version)
                    .chain(version -> version == null || wanted.version.equals(refused.get(wanted.version + "@canary"))
                            ? Uni.createFrom().voidItem()
                            : registry.load(version).invoke(model -> active.setCanary(
                                    new ActiveModel.Canary(model, wanted.percent))).replaceWithVoid()
                            .onFailure(BundleException.class).recoverWithUni(error -> {
                                refused.put(wanted.version + "@canary", wanted.version);
                                LOG.errorf("canary %s fails verification and is not served: %s", wanted.version,
                                        error.getMessage());
                                return Uni.createFrom().voidItem();
                            }));
        });
    }

    @Scheduled(every = "${plus.serve.model-check-interval:5s}", delayed = "${plus.serve.model-check-interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> periodicCheck() {
        if (!config.needsModel()) {
            return Uni.createFrom().voidItem();
        }
        return sync().onFailure().recoverWithUni(error -> {
            LOG.warnf("model check failed: %s", error.toString());
            return Uni.createFrom().voidItem();
        });
    }

    /** Tells every instance (this one included) to check the registry now. */
    public Uni<Void> announce(String version) {
        return redis.pubsub(String.class).publish(CHANNEL, version).replaceWithVoid()
                .onFailure().recoverWithUni(error -> {
                    LOG.warnf("could not announce model %s over Redis (%s); instances pick it up within %s",
                            version, error.toString(), config.modelCheckInterval());
                    return Uni.createFrom().voidItem();
                });
    }

    /** Subscribes to activation messages; called once at start. */
    public void listen() {
        redis.pubsub(String.class).subscribe(CHANNEL, version -> {
            LOG.infof("model %s announced", version);
            announcements.increment();
            // the message arrives on the Redis connection's event loop: check on a fresh duplicated
            // context, as a request would, so the database session has a context of its own
            Context context = VertxContext.getOrCreateDuplicatedContext(vertx);
            VertxContextSafetyToggle.setContextSafe(context, true);
            context.runOnContext(ignored -> sync().subscribe().with(done -> { },
                    error -> LOG.warnf("model check after announcement failed: %s", error.toString())));
        }).subscribe().with(ignored -> LOG.debug("listening for model activations"),
                error -> LOG.warnf("cannot listen for model activations over Redis (%s); relying on the periodic check",
                        error.toString()));
    }
}
