package io.plus.operator.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The model registry as the operator changes it: through the functions' admin API, so a version is
 * verified (checksums, encoder) by a serving instance that has the model store before anyone is
 * routed to it, and every instance hears of the change at once. The operator needs no database
 * credentials and no model store.
 */
final class RegistryClient {
    /** Activation loads and verifies a bundle, which takes seconds on a large one. */
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final Optional<String> token;
    private final HttpClient http;

    RegistryClient(URI base, Optional<String> token) {
        this.base = base;
        this.token = token.filter(t -> !t.isBlank());
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** What the registry has active and as canary, and what each recently heard serving instance has loaded. */
    RegistryState state() throws RegistryException {
        JsonNode list = call("GET", "/v1/models", null);
        String active = null;
        for (JsonNode model : list.path("models")) {
            if ("active".equals(model.path("status").asText())) {
                active = model.path("version").asText();
            }
        }
        JsonNode canaryNode = list.path("canary");
        RegistryState.Canary canary = canaryNode.isObject()
                ? new RegistryState.Canary(canaryNode.path("version").asText(), canaryNode.path("percent").asInt())
                : null;
        List<RegistryState.Instance> instances = new ArrayList<>();
        for (JsonNode instance : list.path("instances")) {
            instances.add(new RegistryState.Instance(instance.path("instance").asText(),
                    text(instance, "activeVersion"), text(instance, "canaryVersion"),
                    instance.path("canaryPercent").isInt() ? instance.path("canaryPercent").asInt() : null));
        }
        return new RegistryState(active, canary, instances);
    }

    void activate(String version) throws RegistryException {
        call("POST", "/v1/models/" + path(version) + "/activate", null);
    }

    void startCanary(String version, int percent) throws RegistryException {
        call("PUT", "/v1/models/" + path(version) + "/canary", "{\"percent\":" + percent + "}");
    }

    /** Ends the canary; one already ended is no error. */
    void stopCanary() throws RegistryException {
        try {
            call("DELETE", "/v1/models/canary", null);
        } catch (RegistryException e) {
            if (e.status() != 404) {
                throw e;
            }
        }
    }

    private JsonNode call(String method, String path, String body) throws RegistryException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(CALL_TIMEOUT)
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new RegistryException(0, "the model registry at " + base + " cannot be reached: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException(0, "interrupted while calling the model registry at " + base);
        }
        JsonNode answer = parse(response.body());
        if (response.statusCode() >= 300) {
            String detail = answer.path("detail").asText(answer.path("title").asText("HTTP " + response.statusCode()));
            throw new RegistryException(response.statusCode(), method + " " + path + ": " + detail);
        }
        return answer;
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : null;
    }

    private static String path(String version) {
        return URLEncoder.encode(version, StandardCharsets.UTF_8);
    }
}
