package io.plus.cli;

import io.plus.bundle.BundleException;
import io.plus.data.io.DatasetFormatException;
import io.plus.encoder.EmbeddingStoreException;
import io.quarkus.picocli.runtime.PicocliCommandLineFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import picocli.CommandLine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;

/**
 * Errors a user can fix (bad input file, unknown option value, refused bundle, an unusable
 * embedding cache) are printed as one clear line with exit code 2, and input/output failures (a
 * full disk, a folder without permission) as one line with exit code 1, not as a stack trace.
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
            if (error instanceof IOException || error instanceof UncheckedIOException) {
                commandLine.getErr().println("error: " + describe(error));
                return 1;
            }
            throw error;
        });
    }

    private static boolean isUserError(Exception error) {
        return error instanceof BundleException || error instanceof DatasetFormatException
                || error instanceof EmbeddingStoreException;
    }

    /** The message and, where it adds something, the cause's (an I/O error's own words name the path). */
    private static String describe(Throwable error) {
        Throwable cause = error.getCause();
        String message = error.getMessage() != null ? error.getMessage() : error.getClass().getSimpleName();
        return cause == null || cause.getMessage() == null || message.contains(cause.getMessage()) ? message
                : message + ": " + cause.getClass().getSimpleName() + " " + cause.getMessage();
    }
}
