package io.plus.serve.openapi;

import io.plus.serve.auth.RequiredScopes;
import io.plus.serve.auth.Scope;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.eclipse.microprofile.openapi.models.tags.Tag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes into the OpenAPI document every error each operation can answer, as the problem+json
 * schema with the problem types it may carry, so that a client generated from the document handles
 * our errors by type; and the tag descriptions, which annotations cannot give once for all classes.
 * The errors every endpoint shares are added here; those of one operation are listed by its id.
 */
public class ProblemResponses implements OASFilter {
    static final String PROBLEM = "application/problem+json";
    static final String API_KEY = "apiKey";
    static final String JWT = "jwt";
    static final String ADMIN_TOKEN = "adminToken";
    private static final String SCHEMA_REF = "#/components/schemas/Problem";

    /** Status, and the problem types with that status, of one operation beyond the shared ones. */
    private static final Map<String, Map<String, String>> SPECIFIC = Map.of(
            "ingestFeedback", Map.of("409", "event-id-conflict: an eventId seen before with other content"),
            "score", Map.of("413", "score-text-too-large: more characters to read than one request may ask"),
            "scoreBatch", Map.of("413", "score-text-too-large: more characters to read than one request may ask"),
            "registerModel", Map.of(
                    "409", "model-version-exists: the version is registered with another manifest",
                    "422", "bundle-invalid, location-outside-model-store: the bundle cannot be registered"),
            "activateModel", Map.of(
                    "404", "model-version-not-found, function-not-served",
                    "422", "bundle-invalid: the bundle no longer verifies"),
            "rollbackModel", Map.of(
                    "409", "no-previous-model: no version was active before",
                    "422", "bundle-invalid: the previous bundle no longer verifies"));

    private static final Map<String, String> TAGS = Map.of(
            "feedback-ingest", "Store users' preference feedback and context; durable before the answer, idempotent by eventId",
            "summarize", "Read, pin, unpin and erase each user's text summary of their preferences",
            "score", "Rank candidate responses for a user's summary or any summary text",
            "models", "The model registry (list, register, activate and roll back model versions) and the audit log of "
                    + "admin actions and erasures");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema("Problem", problemSchema());
        openAPI.getComponents().addSecurityScheme(API_KEY, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer")
                .description("An API key (`plus keys create`): it acts for one tenant, with scopes; each operation "
                        + "names the scope it needs in x-required-scope"));
        openAPI.getComponents().addSecurityScheme(JWT, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("A JWT of the identity provider the installation trusts (plus.serve.jwt.*): its claims "
                        + "give the tenant, the scopes and, for an end user, the one user it may reach"));
        openAPI.getComponents().addSecurityScheme(ADMIN_TOKEN, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer")
                .description("The installation's admin token (PLUS_ADMIN_TOKEN), for the model registry and the audit log"));
        List<Tag> tags = new ArrayList<>();
        TAGS.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(tag -> tags.add(OASFactory.createTag().name(tag.getKey()).description(tag.getValue())));
        openAPI.setTags(tags);
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((template, path) -> path.getOperations().forEach((method, operation) -> {
            addSecurity(template, method, operation);
            addProblems(operation, path);
        }));
    }

    /**
     * Every call but health, metrics and this document needs a credential with the scope
     * {@link RequiredScopes} names: an API key or a JWT, and for admin calls also the admin token.
     */
    private static void addSecurity(String template, PathItem.HttpMethod method, Operation operation) {
        Optional<Scope> scope = RequiredScopes.of(io.vertx.core.http.HttpMethod.valueOf(method.name()), template);
        if (scope.isEmpty()) {
            return;
        }
        List<SecurityRequirement> accepted = new ArrayList<>(List.of(OASFactory.createSecurityRequirement().addScheme(API_KEY),
                OASFactory.createSecurityRequirement().addScheme(JWT)));
        if (scope.get() == Scope.ADMIN) {
            accepted.add(OASFactory.createSecurityRequirement().addScheme(ADMIN_TOKEN));
        }
        operation.setSecurity(accepted);
        operation.addExtension("x-required-scope", scope.get().wire());
        addResponse(operation, "401", "unauthenticated, invalid-credential, credential-expired, credential-revoked, "
                + "no-api-keys: no valid credential was sent");
        addResponse(operation, "403", "insufficient-scope: the credential lacks " + scope.get().wire()
                + (scope.get() == Scope.ADMIN ? "" : "; tenant-mismatch: the request names another tenant than the "
                + "credential's; other-user: an end user's token names another user; not-an-end-user: /v1/me with "
                + "a service credential"));
        addResponse(operation, "429", "rate-limited (with Retry-After): the tenant is over its rate on this instance");
    }

    private static void addResponse(Operation operation, String status, String types) {
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        if (responses.getAPIResponse(status) == null) {
            responses.addAPIResponse(status, problemResponse(types));
        }
        operation.setResponses(responses);
    }

    private static void addProblems(Operation operation, PathItem path) {
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        boolean readsBody = operation.getRequestBody() != null;
        boolean hasParameters = operation.getParameters() != null && !operation.getParameters().isEmpty()
                || path.getParameters() != null && !path.getParameters().isEmpty();
        Map<String, String> problems = new LinkedHashMap<>();
        if (readsBody || hasParameters) {
            problems.put("400", "invalid-request, malformed-json, json-too-complex: the request cannot be used as sent; "
                    + "errors[] names each field by a JSON pointer");
        }
        problems.put("404", "function-not-served, not-found: this instance does not answer the path");
        if (readsBody) {
            problems.put("413", "request-too-large: the body is over the size limit");
            problems.put("415", "unsupported-media-type: the body is not sent as JSON");
        }
        problems.put("503", "database-unavailable (with Retry-After), no-active-model: retry later; nothing was changed");
        String id = operation.getOperationId();
        SPECIFIC.getOrDefault(id, Map.of()).forEach((status, types) -> problems.merge(status, types,
                (shared, own) -> own + "; " + shared));
        problems.forEach((status, types) -> {
            if (responses.getAPIResponse(status) == null) {
                responses.addAPIResponse(status, problemResponse(types));
            }
        });
        // errors the scanner inferred on its own (a 400 for header parameters, say) are problems too
        if (responses.getAPIResponses() != null) {
            responses.getAPIResponses().forEach((status, response) -> {
                if (status.matches("[45]\\d\\d") && response.getContent() == null) {
                    response.setContent(problemContent());
                }
            });
        }
        operation.setResponses(responses);
    }

    private static APIResponse problemResponse(String types) {
        return OASFactory.createAPIResponse().description("Problem (type urn:plus:problem:…): " + types)
                .content(problemContent());
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(PROBLEM,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(SCHEMA_REF)));
    }

    private static Schema problemSchema() {
        Schema string = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema fieldError = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("pointer", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("JSON pointer to the field in the request (\"?tenant\" for the query parameter)"))
                .addProperty("detail", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("what is wrong with it"));
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem document")
                .required(List.of("type", "title", "status"))
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("stable URN per kind of problem, e.g. urn:plus:problem:invalid-request"))
                .addProperty("title", string)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", string)
                .addProperty("instance", string)
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(fieldError)
                        .description("every invalid field (at most 20 listed; detail counts the rest)"));
    }
}
