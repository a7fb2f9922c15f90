package io.plus;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import picocli.CommandLine;

/**
 * The one entry point of the artifact. Command-line jobs (bench, train, …) open no port; {@code plus
 * serve} turns on the HTTP server and the serving components, {@code plus operator} the HTTP server
 * for its health checks, before Quarkus reads its configuration, so the same jar runs every role
 * without a rebuild.
 */
@QuarkusMain
public class PlusMain implements QuarkusApplication {
    static final String SERVE = "serve";
    static final String OPERATOR = "operator";

    @Inject
    CommandLine commandLine;

    public static void main(String... args) {
        if (args.length > 0 && SERVE.equals(args[0]) && !asksForHelp(args)) {
            System.setProperty("quarkus.http.host-enabled", "true");
            System.setProperty("plus.serve.enabled", "true");
        }
        if (args.length > 0 && OPERATOR.equals(args[0]) && !asksForHelp(args)) {
            System.setProperty("quarkus.http.host-enabled", "true"); // /q/health and /q/metrics for the pod's probes
        }
        Quarkus.run(PlusMain.class, args);
    }

    /** {@code plus serve --help} only prints the usage: no port, no database. */
    private static boolean asksForHelp(String... args) {
        for (String arg : args) {
            if (arg.equals("-h") || arg.equals("--help") || arg.equals("-V") || arg.equals("--version")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int run(String... args) {
        return commandLine.execute(args);
    }
}
