package io.plus.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The OpenAPI document says what a generated client needs: ids, every error as a typed problem, tags, servers. */
@QuarkusTest
@QuarkusTestResource(value = ServingTestResources.class, restrictToAnnotatedClass = true)
class OpenApiDocumentTest {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    @Test
    void everyOperationHasAStableIdAndDeclaresItsProblems() throws Exception {
        JsonNode document = new ObjectMapper().readTree(given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().asString());
        List<String> ids = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (!METHODS.contains(operation.getKey())) {
                    continue;
                }
                String where = operation.getKey().toUpperCase() + " " + path.getKey();
                JsonNode op = operation.getValue();
                if (op.path("operationId").asText().isEmpty()) {
                    missing.add(where + ": no operationId");
                }
                ids.add(op.path("operationId").asText());
                JsonNode responses = op.path("responses");
                boolean success = false;
                for (Map.Entry<String, JsonNode> response : responses.properties()) {
                    if (response.getKey().startsWith("2")) {
                        success = true;
                    } else if (!response.getValue().path("content").has("application/problem+json")) {
                        missing.add(where + " " + response.getKey() + ": not a problem+json response");
                    }
                }
                if (!success) {
                    missing.add(where + ": no 2xx response");
                }
                for (String status : new String[]{"404", "503"}) {
                    if (!responses.has(status)) {
                        missing.add(where + ": no " + status);
                    }
                }
                if (op.has("requestBody") && !(responses.has("400") && responses.has("413") && responses.has("415"))) {
                    missing.add(where + ": a body, but not 400, 413 and 415");
                }
            }
        }
        assertTrue(missing.isEmpty(), String.join("\n", missing));
        assertEquals(18, ids.size(), "operations: " + ids);
        assertEquals(ids.size(), new HashSet<>(ids).size(), "operationIds repeat: " + ids);
        assertTrue(ids.containsAll(List.of("ingestFeedback", "getSummary", "replaceSummary", "unpinSummary", "eraseUser",
                "score", "scoreBatch", "listModels", "registerModel", "activateModel", "rollbackModel", "startCanary",
                "stopCanary", "getMySummary", "replaceMySummary", "unpinMySummary", "eraseMe", "readAudit")), ids.toString());
        assertTrue(document.path("paths").path("/v1/feedback").path("post").path("responses").has("409"));
        assertTrue(document.path("components").path("schemas").path("Problem").path("properties").has("errors"));
        for (JsonNode tag : document.path("tags")) {
            assertFalse(tag.path("description").asText().isEmpty(), "tag without description: " + tag);
        }
        assertEquals(4, document.path("tags").size());
        // every data operation needs an API key with its scope, and says how it refuses one
        JsonNode schemes = document.path("components").path("securitySchemes");
        assertTrue(schemes.has("apiKey") && schemes.has("jwt") && schemes.has("adminToken"), schemes.toString());
        assertEquals("JWT", schemes.path("jwt").path("bearerFormat").asText());
        int secured = 0;
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (!METHODS.contains(operation.getKey())) {
                    continue;
                }
                JsonNode op = operation.getValue();
                for (JsonNode requirement : op.path("security")) {
                    requirement.fieldNames().forEachRemaining(name -> assertTrue(schemes.has(name),
                            "security-defined: " + name + " on " + operation.getKey() + " " + path.getKey()));
                }
                secured++;
                boolean admin = path.getKey().startsWith("/v1/models") || path.getKey().startsWith("/v1/audit");
                assertEquals(admin, op.path("security").path(2).has("adminToken"), "the admin token: " + path.getKey());
                assertTrue(op.path("security").path(0).has("apiKey") && op.path("security").path(1).has("jwt"),
                        "an API key or a JWT: " + path.getKey());
                assertFalse(op.path("x-required-scope").asText().isEmpty(), path.getKey());
                assertTrue(op.path("responses").has("401") && op.path("responses").has("403")
                                && op.path("responses").has("429"),
                        operation.getKey() + " " + path.getKey());
            }
        }
        assertEquals(18, secured, "every operation needs a credential");
        assertEquals("admin", document.path("paths").path("/v1/models").path("get").path("x-required-scope").asText());
        assertEquals("summary:write", document.path("paths").path("/v1/me/summary").path("put").path("x-required-scope").asText());
        assertEquals("erase", document.path("paths").path("/v1/users/{user}").path("delete").path("x-required-scope").asText());
        assertTrue(document.path("paths").path("/v1/models/{version}/activate").path("post").path("security").path(2)
                .has("adminToken"));
        assertFalse(document.path("servers").isEmpty(), "no servers");
        assertFalse(document.path("info").path("license").path("name").asText().isEmpty(), "no license");
    }
}
