package io.plus.serve.users;

import io.plus.serve.auth.CurrentCaller;
import io.plus.serve.ServeConfig;
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

@Path("/v1/users/{user}")
@Tag(name = "summarize")
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {
    /** The erased user and the counts of what was erased. */
    public record ErasureReport(String tenant, String user, UserErasure.Erased erased) {
    }

    @Inject
    UserErasure erasure;
    @Inject
    ServeConfig config;
    @Inject
    CurrentCaller caller;

    @DELETE
    @Operation(operationId = "eraseUser", summary = "Erase everything about the user (feedback, summaries, cache) and say what was erased")
    public Uni<ErasureReport> erase(@PathParam("user") String user, @QueryParam("tenant") String tenant) {
        UserKey key = UserParams.key(caller.get(), tenant, user, config.limits().idLength());
        return erasure.erase(key).map(erased -> new ErasureReport(key.tenant(), key.user(), erased));
    }
}
