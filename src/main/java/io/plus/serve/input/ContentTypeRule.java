package io.plus.serve.input;

import io.plus.serve.problem.HttpProblems;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An endpoint that reads a body reads it only when the client says what it is: without a
 * Content-Type, or with a wildcard one, JAX-RS would guess and parse the body anyway. Such a
 * request is a 415 problem before anything is read.
 */
public class ContentTypeRule {
    /** Whether each resource method reads a body (declares @Consumes); looked up once per method. */
    private final Map<Method, Boolean> readsBody = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void requireContentType(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null || !readsBody.computeIfAbsent(method, ContentTypeRule::declaresConsumes)) {
            return;
        }
        MediaType type = request.getMediaType();
        if (type == null || type.isWildcardType() || type.isWildcardSubtype()) {
            throw HttpProblems.of(415, request.getMethod());
        }
    }

    private static boolean declaresConsumes(Method method) {
        return method.isAnnotationPresent(Consumes.class) || method.getDeclaringClass().isAnnotationPresent(Consumes.class)
                && method.getParameterCount() > 0 && !onlyHeaderOrPathParameters(method);
    }

    /** A method of a class-level @Consumes that takes no body (only path, query or header parameters). */
    private static boolean onlyHeaderOrPathParameters(Method method) {
        for (var parameter : method.getParameters()) {
            if (!(parameter.isAnnotationPresent(jakarta.ws.rs.PathParam.class)
                    || parameter.isAnnotationPresent(jakarta.ws.rs.QueryParam.class)
                    || parameter.isAnnotationPresent(jakarta.ws.rs.HeaderParam.class))) {
                return false;
            }
        }
        return true;
    }
}
