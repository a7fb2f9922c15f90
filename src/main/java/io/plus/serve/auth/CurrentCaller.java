package io.plus.serve.auth;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The authenticated caller of the request being handled, for the resources. */
@ApplicationScoped
public class CurrentCaller {
    private final CurrentVertxRequest request;

    @Inject
    public CurrentCaller(CurrentVertxRequest request) {
        this.request = request;
    }

    public Caller get() {
        return AuthenticationRoute.callerOf(request.getCurrent());
    }
}
