package io.plus.operator;

import io.javaoperatorsdk.operator.Operator;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * The operator role, started only by {@code plus operator}: the Operator SDK's own start-up is off in
 * the build (it is fixed at build time, and the functions and the other commands must never need a
 * Kubernetes API server), so the Operator bean is looked up only here, and stopped on shutdown.
 */
@ApplicationScoped
public class OperatorRole {
    private static final Logger LOG = Logger.getLogger(OperatorRole.class);

    @Inject
    Instance<Operator> operator;
    private volatile boolean started;

    public void start() {
        Operator running = operator.get();
        LOG.infof("starting the operator: %s", running.getRegisteredControllers().stream()
                .map(c -> c.getConfiguration().getName()).toList());
        running.start();
        started = true;
    }

    void onShutdown(@Observes ShutdownEvent event) {
        if (started) {
            operator.get().stop();
        }
    }
}
