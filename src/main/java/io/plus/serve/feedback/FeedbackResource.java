package io.plus.serve.feedback;

import io.plus.serve.auth.Caller;
import io.plus.serve.auth.CurrentCaller;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plus.serve.input.TenantLimits;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.util.List;

/** feedback-ingest: {@code POST /v1/feedback}. */
@Path("/v1/feedback")
@Tag(name = "feedback-ingest")
public class FeedbackResource {
    /** What the client gets back: every event of the request with its sequence number. */
    public record IngestResponse(List<FeedbackIngest.Receipt> events) {
    }

    private final FeedbackIngest ingest;
    private final ObjectMapper json;
    private final TenantLimits limits;
    private final CurrentCaller caller;

    @Inject
    public FeedbackResource(FeedbackIngest ingest, ObjectMapper json, TenantLimits limits, CurrentCaller caller) {
        this.ingest = ingest;
        this.json = json;
        this.limits = limits;
        this.caller = caller;
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, FeedbackParser.NDJSON})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "ingestFeedback", summary = "Store preference feedback or context items",
            description = "One event, a JSON array or NDJSON lines (at most 1000). Answered after the commit. "
                    + "The same eventId again is stored once and answered as before (replayed: true); the same "
                    + "eventId with different content is a 409. A request with any invalid event stores nothing.")
    @RequestBody(required = true, description = "An array of events (or one event alone, or NDJSON lines with "
            + "Content-Type application/x-ndjson)", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = FeedbackEventDocument.class, maxItems = 1000)),
            @Content(mediaType = FeedbackParser.NDJSON, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "200", description = "Stored (or replayed) events with their sequence numbers",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IngestResponse.class)))
    public Uni<IngestResponse> post(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
        boolean ndjson = contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith(FeedbackParser.NDJSON);
        Caller who = caller.get();
        List<FeedbackInput> events = new FeedbackParser(json, limits.of(who.tenant()), Clock.systemUTC())
                .parse(body, ndjson, who);
        return ingest.ingest(events).map(IngestResponse::new);
    }
}
