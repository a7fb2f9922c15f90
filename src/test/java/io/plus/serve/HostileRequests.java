package io.plus.serve;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Generates the fuzzer's requests from a seed: a valid request of a random endpoint, then a few
 * mutations of its body, path, query, method and headers. The same seed gives the same requests.
 */
final class HostileRequests {
    /** One request to send: everything about it is in plain view for the failure report. */
    record Request(String method, String path, String contentType, Map<String, String> headers, byte[] body) {
        /** The request as sent, with {@code authorization} unless a mutation set its own. */
        HttpRequest build(String base, String authorization) {
            HttpRequest.Builder builder = HostileRequestFuzzTest.builder(base + path);
            if (contentType != null) {
                builder.header("Content-Type", contentType);
            }
            headers.forEach(builder::header);
            if (headers.keySet().stream().noneMatch("Authorization"::equalsIgnoreCase)) {
                builder.header("Authorization", authorization);
            }
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body);
            return builder.method(method, publisher).build();
        }

        @Override
        public String toString() {
            String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
            return method + " " + path + " [" + contentType + "] " + headers + " "
                    + (text.length() > 400 ? text.substring(0, 400) + "…" : text);
        }
    }

    private static final String[] USERS = {"fz-alice", "fz-bob", "fz.carol@x", "fz:dave", "fz-eve"};
    private static final String[] TENANTS = {"fuzz-a", "fuzz-b", "default"};
    private static final String[] WEIRD_TEXT = {"\\u0000", "\\u0007", "\\u001f", "\\u007f", "\\u0085", "\\ud800",
            "\\udfff", "\\ud83d\\ude00", "\\\\", "\\\"", "\\n", "\\t", "\\r", "é", "𝄞", "‮", "%00", "../../etc/passwd",
            "${jndi:x}", "<script>", "' OR 1=1 --"};
    private static final String[] CONTENT_TYPES = {"application/json", "application/json", "application/json",
            "application/x-ndjson", "application/json; charset=UTF-8", "text/plain", "*/*", "application/*", null,
            "application/json; charset=ISO-8859-1", "multipart/form-data; boundary=x", "application/xml", "garbage"};

    private final SplittableRandom random;
    private int sequence;

    HostileRequests(SplittableRandom random) {
        this.random = random;
    }

    Request next() {
        sequence++;
        Request base = switch (random.nextInt(7)) {
            case 0, 1 -> feedback();
            case 2 -> summaryPut();
            case 3 -> score();
            case 4 -> batchScore();
            case 5 -> registry();
            default -> bodiless();
        };
        Request request = base;
        int mutations = random.nextInt(4); // 0: some requests are sent valid, so the handlers behind are reached
        for (int i = 0; i < mutations; i++) {
            request = mutate(request);
        }
        return request;
    }

    // --- valid requests ------------------------------------------------------------------------

    private Request feedback() {
        int n = 1 + random.nextInt(3);
        StringBuilder body = new StringBuilder(n > 1 ? "[" : "");
        String user = pick(USERS);
        for (int i = 0; i < n; i++) {
            body.append(i == 0 ? "" : ",").append(event(user, "fz-" + sequence + "-" + i));
        }
        return json("POST", "/v1/feedback", body.append(n > 1 ? "]" : "").toString());
    }

    private String event(String user, String eventId) {
        String tenant = pick(TENANTS);
        if (random.nextInt(4) == 0) {
            return "{\"tenant\":\"" + tenant + "\",\"user\":\"" + user + "\",\"eventId\":\"" + eventId
                    + "\",\"timestamp\":\"2026-11-27T10:00:00Z\",\"context\":{\"kind\":\"self-description\",\"text\":\""
                    + text() + "\"}}";
        }
        return "{\"tenant\":\"" + tenant + "\",\"user\":\"" + user + "\",\"eventId\":\"" + eventId
                + "\",\"timestamp\":\"2026-11-27T10:00:00Z\",\"preference\":{\"prompt\":\"" + text() + "\",\"chosen\":\""
                + text() + " dog\",\"rejected\":\"" + text() + " cat\"}}";
    }

    private Request summaryPut() {
        return json("PUT", "/v1/users/" + pick(USERS) + "/summary?tenant=" + pick(TENANTS), "{\"text\":\"" + text() + "\"}");
    }

    private Request score() {
        String who = random.nextBoolean() ? "\"summary\":\"" + text() + "\"" : "\"tenant\":\"" + pick(TENANTS)
                + "\",\"user\":\"" + pick(USERS) + "\"";
        return json("POST", "/v1/score", "{" + who + ",\"prompt\":\"" + text() + "\",\"candidates\":[\"" + text()
                + "\",\"" + text() + "\"]}");
    }

    private Request batchScore() {
        return json("POST", "/v1/score/batch", "{\"summary\":\"" + text() + "\",\"items\":[{\"prompt\":\"" + text()
                + "\",\"candidates\":[\"" + text() + "\",\"" + text() + "\"]}]}");
    }

    private Request registry() {
        // never a real bundle's name: the fuzzer must not change which model serves
        String[] locations = {"fz-missing", "/etc", "/etc/passwd", "../../..", "models/../..", "fz-missing/\\u0000",
                "file:///etc/passwd", "~", ""};
        return json("POST", "/v1/models", "{\"location\":\"" + pick(locations) + "\"}");
    }

    private Request bodiless() {
        String user = random.nextInt(5) == 0 ? weirdSegment() : pick(USERS);
        String tenant = random.nextInt(5) == 0 ? weirdSegment() : pick(TENANTS);
        return switch (random.nextInt(6)) {
            case 0, 1 -> new Request("GET", "/v1/users/" + user + "/summary?tenant=" + tenant, null, Map.of(), null);
            case 2 -> new Request("DELETE", "/v1/users/" + user + "/summary?tenant=" + tenant, null, Map.of(), null);
            case 3 -> new Request("DELETE", "/v1/users/" + user + "?tenant=" + tenant, null, Map.of(), null);
            case 4 -> new Request("POST", "/v1/models/" + weirdSegment() + "/activate", null, Map.of(), null);
            default -> new Request("GET", "/v1/models", null, Map.of(), null);
        };
    }

    private Request json(String method, String path, String body) {
        return new Request(method, path, "application/json", Map.of(), body.getBytes(StandardCharsets.UTF_8));
    }

    private String text() {
        String[] words = {"dogs", "cats", "short", "long", "answer", "please", "explain", "why"};
        StringBuilder text = new StringBuilder(pick(words));
        for (int i = random.nextInt(6); i > 0; i--) {
            text.append(' ').append(pick(words));
        }
        return text.toString();
    }

    // --- mutations -----------------------------------------------------------------------------

    private Request mutate(Request request) {
        return switch (random.nextInt(16)) {
            case 0 -> withBody(request, insertAtRandom(request, "\"" + pick(WEIRD_TEXT) + "\""));
            case 1 -> withBody(request, replaceAValue(request, randomJsonValue(2)));
            case 2 -> withBody(request, replaceAValue(request, "\"" + pick(WEIRD_TEXT) + text() + "\""));
            case 3 -> withBody(request, addKey(request, random.nextBoolean() ? "tenant" : "x" + random.nextInt(99)));
            case 4 -> withBody(request, cut(request));
            case 5 -> withBody(request, text(request) + pick(new String[]{text(request), " x", "]", "}", "\r{}", "\n{}", "null"}));
            case 6 -> withBytes(request, invalidUtf8(request));
            case 7 -> withBody(request, "[".repeat(1 + random.nextInt(3000)));
            case 8 -> new Request(request.method(), request.path(), pick(CONTENT_TYPES), request.headers(), request.body());
            case 9 -> new Request(pick(new String[]{"GET", "PUT", "PATCH", "DELETE", "POST", "OPTIONS", "HEAD"}),
                    request.path(), request.contentType(), request.headers(), request.body());
            case 10 -> new Request(request.method(), weirdPath(request.path()), request.contentType(), request.headers(), request.body());
            case 11 -> new Request(request.method(), request.path(), request.contentType(), header(request.headers()), request.body());
            case 12 -> withBody(request, text(request).replaceFirst("\\d{4}-\\d\\d-\\d\\dT", pick(new String[]{
                    "-999999999-01-01T", "+999999999-12-31T", "1969-12-31T", "2026-13-45T", "0000-01-01T"})));
            case 13 -> withBody(request, "{\"" + "k".repeat(random.nextInt(200)) + "\":" + randomJsonValue(3) + "}");
            case 14 -> withBody(request, text(request).replace(":", ": " + "0".repeat(random.nextInt(5000)) + "1 ,\"n\":")
                    .substring(0, Math.min(text(request).length(), 20000)));
            default -> withBody(request, text(request).replace("\"dogs", "\"" + "dogs ".repeat(random.nextInt(6000))));
        };
    }

    private static String text(Request request) {
        return request.body() == null ? "" : new String(request.body(), StandardCharsets.UTF_8);
    }

    private static Request withBody(Request request, String body) {
        return withBytes(request, body.getBytes(StandardCharsets.UTF_8));
    }

    private static Request withBytes(Request request, byte[] body) {
        return new Request(request.method(), request.path(), request.contentType(), request.headers(), body);
    }

    private String insertAtRandom(Request request, String value) {
        String body = text(request);
        int at = body.indexOf("\":\"");
        return at < 0 ? body + value : body.substring(0, at + 2) + value + "," + body.substring(at + 2);
    }

    /** Some string value of the body replaced by {@code value}. */
    private String replaceAValue(Request request, String value) {
        String body = text(request);
        List<Integer> starts = new ArrayList<>();
        for (int i = body.indexOf("\":\""); i >= 0; i = body.indexOf("\":\"", i + 1)) {
            starts.add(i + 2);
        }
        if (starts.isEmpty()) {
            return value;
        }
        int start = starts.get(random.nextInt(starts.size()));
        int end = body.indexOf('"', start + 1);
        while (end > 0 && body.charAt(end - 1) == '\\') {
            end = body.indexOf('"', end + 1);
        }
        return end < 0 ? body : body.substring(0, start) + value + body.substring(end + 1);
    }

    private String addKey(Request request, String key) {
        String body = text(request);
        int brace = body.indexOf('{');
        return brace < 0 ? body : body.substring(0, brace + 1) + "\"" + key + "\":" + randomJsonValue(1) + ","
                + body.substring(brace + 1);
    }

    private String cut(Request request) {
        String body = text(request);
        return body.isEmpty() ? body : body.substring(0, random.nextInt(body.length()));
    }

    private byte[] invalidUtf8(Request request) {
        byte[] body = request.body() == null ? new byte[0] : request.body().clone();
        byte[][] junk = {{(byte) 0xC3}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}, {0}};
        byte[] bad = junk[random.nextInt(junk.length)];
        if (body.length == 0) {
            return bad;
        }
        int at = random.nextInt(body.length);
        byte[] out = new byte[body.length + bad.length];
        System.arraycopy(body, 0, out, 0, at);
        System.arraycopy(bad, 0, out, at, bad.length);
        System.arraycopy(body, at, out, at + bad.length, body.length - at);
        return out;
    }

    private String randomJsonValue(int depth) {
        return switch (random.nextInt(depth > 0 ? 9 : 6)) {
            case 0 -> String.valueOf(random.nextInt());
            case 1 -> random.nextBoolean() ? "true" : "false";
            case 2 -> "null";
            case 3 -> "1e999";
            case 4 -> "\"" + pick(WEIRD_TEXT) + "\"";
            case 5 -> "-0.0000001";
            case 6 -> "[" + randomJsonValue(depth - 1) + "," + randomJsonValue(depth - 1) + "]";
            case 7 -> "{\"a\":" + randomJsonValue(depth - 1) + "}";
            default -> "{}";
        };
    }

    private String weirdSegment() {
        String[] segments = {"%00", "%2F", "..", "%2e%2e", "a%20b", "%E0%A4%A", "%ff", "x".repeat(300), "%C3%A9",
                "%F0%9F%98%80", "a;b", "a%0Ab", "%25", "-", "_", ":"};
        return pick(segments);
    }

    private String weirdPath(String path) {
        return switch (random.nextInt(6)) {
            case 0 -> path.replace("/v1/", "/v1//");
            case 1 -> path + (path.contains("?") ? "&" : "?") + "tenant=" + weirdSegment();
            case 2 -> path.replaceFirst("/[^/?]+(\\?|$)", "/" + weirdSegment() + "$1");
            case 3 -> "/v1/" + weirdSegment();
            case 4 -> path + "/" + weirdSegment();
            default -> path + (path.contains("?") ? "&" : "?") + URLEncoder.encode(pick(WEIRD_TEXT), StandardCharsets.UTF_8)
                    + "=" + weirdSegment();
        };
    }

    private Map<String, String> header(Map<String, String> headers) {
        Map<String, String> changed = new LinkedHashMap<>(headers);
        switch (random.nextInt(5)) {
            case 0 -> changed.put("Accept", pick(new String[]{"text/html", "application/xml", "*/*", "application/json;q=0"}));
            case 1 -> changed.put("Authorization", pick(new String[]{"Bearer", "Bearer " + "x".repeat(5000), "Basic Zm9vOmJhcg=="}));
            case 2 -> changed.put("X-Big", "v".repeat(random.nextInt(20_000)));
            case 3 -> changed.put("Accept-Charset", "utf-7");
            default -> changed.put("Content-Language", "xx");
        }
        return changed;
    }

    private <T> T pick(T[] options) {
        return options[random.nextInt(options.length)];
    }
}
