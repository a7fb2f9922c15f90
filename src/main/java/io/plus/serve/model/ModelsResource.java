package io.plus.serve.model;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plus.serve.ServeConfig;
import io.plus.serve.audit.AuditLog;
import io.plus.serve.auth.CurrentCaller;
import io.plus.serve.input.FieldRules;
import io.plus.serve.problem.Problem.FieldError;
import io.plus.serve.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The model registry over HTTP: list, register, activate, roll back (admin scope; changes are audited). */
@jakarta.ws.rs.Path("/v1/models")
@Tag(name = "models")
@Produces(MediaType.APPLICATION_JSON)
public class ModelsResource {
    /**
     * A registry row as the API shows it, plus whether this instance serves it. A version trained by
     * train-run also shows the version it was compared with and that version's metrics on the same
     * held-out users and pairs ({@code baseline}), and the training run that made it.
     */
    public record ModelView(String version, String status, String statusReason, String method, String conditioning,
                            String encoderId, String location, String manifestSha256, Map<String, Object> metrics,
                            Baseline baseline, String trainingRun, OffsetDateTime registeredAt,
                            OffsetDateTime activatedAt, OffsetDateTime retiredAt, boolean servedHere) {
    }

    /** The model that was active when a candidate was evaluated; metrics are null when it could not be evaluated. */
    public record Baseline(String version, Map<String, Object> metrics) {
    }

    public record Registration(String location) {
    }

    public record ModelList(String servedHere, CanaryView canary, List<InstanceView> instances, List<ModelView> models) {
    }

    /** A serving instance's last report of what it has loaded (only instances heard from recently). */
    public record InstanceView(String instance, String functions, String activeVersion, String canaryVersion,
                               Integer canaryPercent, OffsetDateTime reportedAt) {
    }

    /** The canary: a version served to {@code percent} of users beside the active one. */
    public record CanaryView(String version, int percent) {
    }

    public record CanaryRequest(Integer percent) {
    }

    private final ModelRegistry registry;
    private final ModelWatcher watcher;
    private final ActiveModel active;
    private final ServeConfig config;
    private final ObjectMapper json;
    private final InstanceReports reports;
    private final AuditLog audit;
    private final CurrentCaller caller;

    @Inject
    public ModelsResource(ModelRegistry registry, ModelWatcher watcher, ActiveModel active, ServeConfig config,
                          ObjectMapper json, InstanceReports reports, AuditLog audit, CurrentCaller caller) {
        this.registry = registry;
        this.watcher = watcher;
        this.active = active;
        this.config = config;
        this.json = json;
        this.reports = reports;
        this.audit = audit;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listModels", summary = "Model versions, newest first, with status and metrics")
    public Uni<ModelList> list() {
        return registry.canary().chain(canary -> reports.recent().chain(instances -> registry.list()
                .map(rows -> new ModelList(
                        active.get().map(LoadedModel::version).orElse(null),
                        canary.map(c -> new CanaryView(c.version, c.percent)).orElse(null),
                        instances.stream().map(i -> new InstanceView(i.instanceId, i.functions, i.activeVersion,
                                i.canaryVersion, i.canaryPercent, i.reportedAt)).toList(),
                        rows.stream().map(this::view).toList()))));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "registerModel", summary = "Register a bundle folder as a candidate version (verifies every checksum)")
    public Uni<ModelView> register(Registration body) {
        if (body == null || body.location() == null) {
            throw ProblemException.invalid("/location", "is required: the bundle folder, relative to the model store");
        }
        return audit.recorded(action("model.register", null), registry.register(body.location()).map(this::view), 200,
                view -> Map.of("version", view.version()));
    }

    @POST
    @jakarta.ws.rs.Path("/{version}/activate")
    @Operation(operationId = "activateModel", summary = "Verify a version's bundle and make it the active one; every instance switches within seconds")
    public Uni<ModelView> activate(@PathParam("version") String version) {
        List<FieldError> errors = new ArrayList<>();
        if (!FieldRules.id(version, "/version", config.limits().idLength(), errors)) {
            throw ProblemException.invalid(errors);
        }
        return audit.recorded(action("model.activate", version), switched(registry.activate(version, "activated over the API")),
                200, view -> Map.of("version", view.version()));
    }

    @PUT
    @jakarta.ws.rs.Path("/{version}/canary")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "startCanary", summary = "Serve a registered version to a share of users beside the active one "
            + "(verified first; the same users at a percent, on every instance, within seconds)")
    public Uni<CanaryView> startCanary(@PathParam("version") String version, CanaryRequest body) {
        List<FieldError> errors = new ArrayList<>();
        FieldRules.id(version, "/version", config.limits().idLength(), errors);
        if (body == null || body.percent() == null) {
            errors.add(new FieldError("/percent", "is required: the share of users, 0 to 100"));
        } else if (body.percent() < 0 || body.percent() > 100) {
            errors.add(new FieldError("/percent", "must be 0 to 100, not " + body.percent()));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return audit.recorded(action("canary.start", version), registry.startCanary(version, body.percent())
                .invoke(done -> active.setCanary(new ActiveModel.Canary(done.model(), done.canary().percent)))
                .call(done -> watcher.announce(version))
                .map(done -> new CanaryView(done.canary().version, done.canary().percent)), 200,
                canary -> Map.of("version", canary.version(), "percent", canary.percent()));
    }

    @DELETE
    @jakarta.ws.rs.Path("/canary")
    @Operation(operationId = "stopCanary", summary = "End the canary: every user gets the active version again")
    public Uni<Void> stopCanary() {
        return audit.recorded(action("canary.stop", null), registry.stopCanary().invoke(stopped -> {
            if (!stopped) {
                throw ProblemException.notFound("no-canary", "there is no canary to end");
            }
            active.clearCanary();
        }).call(() -> watcher.announce("canary-ended")).replaceWithVoid(), 204, ignored -> Map.of());
    }

    @POST
    @jakarta.ws.rs.Path("/rollback")
    @Operation(operationId = "rollbackModel", summary = "Re-activate the version that was active before the current one")
    public Uni<ModelView> rollback() {
        return audit.recorded(action("model.rollback", null), switched(registry.rollback()), 200,
                view -> Map.of("version", view.version()));
    }

    private AuditLog.Action action(String name, String target) {
        return AuditLog.Action.by(caller.get(), name, null, target);
    }

    private Uni<ModelView> switched(Uni<ModelRegistry.Activation> activation) {
        return activation.invoke(done -> active.swap(done.model()))
                .call(done -> watcher.announce(done.row().version))
                .map(done -> view(done.row()));
    }

    private ModelView view(ModelVersion row) {
        boolean here = active.get().map(m -> m.version().equals(row.version)).orElse(false);
        Baseline baseline = row.baselineVersion == null ? null
                : new Baseline(row.baselineVersion, row.baselineMetrics == null ? null : metrics(row.baselineMetrics));
        // rows written before locations were kept out of reasons may still name the store's folder
        return new ModelView(row.version, row.status, registry.store().redact(row.statusReason), row.method,
                row.conditioning, row.encoderId, registry.store().describe(Path.of(row.location)), row.manifestSha256,
                metrics(row.metrics), baseline, row.trainingRun, row.registeredAt, row.activatedAt, row.retiredAt, here);
    }

    private Map<String, Object> metrics(String stored) {
        try {
            return json.readValue(stored, new TypeReference<Map<String, Object>>() { });
        } catch (Exception e) {
            return Map.of();
        }
    }
}
