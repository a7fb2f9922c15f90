package io.plus.serve.model;

import io.plus.serve.input.FieldRules;
import io.plus.serve.problem.Problem.FieldError;
import io.plus.serve.problem.ProblemException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The folder that holds the model bundles. The registry reads bundles only from inside it: a
 * location a client gives is resolved against it and refused, before any file is touched, when it
 * (or a link inside it) leads anywhere else. Locations and messages shown to clients are relative to it.
 */
public final class ModelStore {
    /** Longest bundle location a client may give. */
    private static final int MAX_LOCATION = 1024;
    private final Path root;

    public ModelStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** The bundle folder named by {@code location} (relative to the store, or absolute inside it). */
    public Path resolve(String location) {
        List<FieldError> errors = new ArrayList<>();
        if (!FieldRules.text(location, "/location", MAX_LOCATION, errors)) {
            throw ProblemException.invalid(errors);
        }
        Path path;
        try {
            path = root.resolve(location.strip()).normalize();
        } catch (InvalidPathException e) {
            throw ProblemException.invalid("/location", "is not a path");
        }
        if (!path.startsWith(root) || path.equals(root) || !insideByRealPath(path)) {
            throw outside();
        }
        return path;
    }

    /** A link inside the store that points out of it is outside too. */
    private boolean insideByRealPath(Path path) {
        if (!Files.exists(path)) {
            return true; // nothing to follow; reading it fails as "not a model bundle"
        }
        try {
            return path.toRealPath().startsWith(root.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    private static ProblemException outside() {
        return new ProblemException(422, "location-outside-model-store", "The location is not in the model store",
                "give the bundle folder relative to the model store (PLUS_MODELS_DIR), e.g. \"plus-pets-2\"; "
                        + "nothing outside it is read");
    }

    /** {@code path} as clients see it: relative to the store. */
    public String describe(Path path) {
        Path normalized = path.toAbsolutePath().normalize();
        return normalized.startsWith(root) ? root.relativize(normalized).toString() : normalized.getFileName().toString();
    }

    /** A message about a bundle with the store's own location taken out. */
    public String redact(String message) {
        String prefix = root.toString();
        return message == null ? "" : message.replace(prefix + "/", "").replace(prefix, ".");
    }
}
