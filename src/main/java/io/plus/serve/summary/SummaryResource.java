package io.plus.serve.summary;

import io.plus.serve.auth.CurrentCaller;
import io.plus.serve.ServeConfig;
import io.plus.serve.input.FieldRules;
import io.plus.serve.problem.Problem.FieldError;
import io.plus.serve.problem.ProblemException;
import io.plus.serve.users.UserKey;
import io.plus.serve.users.UserParams;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.List;

/**
 * summarize: read, replace (pin) and unpin a user's summary, by a service credential for any user
 * of its tenant ({@code /v1/users/{user}/summary}) or by an end user's token for themselves
 * ({@code /v1/me/summary}).
 */
@Path("/v1")
@Tag(name = "summarize")
@Produces(MediaType.APPLICATION_JSON)
public class SummaryResource {
    public static final String CACHE_HEADER = "X-Plus-Cache";

    /** The user's own summary text. */
    public record EditedSummary(String text) {
    }

    private final SummaryService summaries;
    private final ServeConfig config;
    private final CurrentCaller caller;

    @Inject
    public SummaryResource(SummaryService summaries, ServeConfig config, CurrentCaller caller) {
        this.summaries = summaries;
        this.config = config;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "getSummary", summary = "The user's current summary, with its statements and provenance",
            description = "Header X-Plus-Cache says whether Redis answered (hit) or it was read or built (miss).")
    @APIResponse(responseCode = "200", description = "The summary",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SummaryView.class)))
    @Path("users/{user}/summary")
    public Uni<Response> get(@PathParam("user") String user, @QueryParam("tenant") String tenant) {
        return read(UserParams.key(caller.get(), tenant, user, config.limits().idLength()));
    }

    @GET
    @Path("me/summary")
    @Operation(operationId = "getMySummary", summary = "The end user's own summary (an end user's token)")
    @APIResponse(responseCode = "200", description = "The summary",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SummaryView.class)))
    public Uni<Response> getMine() {
        return read(UserParams.me(caller.get()));
    }

    private Uni<Response> read(UserKey key) {
        return summaries.current(key).map(lookup -> (lookup.cacheHit()
                        ? Response.ok(lookup.cached().json(), MediaType.APPLICATION_JSON_TYPE)
                        : Response.ok(lookup.built())).header(CACHE_HEADER, lookup.cacheHit() ? "hit" : "miss").build());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceSummary", summary = "Replace the summary with the user's own text and pin it (scoring uses it until unpinned)")
    @Path("users/{user}/summary")
    public Uni<SummaryView> put(@PathParam("user") String user, @QueryParam("tenant") String tenant, EditedSummary body) {
        return replace(UserParams.key(caller.get(), tenant, user, config.limits().idLength()), body);
    }

    @PUT
    @Path("me/summary")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceMySummary", summary = "Replace the end user's own summary with their text and pin it")
    public Uni<SummaryView> putMine(EditedSummary body) {
        return replace(UserParams.me(caller.get()), body);
    }

    private Uni<SummaryView> replace(UserKey key, EditedSummary body) {
        List<FieldError> errors = new ArrayList<>();
        if (!FieldRules.summaryText(body == null ? null : body.text(), "/text", config.limits().summaryLength(), errors)) {
            throw ProblemException.invalid(errors);
        }
        return summaries.pin(key, body.text().strip());
    }

    @DELETE
    @Operation(operationId = "unpinSummary", summary = "Unpin the user's own summary; generated summaries apply again")
    @APIResponse(responseCode = "204", description = "Unpinned (or nothing was pinned)")
    @Path("users/{user}/summary")
    public Uni<Response> unpin(@PathParam("user") String user, @QueryParam("tenant") String tenant) {
        return unpin(UserParams.key(caller.get(), tenant, user, config.limits().idLength()));
    }

    @DELETE
    @Path("me/summary")
    @Operation(operationId = "unpinMySummary", summary = "Unpin the end user's own summary")
    @APIResponse(responseCode = "204", description = "Unpinned (or nothing was pinned)")
    public Uni<Response> unpinMine() {
        return unpin(UserParams.me(caller.get()));
    }

    private Uni<Response> unpin(UserKey key) {
        return summaries.unpin(key).map(unpinned -> Response.noContent().build());
    }
}
