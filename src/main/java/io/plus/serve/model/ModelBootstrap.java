package io.plus.serve.model;

import io.plus.bundle.BundleManifest;
import io.plus.serve.ServeConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A fresh install works at once: when the registry holds no version at all, the newest bundle in
 * the configured models folder (where {@code plus train} writes) is registered and activated.
 */
@ApplicationScoped
public class ModelBootstrap {
    private static final Logger LOG = Logger.getLogger(ModelBootstrap.class);

    private final ServeConfig config;
    private final ModelRegistry registry;

    @Inject
    public ModelBootstrap(ServeConfig config, ModelRegistry registry) {
        this.config = config;
        this.registry = registry;
    }

    public Uni<Void> registerIfEmpty() {
        return Panache.withSession(() -> ModelVersion.count()).chain(count -> {
            if (count > 0) {
                return Uni.createFrom().voidItem();
            }
            Optional<Path> newest = newestBundle(config.modelsDir());
            if (newest.isEmpty()) {
                LOG.warnf("the model registry is empty and %s holds no bundle: train one (plus train) or register "
                        + "one (POST /v1/models)", config.modelsDir().toAbsolutePath());
                return Uni.createFrom().voidItem();
            }
            LOG.infof("empty registry: registering and activating %s", newest.get());
            return registry.register(newest.get())
                    .chain(row -> registry.activate(row.version, "bootstrap: the newest bundle of the model store"))
                    .replaceWithVoid()
                    .onFailure(error -> !io.plus.serve.problem.DatabaseFailures.isUnavailable(error))
                    .recoverWithUni(error -> {
                        // a broken bundle must not keep the service from starting: it stays unregistered
                        LOG.errorf("cannot bootstrap from %s: %s", newest.get(), error.getMessage());
                        return Uni.createFrom().voidItem();
                    });
        });
    }

    static Optional<Path> newestBundle(Path folder) {
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try (Stream<Path> children = Files.list(folder)) {
            return children.filter(dir -> Files.isRegularFile(dir.resolve(BundleManifest.FILE_NAME)))
                    .max(Comparator.comparing(ModelBootstrap::modified));
        } catch (IOException e) {
            LOG.warnf("cannot list %s: %s", folder, e.getMessage());
            return Optional.empty();
        }
    }

    private static java.nio.file.attribute.FileTime modified(Path bundle) {
        try {
            return Files.getLastModifiedTime(bundle.resolve(BundleManifest.FILE_NAME));
        } catch (IOException e) {
            return java.nio.file.attribute.FileTime.fromMillis(0);
        }
    }
}
