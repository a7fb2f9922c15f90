package io.plus.serve;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Work finished on another thread (the encoder, a shared transaction, another request's build)
 * must come back on the Vert.x context of the request that waits for it: that request's database
 * session is bound to its context.
 */
public final class CallerContext {
    private CallerContext() {
    }

    /** {@code result}, delivered on the calling thread's Vert.x context (as is when there is none). */
    public static <T> Uni<T> resumeOn(Uni<T> result) {
        Context caller = Vertx.currentContext();
        return caller == null ? result : result.emitOn(task -> caller.runOnContext(ignored -> task.run()));
    }
}
