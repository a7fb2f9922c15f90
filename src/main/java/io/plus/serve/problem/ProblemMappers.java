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
    public Response malformedJson(JsonProcessingException error, HttpServerRequest request) {
        return problem(new ProblemException(400, "malformed-json", "The body is not valid JSON",
                error.getOriginalMessage()), request);
    }

    // Jackson's more specific exceptions have built-in mappers that answer plain JSON: claim them too
    @ServerExceptionMapper
    public Response unparsable(com.fasterxml.jackson.core.JsonParseException error, HttpServerRequest request) {
        return malformedJson(error, request);
    }

    @ServerExceptionMapper
    public Response mismatched(com.fasterxml.jackson.databind.exc.MismatchedInputException error,
                               HttpServerRequest request) {
        return malformedJson(error, request);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException error, HttpServerRequest request) {
        int status = error.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(error, request);
        }
        String title = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Client error";
        Throwable cause = error.getCause();
        if (cause instanceof JsonProcessingException json) {
            return malformedJson(json, request);
        }
        return problem(new ProblemException(status, "http-" + status, title, error.getMessage()), request);
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
