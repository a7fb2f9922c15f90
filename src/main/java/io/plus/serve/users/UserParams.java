package io.plus.serve.users;

import io.plus.serve.auth.Caller;
import io.plus.serve.input.FieldRules;
import io.plus.serve.problem.Problem.FieldError;
import io.plus.serve.problem.ProblemException;

import java.util.ArrayList;
import java.util.List;

/**
 * Validates the user named in a URL and settles the tenant: the caller's own; a {@code ?tenant=}
 * naming another is refused.
 */
public final class UserParams {
    private UserParams() {
    }

    public static UserKey key(Caller caller, String tenant, String user, int maxLength) {
        List<FieldError> errors = new ArrayList<>();
        if (tenant != null && !tenant.isEmpty()) {
            FieldRules.id(tenant, "?tenant", maxLength, errors);
        }
        FieldRules.id(user == null ? "" : user, "/user", maxLength, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new UserKey(caller.tenantFor(tenant, "?tenant"), user);
    }
}
