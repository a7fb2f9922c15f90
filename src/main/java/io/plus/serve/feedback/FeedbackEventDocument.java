package io.plus.serve.feedback;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One feedback event as the OpenAPI document describes it. The resource reads the raw body itself
 * ({@link FeedbackParser}: one event, an array or NDJSON, all problems reported at once), so this
 * type exists for the document and for generated clients only.
 */
@Schema(name = "FeedbackEvent", description = "A preference (prompt, chosen, rejected) or a context item; give exactly one")
public record FeedbackEventDocument(
        @Schema(description = "optional: the tenant of your API key, the only one you may name") String tenant,
        @Schema(required = true) String user,
        @Schema(required = true, description = "the client's id of the event: sending it again stores it once") String eventId,
        @Schema(required = true, description = "ISO-8601 with offset, 1970 to 9999, at most a day ahead") String timestamp,
        Preference preference,
        Context context) {

    public record Preference(@Schema(required = true) String prompt, @Schema(required = true) String chosen,
                             @Schema(required = true) String rejected) {
    }

    public record Context(@Schema(required = true, enumeration = {"conversation", "self-description"}) String kind,
                          @Schema(required = true) String text) {
    }
}
