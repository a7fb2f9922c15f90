package io.plus.serve;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;

/** Small request builders shared by the serving tests. */
public final class Api {
    static final String TENANT = "acme";
    static final String PROMPT = "Tell me something about pets.";
    static final String DOG_ANSWER = "A dog is a loyal friend who loves long walks in the park.";
    static final String CAT_ANSWER = "A cat likes to sleep in a sunny spot by the window all day.";

    private Api() {
    }

    static String newUser(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Map<String, Object> preference(String user, String eventId, String chosen, String rejected) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("tenant", TENANT);
        event.put("user", user);
        event.put("eventId", eventId);
        event.put("timestamp", "2026-11-27T10:00:00Z");
        event.put("preference", new LinkedHashMap<>(Map.of("prompt", PROMPT, "chosen", chosen, "rejected", rejected)));
        return event;
    }

    /** {@code n} events in which {@code user} prefers dog answers over cat answers (or the reverse). */
    static List<Map<String, Object>> preferences(String user, String idPrefix, int n, boolean likesDogs) {
        String[] dogs = {"Dogs are loyal and love to play fetch with you.", "Walk your dog every day so it stays healthy.",
                "A dog can learn many tricks with patient training.", "Puppies need a warm bed and regular meals, like any dog."};
        String[] cats = {"Cats are independent and groom themselves.", "A cat will often nap for most of the afternoon.",
                "Give your cat a scratching post to keep its claws healthy.", "Kittens grow into curious cats that explore."};
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String dog = dogs[i % dogs.length];
            String cat = cats[i % cats.length];
            events.add(likesDogs ? preference(user, idPrefix + i, dog, cat) : preference(user, idPrefix + i, cat, dog));
        }
        return events;
    }

    static Response ingest(Object body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/v1/feedback");
    }

    static Response summary(String user) {
        return given().queryParam("tenant", TENANT).when().get("/v1/users/{user}/summary", user);
    }

    static Response scoreForUser(String user, String... candidates) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("tenant", TENANT, "user", user, "prompt", PROMPT, "candidates", List.of(candidates)))
                .when().post("/v1/score");
    }

    static Response scoreForSummary(String summary, String... candidates) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("summary", summary, "prompt", PROMPT, "candidates", List.of(candidates)))
                .when().post("/v1/score");
    }

    /** The value of a counter (summed over its series) on /q/metrics. */
    static double metric(String name, String labelFragment) {
        String text = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        double total = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith(name) && !line.startsWith("#") && line.contains(labelFragment)) {
                total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return total;
    }

    /**
     * The model version that scores the candidates of users {@code u0000…} of {@code tenant}, four
     * calls at a time: which users a canary serves.
     */
    public static Map<String, String> scoringVersions(String tenant, int users) {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Map<String, Future<String>> calls = new TreeMap<>();
            for (int u = 0; u < users; u++) {
                String user = String.format("u%04d", u);
                calls.put(user, pool.submit(() -> given().contentType(ContentType.JSON)
                        .body(Map.of("tenant", tenant, "user", user, "prompt", PROMPT,
                                "candidates", List.of(CAT_ANSWER, DOG_ANSWER)))
                        .when().post("/v1/score").then().statusCode(200).extract().<String>path("modelVersion")));
            }
            Map<String, String> versions = new HashMap<>();
            for (Map.Entry<String, Future<String>> call : calls.entrySet()) {
                versions.put(call.getKey(), call.getValue().get());
            }
            return versions;
        } catch (InterruptedException | ExecutionException e) {
            throw new AssertionError("a score call failed", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The share of users {@code versions} puts on {@code version}. */
    public static double share(Map<String, String> versions, String version) {
        return versions.values().stream().filter(version::equals).count() / (double) versions.size();
    }
}
