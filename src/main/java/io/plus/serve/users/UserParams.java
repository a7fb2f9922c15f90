package io.plus.serve.users;

import io.plus.serve.input.FieldRules;
import io.plus.serve.problem.Problem.FieldError;
import io.plus.serve.problem.ProblemException;

import java.util.ArrayList;
import java.util.List;

/** Validates the tenant and user named in a URL. */
public final class UserParams {
    public static final String DEFAULT_TENANT = "default";

    private UserParams() {
    }

    public static UserKey key(String tenant, String user, int maxLength) {
        List<FieldError> errors = new ArrayList<>();
        String t = tenant == null || tenant.isEmpty() ? DEFAULT_TENANT : tenant;
        FieldRules.id(t, "?tenant", maxLength, errors);
        FieldRules.id(user == null ? "" : user, "/user", maxLength, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new UserKey(t, user);
    }
}
