package io.plus.serve.auth;

import io.plus.serve.problem.ProblemException;

import java.util.Set;

/** Who is calling, as their verified credential says: the tenant they act for and what they may do. */
public record Caller(String tenant, Set<Scope> scopes, String keyId) {
    /** Where the request's routing context keeps the caller once the credential is verified. */
    public static final String CONTEXT_KEY = "plus.caller";

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
}
