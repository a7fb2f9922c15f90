package io.plus.serve.feedback;

import io.plus.serve.users.UserKey;
import io.smallrye.mutiny.Uni;

import java.util.Map;

/**
 * What must learn of newly stored feedback (the summary cache, which drops what it made stale).
 * Ingest depends on this, not on the cache, so feedback does not depend on summary.
 */
public interface NewFeedback {
    /** Feedback was committed up to these watermarks; answered before the client is. Never fails. */
    Uni<Void> stored(Map<UserKey, Long> watermarks);
}
