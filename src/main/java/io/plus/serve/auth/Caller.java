package io.plus.serve.auth;

import io.plus.serve.problem.ProblemException;

import java.util.Set;

/**
 * Who is calling, as their verified credential says: the tenant they act for, what they may do,
 * which credential it was (for the audit log) and, for an end user's token, the one user it acts
 * for. A service credential (no subject) acts for any user of its tenant.
 */
public record Caller(String tenant, Set<Scope> scopes, String credentialId, String subject) {
    /** Where the request's routing context keeps the caller once the credential is verified. */
    public static final String CONTEXT_KEY = "plus.caller";

    public static Caller service(String tenant, Set<Scope> scopes, String credentialId) {
        return new Caller(tenant, scopes, credentialId, null);
    }

    public boolean isEndUser() {
        return subject != null;
    }

    /**
     * The tenant a request acts on: the caller's own. A request that names a tenant must name that
     * one; naming another is refused, whatever that tenant holds.
     */
    public String tenantFor(String named, String where) {
        if (named == null || named.isEmpty() || named.equals(tenant)) {
            return tenant;
        }
        throw new ProblemException(403, "tenant-mismatch", "Another tenant",
                where + " names a tenant this credential does not act for; leave it out to act for your own");
    }

    /**
     * The user a request acts on: any user of the tenant for a service credential, only the
     * token's own subject for an end user. The refusal is the same whether the other user exists
     * or not, and comes before anything is looked up.
     */
    public String userFor(String named, String where) {
        if (subject == null || subject.equals(named)) {
            return named;
        }
        throw new ProblemException(403, "other-user", "Another user",
                where + " names a user other than the one this end-user token acts for; use /v1/me/summary for your own");
    }

    /** The end user this token acts for; a service credential has none to offer. */
    public String me() {
        if (subject == null) {
            throw new ProblemException(403, "not-an-end-user", "No end user",
                    "/v1/me is for an end user's token; a service credential names the user in the path, /v1/users/{user}");
        }
        return subject;
    }
}
