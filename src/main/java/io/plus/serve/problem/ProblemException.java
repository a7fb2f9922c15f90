package io.plus.serve.problem;

import java.util.List;
import java.util.Map;

/** Thrown anywhere in the serving code to answer with a problem document instead of a result. */
public class ProblemException extends RuntimeException {
    /** An error body stays a few kilobytes however many fields are wrong: the first ones are listed, the rest counted. */
    static final int MAX_LISTED_ERRORS = 20;
    private final int status;
    private final String slug;
    private final String title;
    private final List<Problem.FieldError> errors;
    private final Map<String, String> headers;

    public ProblemException(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, null, Map.of());
    }

    public ProblemException(int status, String slug, String title, String detail, List<Problem.FieldError> errors,
                            Map<String, String> headers) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = errors == null ? null : List.copyOf(errors);
        this.headers = Map.copyOf(headers);
    }

    public static ProblemException invalid(List<Problem.FieldError> errors) {
        Problem.FieldError first = errors.get(0);
        String detail = first.pointer() + ": " + first.detail()
                + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "");
        List<Problem.FieldError> listed = errors.size() > MAX_LISTED_ERRORS ? errors.subList(0, MAX_LISTED_ERRORS) : errors;
        return new ProblemException(400, "invalid-request", "The request is invalid", detail, listed, Map.of());
    }

    public static ProblemException invalid(String pointer, String detail) {
        return invalid(List.of(new Problem.FieldError(pointer, detail)));
    }

    public static ProblemException notFound(String slug, String detail) {
        return new ProblemException(404, slug, "Not found", detail);
    }

    /** This instance has more work waiting than it can clear soon: refused at once, with a retry hint. */
    public static ProblemException overloaded(String detail) {
        return new ProblemException(503, "overloaded", "Too much work waiting", detail + "; retry in a second",
                null, Map.of("Retry-After", "1"));
    }

    public static ProblemException conflict(String slug, String title, String detail) {
        return new ProblemException(409, slug, title, detail);
    }

    /**
     * The same problem found inside a part of the request: {@code pointer} is put before every
     * field's pointer and {@code where} before the detail (an NDJSON line's number, say).
     */
    public ProblemException within(String pointer, String where) {
        List<Problem.FieldError> moved = errors == null ? null
                : errors.stream().map(e -> new Problem.FieldError(pointer + e.pointer(), e.detail())).toList();
        return new ProblemException(status, slug, title, where + getMessage(), moved, headers);
    }

    public int status() {
        return status;
    }

    /** The problem type's last part, as in {@code urn:plus:problem:<slug>}. */
    public String slug() {
        return slug;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public Problem toProblem(String instance) {
        return new Problem(Problem.type(slug), title, status, getMessage(), instance, errors);
    }
}
