package io.plus.serve.functions;

import io.plus.serve.ServeConfig;
import io.plus.serve.ServedFunction;
import io.plus.serve.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * Answers calls to a function this instance does not serve with a 404 problem naming the functions
 * it does, so a misrouted call is plain to see (a Service pointing at the wrong pods, say).
 */
public class FunctionGate {
    /** A provider: filters are created at static init, before runtime configuration exists. */
    private final Provider<ServeConfig> configProvider;
    /** Resolved on the first request, not on every one (this filter runs on every call). */
    private volatile ServeConfig config;

    @Inject
    public FunctionGate(Provider<ServeConfig> configProvider) {
        this.configProvider = configProvider;
    }

    @ServerRequestFilter(preMatching = true)
    public void admit(ContainerRequestContext request) {
        ServeConfig config = this.config;
        if (config == null) {
            config = configProvider.get();
            this.config = config;
        }
        String path = request.getUriInfo().getPath();
        var function = ServedFunction.ofPath(path);
        if (function.isPresent() && !config.functions().contains(function.get())) {
            throw notServed(config, function.get().label() + " is not served by this instance");
        }
        if (function.isEmpty() && ServedFunction.startsWithSegment(path, "/v1/models") && !config.needsModel()) {
            throw notServed(config, "the model registry is served by instances that load models (summarize, score)");
        }
    }

    private static ProblemException notServed(ServeConfig config, String what) {
        String served = config.functions().stream().map(ServedFunction::label).sorted().collect(Collectors.joining(", "));
        return new ProblemException(404, "function-not-served", "Function not served here",
                what + "; it serves: " + served, null, Map.of());
    }
}
