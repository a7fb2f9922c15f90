package io.plus.serve.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * An RFC 9457 problem document. {@code type} is a stable URN per kind of problem, so clients can
 * branch on it; {@code errors} lists every field that failed validation, with a JSON pointer.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
                      List<FieldError> errors) {
    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:plus:problem:";

    /** One invalid field: where it is (JSON pointer into the request) and what is wrong. */
    public record FieldError(String pointer, String detail) {
    }

    public static String type(String slug) {
        return TYPE_PREFIX + slug;
    }
}
