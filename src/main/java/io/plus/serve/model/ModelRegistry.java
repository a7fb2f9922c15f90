package io.plus.serve.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plus.bundle.BundleException;
import io.plus.ids.Ids;
import io.plus.serve.ServeConfig;
import io.plus.serve.encoding.ServingEncoders;
import io.plus.serve.input.FieldRules;
import io.plus.serve.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The model registry in PostgreSQL: which bundles exist and which one is active. Activation and
 * rollback verify the bundle first (checksums, encoder) and flip statuses in one transaction; a
 * partial unique index keeps at most one version active.
 */
@ApplicationScoped
public class ModelRegistry {
    private static final Logger LOG = Logger.getLogger(ModelRegistry.class);

    /** Longest model version name (the column and the API's id limit). */
    private final ServingEncoders encoders;
    private final ObjectMapper json;
    private final ModelStore store;

    @Inject
    public ModelRegistry(ServingEncoders encoders, ObjectMapper json, ServeConfig config) {
        this.encoders = encoders;
        this.json = json;
        this.store = new ModelStore(config.modelsDir());
    }

    /** Where bundles are registered from; nothing outside it is read. */
    public ModelStore store() {
        return store;
    }

    private ModelLoader loader() {
        return new ModelLoader(encoders::encoder);
    }

    public Uni<List<ModelVersion>> list() {
        return Panache.withSession(() -> ModelVersion.<ModelVersion>find("order by registeredAt desc").list());
    }

    public Uni<Optional<ModelVersion>> active() {
        return Panache.withSession(() -> ModelVersion.<ModelVersion>find("status", ModelVersion.ACTIVE)
                .firstResult().map(Optional::ofNullable));
    }

    /** Registers the bundle at {@code location} (as a client names it) as a candidate. */
    public Uni<ModelVersion> register(String location) {
        return register(store.resolve(location));
    }

    /**
     * Registers the bundle folder {@code absolute}, which {@link ModelStore#resolve} vouched for,
     * as a candidate; the same bundle again is answered as before.
     */
    Uni<ModelVersion> register(Path absolute) {
        return encoders.run(() -> {
            try {
                return ModelLoader.inspect(absolute);
            } catch (BundleException e) {
                throw invalid(e.getMessage());
            }
        }).invoke(inspected -> {
            if (!FieldRules.id(inspected.manifest().modelVersion(), "/modelVersion", Ids.MAX_LENGTH, new ArrayList<>())) {
                throw invalid("the manifest's model version must be 1 to " + Ids.MAX_LENGTH + " letters, digits "
                        + "and . _ : @ - (it appears in URLs)");
            }
        }).chain(inspected -> Panache.withTransaction(() -> ModelVersion.<ModelVersion>findById(
                inspected.manifest().modelVersion()).chain(existing -> {
                    if (existing != null) {
                        if (existing.manifestSha256.equals(inspected.manifestSha256())) {
                            return Uni.createFrom().item(existing);
                        }
                        throw ProblemException.conflict("model-version-exists", "The version is taken",
                                "model version " + existing.version + " is registered with another manifest ("
                                        + existing.manifestSha256 + ")");
                    }
                    ModelVersion row = new ModelVersion();
                    row.version = inspected.manifest().modelVersion();
                    row.location = absolute.toString();
                    row.manifestSha256 = inspected.manifestSha256();
                    row.method = inspected.manifest().method();
                    row.conditioning = inspected.manifest().conditioning();
                    row.encoderId = inspected.manifest().encoder().id();
                    row.metrics = metricsJson(inspected);
                    row.status = ModelVersion.CANDIDATE;
                    row.registeredAt = now();
                    return row.<ModelVersion>persist();
                })));
    }

    /**
     * Verifies {@code version}'s bundle by loading it, then makes it the active version (the
     * previous one is retired). Returns the loaded model so the caller can serve it at once.
     */
    public Uni<Activation> activate(String version, String reason) {
        return Panache.withSession(() -> ModelVersion.<ModelVersion>findById(version)).chain(row -> {
            if (row == null) {
                throw ProblemException.notFound("model-version-not-found", "no model version " + version);
            }
            return loadVerified(row).chain(model -> Panache.withTransaction(() -> ModelVersion.<ModelVersion>find(
                            "status", ModelVersion.ACTIVE).withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                    .list().chain(actives -> {
                        OffsetDateTime now = now();
                        for (ModelVersion active : actives) {
                            if (!active.version.equals(version)) {
                                active.status = ModelVersion.RETIRED;
                                active.retiredAt = now;
                                active.statusReason = "replaced by " + version;
                            }
                        }
                        return Panache.flush().chain(() -> ModelVersion.<ModelVersion>findById(version));
                    }).chain(target -> {
                        target.status = ModelVersion.ACTIVE;
                        target.activatedAt = now();
                        target.retiredAt = null;
                        target.statusReason = reason;
                        // a canary that becomes active is promoted: it is no longer a canary
                        return Panache.flush().chain(() -> ModelCanary.delete("version", version))
                                .replaceWith(new Activation(target, model));
                    })));
        });
    }

