package io.plus.cli;

import io.quarkus.picocli.runtime.PicocliCommandLineFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import picocli.CommandLine;

/**
 * Errors a user can fix (bad input file, unknown option value, refused bundle) are printed as one
 * clear line with exit code 2, not as a stack trace.
 */
@ApplicationScoped
public class CommandLineSetup {

    @Produces
    CommandLine commandLine(PicocliCommandLineFactory factory) {
        return factory.create().setExecutionExceptionHandler((error, commandLine, parseResult) -> {
            if (error instanceof IllegalArgumentException || error instanceof java.io.UncheckedIOException
                    || error instanceof java.nio.file.NoSuchFileException || isUserError(error)) {
                commandLine.getErr().println("error: " + error.getMessage());
                return 2;
            }
            throw error;
        });
    }

    private static boolean isUserError(Exception error) {
        return error instanceof io.plus.bundle.BundleException
                || error.getClass().getSimpleName().equals("DatasetFormatException");
    }
}
