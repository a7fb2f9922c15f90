package io.plus.serve.auth;

import io.plus.serve.ServeConfig;
import io.plus.serve.input.TenantLimits;
import io.plus.serve.problem.ProblemException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.Optional;

/**
 * Every data call is authenticated before anything else reads it (the summary cache's fast route
 * included): the bearer API key is verified, its scope checked against {@link RequiredScopes}, the
 * tenant's rate limit applied, and the {@link Caller} left in the routing context for the
 * resources, which take the tenant from it.
 */
@ApplicationScoped
public class AuthenticationRoute {
    private static final Logger LOG = Logger.getLogger(AuthenticationRoute.class);
    /** Right after the oversized-body check, before every route that reads a request. */
    private static final int ORDER = Integer.MIN_VALUE + 101;

    private final Authenticator authenticator;
    private final ServeConfig config;
    private final TenantLimits tenantLimits;
    private final TenantRateLimiter rates;

    @Inject
    public AuthenticationRoute(Authenticator authenticator, ServeConfig config, TenantLimits tenantLimits) {
        this.authenticator = authenticator;
        this.config = config;
        this.tenantLimits = tenantLimits;
        this.rates = new TenantRateLimiter(tenant -> {
            ServeConfig.Limits own = tenantLimits.of(tenant);
            return new TenantRateLimiter.Rate(own.tenantRequestsPerSecond(), own.tenantBurst());
        });
    }

    void register(@Observes Router router) {
        if (config.enabled()) {
            router.route().order(ORDER).handler(this::authenticate);
        }
    }

    void authenticate(RoutingContext routing) {
        Optional<Scope> scope = RequiredScopes.of(routing.request().method(), routing.request().path());
        if (scope.isEmpty()) {
            routing.next();
            return;
        }
        String authorization = routing.request().getHeader(HttpHeaders.AUTHORIZATION);
        Caller recognised = authenticator.recognised(authorization);
        if (recognised != null) {
            admit(routing, scope.get(), recognised); // nearly every request: no Uni, no wait
            return;
        }
        authenticator.authenticate(authorization).subscribe().with(caller -> admit(routing, scope.get(), caller), failure -> {
            if (failure instanceof ProblemException problem) {
                routing.fail(problem);
                return;
            }
            LOG.warnf("cannot verify a credential: %s", failure.toString());
            routing.fail(new ProblemException(503, "credentials-unavailable", "Credentials cannot be checked",
                    "the credential store is unreachable; retry shortly"));
        });
    }

    /** A verified caller goes on if its credential has the scope and its tenant is within its rate. */
    private void admit(RoutingContext routing, Scope scope, Caller caller) {
        if (!caller.scopes().contains(scope)) {
            routing.fail(new ProblemException(403, "insufficient-scope", "Scope missing",
                    "this call needs the scope " + scope.wire() + "; the key has " + Scope.format(caller.scopes())));
            return;
        }
        long waitMillis = caller.tenant() == null ? 0 : rates.acquire(caller.tenant());
        if (waitMillis > 0) {
            long seconds = Math.max(1, (waitMillis + 999) / 1000);
            routing.fail(new ProblemException(429, "rate-limited", "Too many requests",
                    "this tenant is over its limit of " + tenantLimits.of(caller.tenant()).tenantRequestsPerSecond()
                            + " calls per second on this instance; retry after " + seconds + " s",
                    null, Map.of("Retry-After", Long.toString(seconds))));
            return;
        }
        routing.put(Caller.CONTEXT_KEY, caller);
        routing.next();
    }

    /**
     * The caller this request was authenticated as. A data call that reached its resource without
     * one (a path spelled so that {@link RequiredScopes} did not know it) is refused, never served.
     */
    public static Caller callerOf(RoutingContext routing) {
        Caller caller = routing.get(Caller.CONTEXT_KEY);
        if (caller == null) {
            LOG.warnf("a data call reached its resource unauthenticated: %s", routing.request().path());
            throw Authenticator.missing();
        }
        return caller;
    }
}
