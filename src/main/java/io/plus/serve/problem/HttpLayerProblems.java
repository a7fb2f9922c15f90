package io.plus.serve.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Errors raised below JAX-RS — a request without Host, a declared body over the size limit, a
 * failure while routing — answered as problem+json like every other error, instead of the HTTP
 * layer's own bodies (empty, or JSON of another shape). Quarkus' URI check and Vert.x's HTTP codec
 * (bad percent-encoding, 431, 414) answer before any route, so they stay bare.
 */
@ApplicationScoped
public class HttpLayerProblems {
    private static final Logger LOG = Logger.getLogger(HttpLayerProblems.class);
    /** Before every other route, so an oversized body is refused before anything reads it. */
    private static final int FIRST = Integer.MIN_VALUE + 100;

    private final ObjectMapper json;
    private final long maxBodyBytes;

    @Inject
    public HttpLayerProblems(ObjectMapper json,
                             @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBody) {
        this.json = json;
        this.maxBodyBytes = maxBody.asLongValue();
    }

    void register(@Observes Router router) {
        router.route().order(FIRST).handler(this::refuseDeclaredOversizedBody);
        router.route().order(FIRST).failureHandler(this::answer);
        // failures Vert.x Web meets while routing, before any handler of a route (a request without
        // Host, say), go to the router's error handlers, not to the routes' failure handlers
        for (int status : new int[]{400, 404, 405, 413, 414, 415, 431, 500}) {
            router.errorHandler(status, this::answer);
        }
    }

    private void refuseDeclaredOversizedBody(RoutingContext routing) {
        String length = routing.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && length.length() < 20 && length.chars().allMatch(Character::isDigit)
                && Long.parseLong(length) > maxBodyBytes) {
            routing.response().putHeader(HttpHeaders.CONNECTION, "close");
            write(routing, HttpProblems.of(413, null));
            return;
        }
        routing.next();
    }

    private void answer(RoutingContext routing) {
        if (routing.response().headWritten() || routing.response().ended()) {
            routing.next();
            return;
        }
        int status = routing.statusCode();
        ProblemException problem;
        if (routing.failure() instanceof ProblemException known) {
            problem = known;
        } else if (status >= 400 && status < 500) {
            problem = HttpProblems.of(status, routing.request().method().name());
        } else {
            LOG.errorf(routing.failure(), "unexpected failure below the REST layer on %s", routing.request().method());
            problem = new ProblemException(500, "internal", "Internal error",
                    "The server failed unexpectedly; the failure is logged.");
        }
        write(routing, problem);
    }

    private void write(RoutingContext routing, ProblemException problem) {
        String body;
        try {
            body = json.writeValueAsString(problem.toProblem(safePath(routing)));
        } catch (JsonProcessingException e) {
            body = "{\"type\":\"urn:plus:problem:internal\",\"status\":500}";
        }
        var response = routing.response().setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        problem.headers().forEach(response::putHeader);
        response.end(body);
    }

    /** The request path as sent, if it is plain ASCII without controls; otherwise none is echoed. */
    private static String safePath(RoutingContext routing) {
        String path = routing.request().path();
        return path != null && path.length() <= 512 && path.chars().allMatch(c -> c > 0x20 && c < 0x7f) ? path : null;
    }
}
