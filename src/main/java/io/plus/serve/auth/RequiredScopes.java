package io.plus.serve.auth;

import io.vertx.core.http.HttpMethod;

import java.util.Optional;

/**
 * The scope each data and admin call needs, by path and method: the one table of who may do what.
 * Paths not listed need none: health, metrics and the OpenAPI document.
 */
public final class RequiredScopes {
    private RequiredScopes() {
    }

    public static Optional<Scope> of(HttpMethod method, String rawPath) {
        String path = canonical(rawPath);
        if (under(path, "/v1/models") || under(path, "/v1/audit")) {
            return Optional.of(Scope.ADMIN);
        }
        if (under(path, "/v1/feedback")) {
            return Optional.of(Scope.INGEST);
        }
        if (under(path, "/v1/score")) {
            return Optional.of(Scope.SCORE);
        }
        if (under(path, "/v1/me")) {
            // the caller's own, as /v1/users/{user}: "/v1/me/summary" reads or edits, anything else erases
            String[] segments = path.substring("/v1/me".length()).split("/", -1);
            return Optional.of(segments.length >= 2 && segments[1].equals("summary") ? summaryScope(method) : Scope.ERASE);
        }
        if (under(path, "/v1/users")) {
            String[] segments = path.substring("/v1/users".length()).split("/", -1);
            // "", user, ["summary"]
            if (segments.length >= 3 && segments[2].equals("summary")) {
                return Optional.of(summaryScope(method));
            }
            return Optional.of(Scope.ERASE);
        }
        return Optional.empty();
    }

    /**
     * The path as the REST layer matches it: percent-escapes decoded, runs of slashes collapsed,
     * so {@code /v1//feedback} or {@code /v1/%66eedback} needs the scope {@code /v1/feedback} does.
     */
    static String canonical(String path) {
        if (path.indexOf('%') < 0 && path.indexOf('+') < 0 && !path.contains("//")) {
            return path; // nearly every request: nothing to decode or collapse
        }
        String decoded;
        try {
            decoded = java.net.URLDecoder.decode(path.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            decoded = path; // the REST layer refuses it as it is
        }
        return decoded.replaceAll("/{2,}", "/");
    }

    private static Scope summaryScope(HttpMethod method) {
        boolean reads = method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS;
        return reads ? Scope.SUMMARY_READ : Scope.SUMMARY_WRITE;
    }

    private static boolean under(String path, String prefix) {
        return path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
    }
}
