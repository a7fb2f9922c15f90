package io.plus.serve.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves the API as problem+json: 4xx for what a client can fix, 503 when PostgreSQL is away. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** Seconds a client should wait before retrying when PostgreSQL is unreachable. */
    static final String RETRY_AFTER_SECONDS = "5";

    @ServerExceptionMapper
    public Response problem(ProblemException error, HttpServerRequest request) {
        Response.ResponseBuilder response = Response.status(error.status())
                .type(Problem.MEDIA_TYPE).entity(error.toProblem(request.path()));
        error.headers().forEach(response::header);
        return response.build();
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException error, HttpServerRequest request) {
        LOG.debugf("unreadable body on %s %s: %s", request.method(), request.path(), error.getOriginalMessage());
        return problem(JsonProblems.of(error), request);
    }

    // Jackson's more specific exceptions have built-in mappers that answer plain JSON: claim them too
    @ServerExceptionMapper
    public Response unparsable(com.fasterxml.jackson.core.JsonParseException error, HttpServerRequest request) {
        return json(error, request);
    }

    @ServerExceptionMapper
    public Response mismatched(com.fasterxml.jackson.databind.exc.MismatchedInputException error,
                               HttpServerRequest request) {
        return json(error, request);
    }

    @ServerExceptionMapper
    public Response mapping(com.fasterxml.jackson.databind.JsonMappingException error, HttpServerRequest request) {
        return json(error, request);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException error, HttpServerRequest request) {
        int status = error.getResponse().getStatus();
        if (error.getCause() instanceof JsonProcessingException json) {
            return json(json, request);
        }
        if (status >= 500) {
            return unexpected(error, request);
        }
        return problem(HttpProblems.of(status, request.method().name()), request);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable error, HttpServerRequest request) {
        if (error instanceof ProblemException problem) {
            return problem(problem, request);
        }
        if (DatabaseFailures.isUnavailable(error)) {
            LOG.warnf("PostgreSQL unavailable for %s %s: %s", request.method(), request.path(), error.toString());
            return problem(new ProblemException(503, "database-unavailable", "The database is unavailable",
                    "PostgreSQL cannot be reached; nothing was changed. Retry later.", null,
                    java.util.Map.of("Retry-After", RETRY_AFTER_SECONDS)), request);
        }
        LOG.errorf(error, "unexpected failure on %s %s", request.method(), request.path());
        return problem(new ProblemException(500, "internal", "Internal error",
                "The server failed unexpectedly; the failure is logged."), request);
    }
}
