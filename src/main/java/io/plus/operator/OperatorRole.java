package io.plus.operator;

import io.javaoperatorsdk.operator.Operator;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
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
    @ConfigProperty(name = "plus.operator.leader-election", defaultValue = "true")
    boolean leaderElection;
    private volatile boolean started;

    public void start() {
        Operator running = operator.get();
        LOG.infof("starting the operator: %s", running.getRegisteredControllers().stream()
                .map(c -> c.getConfiguration().getName()).toList());
        running.start();
        started = true;
    }

    /**
     * Stops the controllers on shutdown. A leader is not stopped: giving up leadership makes the
     * Operator SDK exit the JVM, which inside a shutdown hook hangs it; the process ends anyway and
     * the lease expires for the next replica.
     */
    void onShutdown(@Observes ShutdownEvent event) {
        if (started && !leaderElection) {
            operator.get().stop();
        }
    }
}
