package io.plus.serve.audit;

import io.plus.serve.problem.Problem.FieldError;
import io.plus.serve.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The audit log for admins: who did what to which user, model or key, when, and how it ended. */
@Path("/v1/audit")
@Tag(name = "models")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {
    private static final int MAX_ENTRIES = 1000;

    public record AuditPage(List<AuditLog.Entry> entries) {
    }

    private final AuditLog audit;

    @Inject
    public AuditResource(AuditLog audit) {
        this.audit = audit;
    }

    @GET
    @Operation(operationId = "readAudit", summary = "Admin actions and erasures, newest first (admin scope)")
    public Uni<AuditPage> read(@QueryParam("since") String since, @QueryParam("action") String action,
                               @QueryParam("limit") Integer limit) {
        List<FieldError> errors = new ArrayList<>();
        Optional<OffsetDateTime> from = Optional.empty();
        if (since != null) {
            try {
                from = Optional.of(OffsetDateTime.parse(since));
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("?since", "must be a timestamp such as 2026-12-01T00:00:00Z"));
            }
        }
        if (action != null && !action.matches("[a-z]+\\.[a-z]+")) {
            errors.add(new FieldError("?action", "must be an action name such as user.erase or model.activate"));
        }
        if (limit != null && (limit < 1 || limit > MAX_ENTRIES)) {
            errors.add(new FieldError("?limit", "must be 1 to " + MAX_ENTRIES));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return audit.read(from, Optional.ofNullable(action), limit == null ? 100 : limit).map(AuditPage::new);
    }
}
