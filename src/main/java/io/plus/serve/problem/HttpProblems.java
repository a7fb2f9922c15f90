package io.plus.serve.problem;

import java.util.Map;

/**
 * The problems the HTTP layer itself raises (no such path, wrong method, wrong media type, a body
 * or header too large), each with a stable type and a detail that says what to change.
 */
public final class HttpProblems {
    private record Kind(String slug, String title, String detail) {
    }

    private static final Map<Integer, Kind> KINDS = Map.of(
            400, new Kind("bad-request", "Bad request", "the request cannot be read as HTTP (path encoding, headers or Host)"),
            404, new Kind("not-found", "Not found", "no resource at this path"),
            405, new Kind("method-not-allowed", "Method not allowed", "this path does not take that method"),
            406, new Kind("not-acceptable", "Not acceptable", "answers are application/json or application/problem+json"),
            413, new Kind("request-too-large", "Request too large", "the body is larger than this server accepts"),
            414, new Kind("uri-too-long", "URI too long", "the request line is longer than this server accepts"),
            415, new Kind("unsupported-media-type", "Unsupported media type",
                    "send the body as application/json (feedback also takes application/x-ndjson)"),
            431, new Kind("headers-too-large", "Request header fields too large", "the headers are larger than this server accepts"));

    private HttpProblems() {
    }

    public static ProblemException of(int status, String method) {
        Kind kind = KINDS.get(status);
        if (kind == null) {
            return new ProblemException(status, "http-" + status, "Client error", "the request cannot be served");
        }
        String detail = status == 405 ? "this path does not take " + safeMethod(method) : kind.detail();
        return new ProblemException(status, kind.slug(), kind.title(), detail);
    }

    private static String safeMethod(String method) {
        return method != null && method.matches("[A-Z]{1,16}") ? method : "that method";
    }
}
