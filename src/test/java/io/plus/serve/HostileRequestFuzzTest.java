package io.plus.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A seeded fuzzer of every endpoint: valid requests mutated the ways a hostile or broken client
 * would (wrong types, unknown and repeated keys, control characters, half surrogates, cut or
 * doubled bodies, invalid UTF-8, deep nesting, odd paths, ids, queries, methods and headers).
 * Every answer must be below 500, every error problem+json with a problem type and a small body,
 * no answer may name a Java type or a server path, and a control user's stored rows and summary
 * must be byte-identical afterwards.
 *
 * CI runs {@value #CI_CASES} cases; a long run: {@code ./mvnw -B verify -Dtest=HostileRequestFuzzTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dplus.fuzz.cases=20000 [-Dplus.fuzz.seed=N]}.
 */
@QuarkusTest
@QuarkusTestResource(value = ServingTestResources.class, restrictToAnnotatedClass = true)
class HostileRequestFuzzTest {
    static final int CI_CASES = 2500;
    private static final String CONTROL_TENANT = "control-tenant";
    private static final String CONTROL_USER = "control-user";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void hostileRequestsGetProblemsAndChangeNothingElse() throws Exception {
        int cases = Integer.getInteger("plus.fuzz.cases", CI_CASES);
        long seed = Long.getLong("plus.fuzz.seed", 20261201L);
        String before = controlUserState();

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HostileRequests requests = new HostileRequests(new SplittableRandom(seed));
        // a client of fuzz-a: requests naming another tenant are refused (403), the rest go deeper
        String authorization = "Bearer " + TestCredentials.tokenFor("fuzz-a");
        Map<Integer, Integer> byStatus = new TreeMap<>();
        Map<Integer, Integer> bareErrors = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            HostileRequests.Request request = requests.next();
            HttpResponse<String> response;
            try {
                response = client.send(request.build("http://127.0.0.1:" + RestAssured.port, authorization),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IllegalArgumentException refusedByTheClient) {
                continue; // java.net.http will not send some header names or values; nothing reached the server
            } catch (IOException e) {
                failures.add("#" + i + " connection failed (" + e.getMessage() + "): " + request);
                continue;
            }
            byStatus.merge(response.statusCode(), 1, Integer::sum);
            if (response.statusCode() >= 400 && response.body().isEmpty() && !"HEAD".equals(request.method())) {
                bareErrors.merge(response.statusCode(), 1, Integer::sum);
            }
            String problem = check(request, response);
            if (problem != null && failures.size() < 20) {
                failures.add("#" + i + " " + problem + ": " + request + " -> " + response.statusCode() + " "
                        + abbreviate(response.body()));
            }
        }
        System.out.printf("fuzz: %d requests, seed %d, by status %s; bodiless errors of the HTTP codec %s%n",
                cases, seed, byStatus, bareErrors);
        assertTrue(failures.isEmpty(), "fuzz failures (seed " + seed + "):\n" + String.join("\n", failures));
        assertEquals(before, controlUserState(), "the control user's data changed");
        assertTrue(byStatus.keySet().stream().anyMatch(s -> s >= 200 && s < 300),
                "no request was accepted: the fuzzer mutates too much to reach the handlers");
    }

    /**
     * What is wrong with the answer, or null. An error with no body at all is allowed: the
     * answer to a HEAD, and the few errors Vert.x's HTTP codec sends before any handler runs
     * (headers over the size limit: 431; a request line it cannot parse: 400), which the
     * application cannot shape. Any error body there is must be a problem document.
     */
    private static String check(HostileRequests.Request request, HttpResponse<String> response) {
        int status = response.statusCode();
        String body = response.body();
        if (status >= 500) {
            return "server error";
        }
        if (Leaks.found(body) || response.headers().map().toString().contains("Exception")) {
            return "leak";
        }
        if (status >= 400 && !body.isEmpty()) {
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (!type.startsWith("application/problem+json")) {
                return "error without problem+json (" + type + ")";
            }
            if (body.length() > 8192) {
                return "error body of " + body.length() + " characters";
            }
            try {
                JsonNode problem = JSON.readTree(body);
                if (!problem.path("type").asText().startsWith("urn:plus:problem:") || problem.path("status").asInt() != status) {
                    return "problem without type or status";
                }
            } catch (IOException e) {
                return "problem body is not JSON";
            }
        } else if (status >= 400 && !"HEAD".equals(request.method()) && status != 431 && status != 400) {
            return "error without a body";
        }
        return null;
    }

    /** The control user's rows in every table and their summary as the API answers it. */
    private static String controlUserState() {
        Api.ingest(List.of(controlEvent())).then().statusCode(200);
        // read first: the first read writes the generated summary into the user's history
        String summary = RestAssured.given().queryParam("tenant", CONTROL_TENANT).when()
                .get("/v1/users/{u}/summary", CONTROL_USER).then().statusCode(200).extract().asString();
        String rows = ServingTestResources.query("SELECT f.event_id, f.sequence, f.body_sha256, u.last_sequence, "
                + "u.pinned_summary_id FROM feedback_event f JOIN plus_user u ON u.tenant = f.tenant AND u.user_id = "
                + "f.user_id WHERE f.tenant = '" + CONTROL_TENANT + "' AND f.user_id = '" + CONTROL_USER + "' ORDER BY f.sequence;"
                + "SELECT id, text, origin, feedback_sequence FROM user_summary WHERE tenant = '" + CONTROL_TENANT
                + "' AND user_id = '" + CONTROL_USER + "' ORDER BY id");
        return rows + "\n" + summary;
    }

    private static Map<String, Object> controlEvent() {
        Map<String, Object> event = Api.preference(CONTROL_USER, "control-1", Api.DOG_ANSWER, Api.CAT_ANSWER);
        event.put("tenant", CONTROL_TENANT);
        return event;
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    /** Keeps java.net.http from refusing a request the fuzzer means to send as is. */
    static HttpRequest.Builder builder(String uri) {
        return HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30));
    }
}
