package io.plus.serve.feedback;

import io.plus.bundle.Sha256;
import io.plus.serve.users.UserKey;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;

/**
 * One validated event of a request. {@code pointer} says where it was in the request (for errors);
 * {@link #contentSha256()} identifies its content, to tell a retry from another event reusing an id.
 */
public record FeedbackInput(String pointer, String tenant, String user, String eventId, OffsetDateTime occurredAt,
                            String kind, String prompt, String chosen, String rejected, String contextText) {

    public UserKey userKey() {
        return new UserKey(tenant, user);
    }

    public String contentSha256() {
        // length-prefixed fields: no two different events share a canonical form
        StringBuilder canonical = new StringBuilder();
        for (String field : new String[]{tenant, user, eventId,
                occurredAt.toInstant().toString(), kind, prompt, chosen, rejected, contextText}) {
            canonical.append(field == null ? -1 : field.length()).append(':').append(field == null ? "" : field);
        }
        return Sha256.of(canonical.toString().getBytes(StandardCharsets.UTF_8));
    }

    FeedbackEvent toEntity(long sequence, OffsetDateTime receivedAt) {
        FeedbackEvent event = new FeedbackEvent();
        event.tenant = tenant;
        event.userId = user;
        event.eventId = eventId;
        event.sequence = sequence;
        event.kind = kind;
        event.prompt = prompt;
        event.chosen = chosen;
        event.rejected = rejected;
        event.contextText = contextText;
        event.occurredAt = occurredAt;
        event.receivedAt = receivedAt;
        event.bodySha256 = contentSha256();
        return event;
    }
}
