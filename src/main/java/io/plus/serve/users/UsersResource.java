package io.plus.serve.users;

import io.plus.serve.ServeConfig;
import io.plus.serve.audit.AuditLog;
import io.plus.serve.auth.CurrentCaller;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;


/** Erasure of a user: by a service credential for any user of its tenant, by an end user's token for themselves. */
@Path("/v1")
@Tag(name = "summarize")
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {
    /** The erased user and the counts of what was erased. */
    public record ErasureReport(String tenant, String user, UserErasure.Erased erased) {
    }

    private final UserErasure erasure;
    private final ServeConfig config;
    private final CurrentCaller caller;
    private final AuditLog audit;

    @Inject
    public UsersResource(UserErasure erasure, ServeConfig config, CurrentCaller caller, AuditLog audit) {
        this.erasure = erasure;
        this.config = config;
        this.caller = caller;
        this.audit = audit;
    }

    @DELETE
    @Operation(operationId = "eraseUser", summary = "Erase everything about the user (feedback, summaries, cache) and say what was erased")
    @Path("users/{user}")
    public Uni<ErasureReport> erase(@PathParam("user") String user, @QueryParam("tenant") String tenant) {
        return erase(UserParams.key(caller.get(), tenant, user, config.limits().idLength()));
    }

    @DELETE
    @Path("me")
    @Operation(operationId = "eraseMe", summary = "Erase everything about the end user whose token this is")
    public Uni<ErasureReport> eraseMe() {
        return erase(UserParams.me(caller.get()));
    }

    private Uni<ErasureReport> erase(UserKey key) {
        AuditLog.Action action = AuditLog.Action.by(caller.get(), "user.erase", key.tenant(), key.user());
        // the erasure writes its success entry itself, in its transaction
        return audit.recordedUnlessSucceeded(action,
                erasure.erase(key, action).map(erased -> new ErasureReport(key.tenant(), key.user(), erased)));
    }
}
