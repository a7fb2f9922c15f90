package io.plus.cli;

import io.plus.serve.ServeConfig;
import io.quarkus.runtime.Quarkus;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the feedback-ingest, summarize and score functions over HTTP (port PLUS_HTTP_PORT, "
                + "default 8080) against PostgreSQL (PLUS_DB_URL) and Redis (PLUS_REDIS_URL), until stopped.")
public class ServeCommand implements Callable<Integer> {
    @Inject
    ServeConfig config;

    @Override
    public Integer call() {
        if (!config.enabled()) {
            throw new IllegalArgumentException("serving is off: start the jar with 'serve' as its first argument");
        }
        Quarkus.waitForExit();
        return 0;
    }
}
