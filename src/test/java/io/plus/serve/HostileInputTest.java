package io.plus.serve;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static io.plus.serve.Api.CAT_ANSWER;
import static io.plus.serve.Api.DOG_ANSWER;
import static io.plus.serve.Api.PROMPT;
import static io.plus.serve.Api.TENANT;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each finding of the hostile-client test of the functions, as a regression test: every one is now
 * a 4xx problem naming the place, and nothing of the request is stored.
 */
@QuarkusTest
@QuarkusTestResource(value = ServingTestResources.class, restrictToAnnotatedClass = true)
class HostileInputTest {
    private static final String PROBLEM = "application/problem+json";

    /** A preference event as raw JSON text, so tests can write what no JSON library would. */
    private static String event(String user, String eventId, String prompt, String chosen) {
        return "{\"tenant\":\"" + TENANT + "\",\"user\":\"" + user + "\",\"eventId\":\"" + user + "-" + eventId
                + "\",\"timestamp\":\"2026-11-27T10:00:00Z\",\"preference\":{\"prompt\":\"" + prompt
                + "\",\"chosen\":\"" + chosen + "\",\"rejected\":\"" + CAT_ANSWER + "\"}}";
    }

    private static Response post(String path, String contentType, String body) {
        return given().config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .contentType(contentType).body(body.getBytes(StandardCharsets.UTF_8)).when().post(path);
    }

    private static void nothingStoredFor(String user) {
        Api.summary(user).then().statusCode(200).body("feedbackSequence", is(0)).body("pinned", is(false));
    }

