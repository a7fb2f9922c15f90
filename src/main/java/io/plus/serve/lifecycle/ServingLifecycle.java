package io.plus.serve.lifecycle;

import io.plus.serve.ServeConfig;
import io.plus.serve.auth.DevelopmentKey;
import io.plus.serve.db.SchemaMigrations;
import io.plus.serve.model.ModelBootstrap;
import io.plus.serve.model.ModelWatcher;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Brings the serving role up: schema migrations, then (on an empty registry) the bundle {@code train} wrote,
 * then the active model; the last two only where summarize or score is served. If PostgreSQL is
 * not reachable yet, the instance starts anyway (not ready) and retries until it is.
 */
@ApplicationScoped
public class ServingLifecycle {
    private static final Logger LOG = Logger.getLogger(ServingLifecycle.class);
    private static final Duration FIRST_ATTEMPT = Duration.ofSeconds(90);

    private final ServeConfig config;
    private final SchemaMigrations schema;
    private final ModelBootstrap bootstrap;
    private final ModelWatcher watcher;
    private final DevelopmentKey developmentKey;

    @Inject
    public ServingLifecycle(ServeConfig config, SchemaMigrations schema, ModelBootstrap bootstrap,
                            ModelWatcher watcher, DevelopmentKey developmentKey) {
        this.config = config;
        this.schema = schema;
        this.bootstrap = bootstrap;
        this.watcher = watcher;
        this.developmentKey = developmentKey;
    }

    private final AtomicBoolean prepared = new AtomicBoolean();
    /**
     * One preparation at a time, and whoever asks while one runs waits for it. Two at once in an empty
     * registry would both register the same bundle, one would fail on the duplicate and mark the
     * instance ready before the other had activated anything. And the start-up must not go on while a
     * retry that fired first (the scheduler starts before this observer) is still migrating: the
     * instance would take requests with no tables and no model.
     */
    private final SingleFlight preparation = new SingleFlight(this::prepare);

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        if (config.needsModel()) {
            watcher.listen();
        }
        try {
            VertxContextSupport.subscribeAndAwait(() -> preparation.join().ifNoItem().after(FIRST_ATTEMPT).fail());
        } catch (Throwable error) {
            LOG.warnf("serving is not ready yet (%s); retrying in the background", error.toString());
        }
    }

    @Scheduled(every = "${plus.serve.model-check-interval:5s}", delayed = "${plus.serve.model-check-interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> retry() {
        if (!config.enabled() || prepared.get()) {
            return Uni.createFrom().voidItem();
        }
        return preparation.join().onFailure().recoverWithUni(error -> {
            LOG.warnf("serving still not ready: %s", error.toString());
            return Uni.createFrom().voidItem();
        });
    }

    private Uni<Void> prepare() {
        Uni<Void> schemaAndKeys = schema.apply().chain(developmentKey::issueIfNone);
        if (!config.needsModel()) { // feedback-ingest alone: tables, no model
            return schemaAndKeys.invoke(() -> prepared.set(true));
        }
        return schemaAndKeys.chain(bootstrap::registerIfEmpty).invoke(() -> prepared.set(true))
                .chain(watcher::sync);
    }
}
