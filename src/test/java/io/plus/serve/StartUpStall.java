package io.plus.serve;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * Start-up work that runs after the scheduler has started and before the serving role prepares
 * itself (another extension, a slow volume, a loaded node), stalling for as long as a test profile
 * sets {@code plus.test.start-up-stall}; by default it takes no time.
 */
@ApplicationScoped
public class StartUpStall {
    @ConfigProperty(name = "plus.test.start-up-stall", defaultValue = "0s")
    Duration stall;

    void stall(@Observes @Priority(Interceptor.Priority.APPLICATION) StartupEvent event) throws InterruptedException {
        Thread.sleep(stall.toMillis());
    }
}
