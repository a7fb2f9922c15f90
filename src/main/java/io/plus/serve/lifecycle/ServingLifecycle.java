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
     * One preparation at a time: a start-up slower than the retry interval must not meet a retry in
     * an empty registry, where both register the same bundle, one fails on the duplicate and marks
     * the instance ready before the other has activated anything.
     */
    private final AtomicBoolean preparing = new AtomicBoolean();

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        if (config.needsModel()) {
            watcher.listen();
        }
        try {
            VertxContextSupport.subscribeAndAwait(() -> prepareOnce().ifNoItem().after(FIRST_ATTEMPT).fail());
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
        return prepareOnce().onFailure().recoverWithUni(error -> {
            LOG.warnf("serving still not ready: %s", error.toString());
            return Uni.createFrom().voidItem();
        });
    }

    private Uni<Void> prepareOnce() {
        if (!preparing.compareAndSet(false, true)) {
            return Uni.createFrom().voidItem(); // the one under way will finish the job
        }
        return prepare().eventually(() -> preparing.set(false));
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
