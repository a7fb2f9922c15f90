package io.plus.cli;

import io.plus.bundle.BundleException;
import io.plus.data.io.DatasetFormatException;
import io.quarkus.picocli.runtime.PicocliCommandLineFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import picocli.CommandLine;

import java.nio.file.NoSuchFileException;

/**
 * Errors a user can fix (bad input file, unknown option value, refused bundle) are printed as one
 * clear line with exit code 2, not as a stack trace.
 */
@ApplicationScoped
public class CommandLineSetup {

    @Produces
    CommandLine commandLine(PicocliCommandLineFactory factory) {
        return factory.create().setExecutionExceptionHandler((error, commandLine, parseResult) -> {
            if (error instanceof IllegalArgumentException || error instanceof NoSuchFileException
                    || isUserError(error)) {
                commandLine.getErr().println("error: " + error.getMessage());
                return 2;
            }
            throw error;
        });
    }

    private static boolean isUserError(Exception error) {
        return error instanceof BundleException || error instanceof DatasetFormatException;
    }
}
