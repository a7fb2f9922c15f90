package io.plus.serve.input;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Request bodies are read exactly as sent: one JSON value and nothing after it, each key once, no
 * field the endpoint does not know, no number or boolean turned into a string, and bounds on
 * nesting, token count and string length so that a hostile body costs little to refuse.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {
    // The parser's bounds are constants: Jackson is set up while the application starts, before
    // runtime configuration exists. The endpoints' own limits (events, lengths, score characters)
    // are runtime settings (ServeConfig.Limits), checked field by field after these.

    /** Nesting of arrays and objects in a request body; ours need 4. */
    public static final int MAX_DEPTH = 16;
    /** JSON tokens (keys, values, brackets) in one body: 1,000 feedback events need about 20,000. */
    public static final long MAX_TOKENS = 60_000;
    /** Characters of any one JSON string; the field rules then apply their own, smaller limits. */
    public static final int MAX_STRING_LENGTH = 100_000;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_DEPTH).maxTokenCount(MAX_TOKENS).maxStringLength(MAX_STRING_LENGTH).build());
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        // Jackson turns 5 and true into "5" and "true" for a string field unless told not to
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    }
}