    @Test
    void aNulOrControlCharacterInAnyTextFieldIsRefusedNotA500() {
        String user = Api.newUser("nul");
        String[][] cases = {
                {event(user, "e1", "Hi\\u0000there", DOG_ANSWER), "/preference/prompt"},
                {event(user, "e2", PROMPT, "Dogs\\u0000"), "/preference/chosen"},
                {event(user, "e3", PROMPT, "bell \\u0007 rings"), "/preference/chosen"},
                {event(user, "e4", PROMPT, "C1 \\u0085 control"), "/preference/chosen"},
                {"{\"tenant\":\"acme\",\"user\":\"" + user + "\",\"eventId\":\"e5\",\"timestamp\":\"2026-11-27T10:00:00Z\","
                        + "\"context\":{\"kind\":\"conversation\",\"text\":\"a\\u0000b\"}}", "/context/text"},
        };
        for (String[] c : cases) {
            post("/v1/feedback", "application/json", c[0]).then().statusCode(400).contentType(PROBLEM)
                    .body("errors[0].pointer", is(c[1])).body("errors[0].detail", containsString("control character"));
        }
        // tab, line feed and carriage return are text
        post("/v1/feedback", "application/json", event(user, "ok", "Line one\\r\\nline\\ttwo", DOG_ANSWER))
                .then().statusCode(200);
        String other = Api.newUser("nul");
        given().contentType(ContentType.JSON).queryParam("tenant", TENANT).body("{\"text\":\"a\\u0000b\"}")
                .when().put("/v1/users/{u}/summary", other).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].pointer", is("/text"));
        given().contentType(ContentType.JSON).body("{\"summary\":\"x\\u0000\",\"prompt\":\"p\",\"candidates\":[\"a\",\"b\"]}")
                .when().post("/v1/score").then().statusCode(400).body("errors[0].pointer", is("/summary"));
        given().when().post("/v1/models/a%00b/activate").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].pointer", is("/version"));
        given().contentType(ContentType.JSON).body("{\"location\":\"models\\u0000/x\"}").when().post("/v1/models")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].pointer", is("/location"));
        nothingStoredFor(other);
    }

    @Test
    void loneSurrogatesAreRefused() {
        String user = Api.newUser("sur");
        post("/v1/feedback", "application/json", event(user, "e1", "half \\ud800 a pair", DOG_ANSWER))
                .then().statusCode(400).body("errors[0].pointer", is("/preference/prompt"))
                .body("errors[0].detail", containsString("surrogate"));
        // a whole pair is one character, and fine
        post("/v1/feedback", "application/json", event(user, "e2", "a smile \\ud83d\\ude00", DOG_ANSWER))
                .then().statusCode(200).body("events[0].sequence", is(1));
    }

    @Test
    void anythingAfterTheFirstJsonValueIsRefusedNotIgnored() {
        String user = Api.newUser("cat");
        String one = event(user, "e1", PROMPT, DOG_ANSWER);
        String two = event(user, "e2", PROMPT, DOG_ANSWER);
        post("/v1/feedback", "application/json", one + two).then().statusCode(400).contentType(PROBLEM)
                .body("type", is("urn:plus:problem:malformed-json")).body("detail", containsString("more than one JSON value"));
        post("/v1/feedback", "application/json", one + " garbage").then().statusCode(400).contentType(PROBLEM);
        post("/v1/feedback", "application/json", one + "]").then().statusCode(400).contentType(PROBLEM);
        post("/v1/feedback", "application/x-ndjson", one + " " + two + "\n").then().statusCode(400)
                .contentType(PROBLEM).body("detail", startsWith("line 1: "));
        post("/v1/feedback", "application/x-ndjson", one + "\r" + two).then().statusCode(400).contentType(PROBLEM);
        nothingStoredFor(user);
        // CRLF-separated lines are lines
        post("/v1/feedback", "application/x-ndjson", one + "\r\n" + two + "\r\n").then().statusCode(200)
                .body("events[1].sequence", is(2));
    }

    @Test
    void invalidUtf8IsRefusedNotReplaced() {
        String user = Api.newUser("utf");
        byte[] line = (event(user, "e1", "caf\u00e9", DOG_ANSWER) + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] broken = new byte[line.length + 1];
        int at = new String(line, StandardCharsets.UTF_8).indexOf("caf") + 3;
        System.arraycopy(line, 0, broken, 0, at);
        broken[at] = (byte) 0xC3; // a lead byte followed by another lead byte: not UTF-8
        System.arraycopy(line, at, broken, at + 1, line.length - at);
        for (String type : new String[]{"application/x-ndjson", "application/json"}) {
            given().contentType(type).body(broken).when().post("/v1/feedback").then().statusCode(400)
                    .contentType(PROBLEM).body("type", is("urn:plus:problem:malformed-json"));
        }
        nothingStoredFor(user);
    }

    @Test
    void duplicateKeysAreRefused() {
        String user = Api.newUser("dup");
        String twoTenants = event(user, "e1", PROMPT, DOG_ANSWER).replace("{\"tenant\":\"acme\",", "{\"tenant\":\"acme\",\"tenant\":\"evil\",");
        post("/v1/feedback", "application/json", twoTenants).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].pointer", is("/tenant")).body("errors[0].detail", containsString("repeats the key"));
        given().contentType(ContentType.JSON).queryParam("tenant", TENANT).body("{\"text\":\"a\",\"text\":5}")
                .when().put("/v1/users/{u}/summary", user).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].pointer", is("/text"));
        nothingStoredFor(user);
    }

    @Test
    void numbersAndBooleansAreNotTurnedIntoStrings() {
        String user = Api.newUser("coe");
        given().contentType(ContentType.JSON).queryParam("tenant", TENANT).body("{\"text\":5}")
                .when().put("/v1/users/{u}/summary", user).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].pointer", is("/text")).body("errors[0].detail", is("must be a string"));
        given().contentType(ContentType.JSON).body("{\"summary\":true,\"prompt\":\"p\",\"candidates\":[\"a\",\"b\"]}")
                .when().post("/v1/score").then().statusCode(400).body("errors[0].pointer", is("/summary"));
        given().contentType(ContentType.JSON).body("{\"summary\":\"s\",\"prompt\":\"p\",\"candidates\":[\"a\",7]}")
                .when().post("/v1/score").then().statusCode(400).body("errors[0].pointer", is("/candidates/1"));
        given().contentType(ContentType.JSON).body("{\"summary\":\"s\",\"prompt\":\"p\",\"candidates\":\"a\"}")
                .when().post("/v1/score").then().statusCode(400).body("errors[0].pointer", is("/candidates"))
                .body("errors[0].detail", is("must be an array"));
        nothingStoredFor(user);
    }

    @Test
    void unknownFieldsAreRefusedByEveryEndpoint() {
        String user = Api.newUser("unk");
        given().contentType(ContentType.JSON).queryParam("tenant", TENANT).body("{\"text\":\"I like cats.\",\"pinned\":false}")
                .when().put("/v1/users/{u}/summary", user).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].pointer", is("/pinned")).body("errors[0].detail", containsString("[text]"));
        given().contentType(ContentType.JSON).body("{\"summary\":\"s\",\"prompt\":\"p\",\"candidates\":[\"a\",\"b\"],\"temperature\":2}")
                .when().post("/v1/score").then().statusCode(400).body("errors[0].pointer", is("/temperature"));
        given().contentType(ContentType.JSON)
                .body("{\"summary\":\"s\",\"items\":[{\"prompt\":\"p\",\"candidates\":[\"a\",\"b\"],\"n\":1}]}")
                .when().post("/v1/score/batch").then().statusCode(400).body("errors[0].pointer", is("/items/0/n"));
        given().contentType(ContentType.JSON).body("{\"location\":\"x\",\"force\":true}").when().post("/v1/models")
                .then().statusCode(400).body("errors[0].pointer", is("/force"));
        nothingStoredFor(user);
    }

    @Test
    void timestampsOutsideSaneYearsAreRefused() {
        String user = Api.newUser("ts");
        for (String time : new String[]{"-999999999-01-01T00:00:00Z", "1969-12-31T23:59:59Z",
                "+999999999-12-31T23:59:59-18:00", "10000-01-01T00:00:00Z"}) {
            post("/v1/feedback", "application/json", event(user, "e1", PROMPT, DOG_ANSWER)
                    .replace("2026-11-27T10:00:00Z", time)).then().statusCode(400).contentType(PROBLEM)
                    .body("errors[0].pointer", is("/timestamp"));
        }
        nothingStoredFor(user);
    }

    @Test
    void aBodyWithoutAJsonContentTypeIsRefused() {
        String user = Api.newUser("ct");
        String body = event(user, "e1", PROMPT, DOG_ANSWER);
        for (String type : new String[]{"*/*", "application/*"}) {
            post("/v1/feedback", type, body).then().statusCode(415).contentType(PROBLEM)
                    .body("type", is("urn:plus:problem:unsupported-media-type"));
        }
        String credential = "Authorization: Bearer " + TestCredentials.tokenFor(Api.TENANT) + "\r\n";
        String noType = rawHttp("POST /v1/feedback HTTP/1.1\r\nHost: localhost\r\n" + credential + "Content-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n" + body);
        assertTrue(noType.startsWith("HTTP/1.1 415"), noType);
        assertTrue(noType.contains(PROBLEM), noType);
        String scoreNoType = rawHttp("POST /v1/score HTTP/1.1\r\nHost: localhost\r\n" + credential
                + "Content-Length: 2\r\nConnection: close\r\n\r\n{}");
        assertTrue(scoreNoType.startsWith("HTTP/1.1 415"), scoreNoType);
        nothingStoredFor(user);
    }

    @Test
    void errorsNameNoJavaTypesServerPathsOrFileContents() {
        List<Response> answers = new ArrayList<>();
        answers.add(given().contentType(ContentType.JSON).body("{\"summary\":\"s\",\"prompt\":\"p\",\"candidates\":[\"a\",\"b\"],\"x\":1}")
                .when().post("/v1/score"));
        answers.add(given().contentType(ContentType.JSON).body("{\"summary\":{},\"prompt\":\"p\",\"candidates\":[\"a\",\"b\"]}")
                .when().post("/v1/score"));
        answers.add(given().contentType(ContentType.JSON).body("{\"summary\":\"s\",\"items\":{}}").when().post("/v1/score/batch"));
        answers.add(given().contentType(ContentType.JSON).body("[".repeat(100) + "]".repeat(100)).when().post("/v1/feedback"));
        answers.add(given().contentType(ContentType.JSON).body("[".repeat(100) + "]".repeat(100)).when().post("/v1/score"));
        answers.add(given().contentType(ContentType.JSON).body("{\"text\":[1]}").queryParam("tenant", TENANT)
                .when().put("/v1/users/u1/summary"));
        answers.add(given().contentType(ContentType.JSON).body("{\"location\":\"/etc/passwd\"}").when().post("/v1/models"));
        answers.add(given().contentType(ContentType.JSON).body("{\"location\":\"../../../../../../etc\"}").when().post("/v1/models"));
        answers.add(given().contentType(ContentType.JSON).body("{\"location\":\"no-such-bundle\"}").when().post("/v1/models"));
        for (Response answer : answers) {
            String body = answer.asString();
            assertTrue(answer.statusCode() >= 400 && answer.statusCode() < 500, answer.statusCode() + " " + body);
            assertEquals(PROBLEM, answer.contentType().split(";")[0], body);
            assertFalse(Leaks.found(body), "leaks: " + body);
        }
        assertEquals("urn:plus:problem:location-outside-model-store", answers.get(6).path("type"));
        assertEquals("urn:plus:problem:location-outside-model-store", answers.get(7).path("type"));
        assertEquals("urn:plus:problem:json-too-complex", answers.get(3).path("type"));
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertFalse(metrics.matches("(?s).*exception=\"[A-Za-z]+(Exception|Error)\".*"), "exception classes on /q/metrics");
    }

    @Test
    void theRegistryReadsOnlyTheModelStore() throws IOException {
        given().contentType(ContentType.JSON).body(Map.of("location", ServingTestResources.BTL_VERSION))
                .when().post("/v1/models").then().statusCode(200).body("version", is(ServingTestResources.BTL_VERSION))
                .body("location", is(ServingTestResources.BTL_VERSION));
        Path outside = ServingTestResources.ROOT.resolve("outside-the-store");
        ServingTestResources.deleteTree(outside);
        Files.createDirectories(outside);
        Files.writeString(outside.resolve("manifest.json"), "secret-token and more");
        Path link = ServingTestResources.MODEL_STORE.resolve("link-out");
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, outside);
        Path notABundle = ServingTestResources.MODEL_STORE.resolve("not-a-bundle");
        try {
            for (String location : new String[]{outside.toString(), "link-out", "../outside-the-store", "/etc"}) {
                Response answer = given().contentType(ContentType.JSON).body(Map.of("location", location))
                        .when().post("/v1/models");
                answer.then().statusCode(422).contentType(PROBLEM)
                        .body("type", is("urn:plus:problem:location-outside-model-store"));
                assertFalse(answer.asString().contains("secret-token") || Leaks.found(answer.asString()), answer.asString());
            }
            // inside the store, a file that is no manifest: refused without its content
            Files.createDirectories(notABundle);
            Files.writeString(notABundle.resolve("manifest.json"), "secret-token and more");
            Response answer = given().contentType(ContentType.JSON).body(Map.of("location", "not-a-bundle"))
                    .when().post("/v1/models");
            answer.then().statusCode(422).body("type", is("urn:plus:problem:bundle-invalid"));
            assertFalse(answer.asString().contains("secret-token") || Leaks.found(answer.asString()), answer.asString());
        } finally {
            Files.deleteIfExists(link);
            ServingTestResources.deleteTree(notABundle);
        }
    }

    @Test
    void theHttpLayersOwnErrorsAreProblemsToo() {
        String noHost = rawHttp("GET /v1/users/u1/summary HTTP/1.1\r\nConnection: close\r\n\r\n");
        assertTrue(noHost.startsWith("HTTP/1.1 400"), noHost);
        assertTrue(noHost.contains(PROBLEM) && noHost.contains("urn:plus:problem:bad-request"), noHost);
        // Quarkus' HTTP layer answers a path that is not valid percent-encoding before any route of
        // ours runs (a bare 400): what is asserted is that no body of another shape goes out
        String badEncoding = rawHttp("GET /v1/users/%E0%A4%A/summary HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertTrue(badEncoding.startsWith("HTTP/1.1 400"), badEncoding);
        String body = badEncoding.substring(badEncoding.indexOf("\r\n\r\n") + 4);
        assertTrue(body.isEmpty() || badEncoding.contains(PROBLEM), badEncoding);
        assertFalse(Leaks.found(badEncoding) || badEncoding.contains("stack"), badEncoding);
        given().when().delete("/v1/feedback").then().statusCode(405).contentType(PROBLEM)
                .body("type", is("urn:plus:problem:method-not-allowed"));
        byte[] huge = new byte[11 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) ' ');
        given().contentType(ContentType.JSON).body(huge).when().post("/v1/feedback").then().statusCode(413)
                .contentType(PROBLEM).body("type", is("urn:plus:problem:request-too-large"));
    }

    @Test
    void hostileBodiesAreCheapToRefuse() {
        StringBuilder keys = new StringBuilder("{");
        for (int i = 0; i < 100_000; i++) {
            keys.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":1");
        }
        String body = keys.append('}').toString();
        for (String path : new String[]{"/v1/feedback", "/v1/score"}) {
            long start = System.nanoTime();
            Response answer = given().contentType(ContentType.JSON).body(body).when().post(path);
            answer.then().statusCode(400).contentType(PROBLEM);
            assertTrue(answer.asString().length() < 4096, "error body of " + answer.asString().length() + " bytes");
            // not a timing assertion on speed, a bound on work: the parser stops at its token limit
            assertTrue(System.nanoTime() - start < 30_000_000_000L);
        }
        List<Map<String, Object>> events = new ArrayList<>();
        String user = Api.newUser("many");
        for (int i = 0; i < 200; i++) {
            Map<String, Object> event = Api.preference(user, user + "-" + i, DOG_ANSWER, CAT_ANSWER);
            event.put("junk" + i, 1);
            events.add(event);
        }
        Response many = Api.ingest(events);
        many.then().statusCode(400).body("errors.size()", is(20)).body("detail", containsString("and 199 more"));
        assertThat(many.asString().length() < 4096, "error body of " + many.asString().length() + " bytes");
        nothingStoredFor(user);
    }

    @Test
    void theCostOfOneScoreRequestIsBounded() {
        String long20k = "word ".repeat(4000);
        List<String> candidates = Collections.nCopies(64, long20k);
        given().contentType(ContentType.JSON).body(Map.of("summary", "Likes dogs.", "prompt", PROMPT, "candidates", candidates))
                .when().post("/v1/score").then().statusCode(413).contentType(PROBLEM)
                .body("type", is("urn:plus:problem:score-text-too-large")).body("detail", containsString("at most 32000"));
        Map<String, Object> item = Map.of("prompt", PROMPT, "candidates", List.of("word ".repeat(2000), "word ".repeat(2000)));
        given().contentType(ContentType.JSON).body(Map.of("summary", "Likes dogs.", "items", Collections.nCopies(6, item)))
                .when().post("/v1/score/batch").then().statusCode(413).contentType(PROBLEM);
        // the same texts in a request under the bound are scored
        given().contentType(ContentType.JSON).body(Map.of("summary", "Likes dogs.", "prompt", PROMPT,
                        "candidates", List.of("word ".repeat(2000), DOG_ANSWER)))
                .when().post("/v1/score").then().statusCode(200).body("results.size()", is(2));
    }

    @Test
    void aBodyThatNeverArrivesDoesNotHoldTheConnection() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(40_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/feedback HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 1000\r\n\r\n{\"tenant\":").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long start = System.nanoTime();
            InputStream in = socket.getInputStream();
            while (in.read() >= 0) {
                // the server may answer before it closes; read to the end
            }
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            assertThat(seconds < 25, "the connection stayed open " + seconds + " s (idle timeout 8 s in tests)");
        }
    }

    private static void assertThat(boolean condition, String message) {
        assertTrue(condition, message);
    }

    /** Sends {@code request} as is over a new connection and returns all the server answered. */
    static String rawHttp(String request) {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                answer.write(buffer, 0, n);
                if (answer.toString(StandardCharsets.UTF_8).matches("(?s).*\r\n\r\n.*") && complete(answer.toString(StandardCharsets.UTF_8))) {
                    break;
                }
            }
            return answer.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a response with a Content-Length has all its body (others are read to the close). */
    private static boolean complete(String answer) {
        int headersEnd = answer.indexOf("\r\n\r\n");
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(answer.substring(0, headersEnd));
        return length.find() && answer.length() - headersEnd - 4 >= Integer.parseInt(length.group(1));
    }
}
