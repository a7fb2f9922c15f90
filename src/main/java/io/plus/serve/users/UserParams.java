package io.plus.serve.users;

import io.plus.serve.auth.Caller;
import io.plus.serve.input.FieldRules;
import io.plus.serve.problem.Problem.FieldError;
import io.plus.serve.problem.ProblemException;

import java.util.ArrayList;
import java.util.List;

/**
 * Validates the user named in a URL and settles the tenant: the caller's own; a {@code ?tenant=}
 * naming another is refused, and so is, for an end user's token, any user but its own.
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
        return new UserKey(caller.tenantFor(tenant, "?tenant"), caller.userFor(user, "/user"));
    }

    /** The end user an end-user token acts for ({@code /v1/me}); a service credential is refused. */
    public static UserKey me(Caller caller) {
        return new UserKey(caller.tenant(), caller.me());
    }
}
