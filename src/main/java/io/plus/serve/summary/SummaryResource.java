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

/** summarize: read, replace (pin) and unpin a user's summary. */
@Path("/v1/users/{user}/summary")
@Tag(name = "summarize")
@Produces(MediaType.APPLICATION_JSON)
public class SummaryResource {
    public static final String CACHE_HEADER = "X-Plus-Cache";

    /** The user's own summary text. */
    public record EditedSummary(String text) {
    }

    @Inject
    SummaryService summaries;
    @Inject
    ServeConfig config;
    @Inject
    CurrentCaller caller;

    @GET
    @Operation(operationId = "getSummary", summary = "The user's current summary, with its statements and provenance",
            description = "Header X-Plus-Cache says whether Redis answered (hit) or it was read or built (miss).")
    @APIResponse(responseCode = "200", description = "The summary",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SummaryView.class)))
    public Uni<Response> get(@PathParam("user") String user, @QueryParam("tenant") String tenant) {
        UserKey key = UserParams.key(caller.get(), tenant, user, config.limits().idLength());
        return summaries.current(key).map(lookup -> (lookup.cacheHit()
                        ? Response.ok(lookup.cached().json(), MediaType.APPLICATION_JSON_TYPE)
                        : Response.ok(lookup.built())).header(CACHE_HEADER, lookup.cacheHit() ? "hit" : "miss").build());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceSummary", summary = "Replace the summary with the user's own text and pin it (scoring uses it until unpinned)")
    public Uni<SummaryView> put(@PathParam("user") String user, @QueryParam("tenant") String tenant, EditedSummary body) {
        UserKey key = UserParams.key(caller.get(), tenant, user, config.limits().idLength());
        List<FieldError> errors = new ArrayList<>();
        if (!FieldRules.text(body == null ? null : body.text(), "/text", config.limits().summaryLength(), errors)) {
            throw ProblemException.invalid(errors);
        }
        return summaries.pin(key, body.text().strip());
    }

    @DELETE
    @Operation(operationId = "unpinSummary", summary = "Unpin the user's own summary; generated summaries apply again")
    @APIResponse(responseCode = "204", description = "Unpinned (or nothing was pinned)")
    public Uni<Response> unpin(@PathParam("user") String user, @QueryParam("tenant") String tenant) {
        UserKey key = UserParams.key(caller.get(), tenant, user, config.limits().idLength());
        return summaries.unpin(key).map(unpinned -> Response.noContent().build());
    }
}