    /** Re-activates the version that was active before the current one. */
    public Uni<Activation> rollback() {
        return Panache.withSession(() -> ModelVersion.<ModelVersion>find(
                "status = ?1 and activatedAt is not null order by retiredAt desc", ModelVersion.RETIRED)
                .firstResult()).chain(previous -> {
                    if (previous == null) {
                        throw ProblemException.conflict("no-previous-model", "Nothing to roll back to",
                                "no retired model version was ever active");
                    }
                    return activate(previous.version, "rollback");
                });
    }

    /** A registered version's row, or null. */
    public Uni<ModelVersion> find(String version) {
        return Panache.withSession(() -> ModelVersion.<ModelVersion>findById(version));
    }

    /** The canary, if one is set. */
    public Uni<Optional<ModelCanary>> canary() {
        return Panache.withSession(() -> ModelCanary.<ModelCanary>findById(Boolean.TRUE).map(Optional::ofNullable));
    }

    /**
     * Makes {@code version} the canary for {@code percent} of users, after verifying its bundle as
     * activation does; it replaces any other canary. The active version cannot be its own canary.
     */
    public Uni<Canaried> startCanary(String version, int percent) {
        return find(version).chain(row -> {
            if (row == null) {
                throw ProblemException.notFound("model-version-not-found", "no model version " + version);
            }
            if (ModelVersion.ACTIVE.equals(row.status)) {
                throw ProblemException.conflict("canary-is-active", "The version is already active",
                        "model version " + version + " serves every user already; a canary is another version");
            }
            return loadVerified(row).chain(model -> Panache.withTransaction(() -> ModelCanary.<ModelCanary>findById(
                    Boolean.TRUE, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).chain(existing -> {
                        ModelCanary canary = existing != null ? existing : new ModelCanary();
                        canary.version = version;
                        canary.percent = percent;
                        canary.updatedAt = now();
                        return existing != null ? Panache.flush().replaceWith(canary) : canary.<ModelCanary>persist();
                    })).map(saved -> new Canaried(row, saved, model)));
        });
    }

    /** Ends the canary; false if there was none. */
    public Uni<Boolean> stopCanary() {
        return Panache.withTransaction(() -> ModelCanary.deleteById(Boolean.TRUE));
    }

    /** A version whose bundle no longer verifies is marked rejected, with the reason, and refused. */
    private Uni<LoadedModel> loadVerified(ModelVersion row) {
        Path location = Path.of(row.location);
        String expected = row.manifestSha256;
        return encoders.run(() -> {
            try {
                return loader().load(location, expected);
            } catch (BundleException e) {
                LOG.warnf("refusing model %s: %s", row.version, e.getMessage());
                throw new RefusedBundle(e.getMessage());
            }
        }).onFailure(RefusedBundle.class).call(error -> markRejected(row.version, store.redact(error.getMessage())))
                .onFailure(RefusedBundle.class).transform(error -> invalid("model " + row.version + " was refused: "
                        + error.getMessage()));
    }

    /** Loads the bundle of a registered version for this instance (no status change). */
    public Uni<LoadedModel> load(ModelVersion row) {
        Path location = Path.of(row.location);
        String expected = row.manifestSha256;
        return encoders.run(() -> loader().load(location, expected));
    }

    private ProblemException invalid(String reason) {
        return new ProblemException(422, "bundle-invalid", "The bundle cannot be used", store.redact(reason));
    }

    private Uni<Void> markRejected(String version, String reason) {
        return Panache.withTransaction(() -> ModelVersion.<ModelVersion>findById(version).invoke(row -> {
            if (row != null && !ModelVersion.ACTIVE.equals(row.status)) {
                row.status = ModelVersion.REJECTED;
                row.statusReason = reason;
            }
        })).replaceWithVoid();
    }

    private String metricsJson(ModelLoader.Inspected inspected) {
        try {
            return json.writeValueAsString(inspected.manifest().metrics() == null ? java.util.Map.of()
                    : inspected.manifest().metrics());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** The newly active version and its loaded bundle. */
    public record Activation(ModelVersion row, LoadedModel model) {
    }

    /** The canary's version, its row, and its loaded bundle. */
    public record Canaried(ModelVersion row, ModelCanary canary, LoadedModel model) {
    }

    private static final class RefusedBundle extends RuntimeException {
        RefusedBundle(String message) {
            super(message, null, false, false);
        }
    }
}
