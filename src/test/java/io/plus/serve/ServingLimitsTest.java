package io.plus.serve;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static io.plus.serve.Api.CAT_ANSWER;
import static io.plus.serve.Api.DOG_ANSWER;
import static io.plus.serve.Api.TENANT;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

/** Every limit and field rule answers 400 problem+json naming the field, and stores nothing. */
@QuarkusTest
@QuarkusTestResource(value = ServingTestResources.class, restrictToAnnotatedClass = true)
class ServingLimitsTest {

    private static String repeat(int n) {
        return "a".repeat(n);
    }

    private void rejectsEvent(String pointer, Consumer<Map<String, Object>> change) {
        String user = Api.newUser("lim");
        Map<String, Object> event = Api.preference(user, user + "-1", DOG_ANSWER, CAT_ANSWER);
        change.accept(event);
        Api.ingest(List.of(Api.preference(user, user + "-0", DOG_ANSWER, CAT_ANSWER), event))
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", is("urn:plus:problem:invalid-request"))
                .body("errors[0].pointer", is("/1" + pointer));
        Api.summary(user).then().statusCode(200).body("feedbackSequence", is(0));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> preferenceOf(Map<String, Object> event) {
        return (Map<String, Object>) event.get("preference");
    }

    @Test
    void eventFieldsAreValidatedOneByOne() {
        rejectsEvent("/tenant", e -> e.put("tenant", "with space"));
        rejectsEvent("/user", e -> e.put("user", repeat(129)));
        rejectsEvent("/user", e -> e.put("user", "with space"));
        rejectsEvent("/eventId", e -> e.put("eventId", ""));
        rejectsEvent("/eventId", e -> e.put("eventId", 42));
        rejectsEvent("/timestamp", e -> e.put("timestamp", "yesterday"));
        rejectsEvent("/timestamp", e -> e.put("timestamp", "2099-01-01T00:00:00Z"));
        rejectsEvent("/preference/prompt", e -> preferenceOf(e).put("prompt", repeat(8001)));
        rejectsEvent("/preference/chosen", e -> preferenceOf(e).put("chosen", repeat(20001)));
        rejectsEvent("/preference/rejected", e -> preferenceOf(e).remove("rejected"));
        rejectsEvent("/preference/rejected", e -> preferenceOf(e).put("rejected", DOG_ANSWER));
        rejectsEvent("/preference/chosen", e -> preferenceOf(e).put("chosen", "   "));
        rejectsEvent("/preference/score", e -> preferenceOf(e).put("score", 1));
        rejectsEvent("/colour", e -> e.put("colour", "blue"));
        rejectsEvent("/preference", e -> e.put("context", Map.of("kind", "conversation", "text", "hi")));
        rejectsEvent("/preference", e -> e.remove("preference"));
        rejectsEvent("/context/text", e -> {
            e.remove("preference");
            e.put("context", Map.of("kind", "conversation", "text", repeat(20001)));
        });
    }

    @Test
    void requestSizeLimits() {
        String user = Api.newUser("big");
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            tooMany.add(Api.preference(user, user + "-" + i, DOG_ANSWER, CAT_ANSWER));
        }
        Api.ingest(tooMany).then().statusCode(400).body("detail", containsString("at most 1000"));
        Api.ingest(tooMany.subList(0, 1000)).then().statusCode(200);
        Api.ingest(Collections.emptyList()).then().statusCode(400).body("detail", containsString("no events"));
        given().contentType(ContentType.JSON).body("[1, 2").when().post("/v1/feedback").then().statusCode(400)
                .contentType("application/problem+json").body("type", is("urn:plus:problem:malformed-json"));
        given().contentType(ContentType.TEXT).body("hello").when().post("/v1/feedback").then().statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void scoreLimits() {
        List<String> sixtyFive = new ArrayList<>();
        for (int i = 0; i < 65; i++) {
            sixtyFive.add("candidate " + i);
        }
        score(Map.of("summary", "x", "prompt", Api.PROMPT, "candidates", sixtyFive), "/candidates");
        score(Map.of("summary", "x", "prompt", Api.PROMPT, "candidates", List.of(DOG_ANSWER)), "/candidates");
        score(Map.of("summary", "x", "prompt", Api.PROMPT, "candidates", List.of(DOG_ANSWER, " ")), "/candidates/1");
        score(Map.of("summary", "x", "prompt", "", "candidates", List.of(DOG_ANSWER, CAT_ANSWER)), "/prompt");
        score(Map.of("summary", repeat(2001), "prompt", Api.PROMPT, "candidates", List.of(DOG_ANSWER, CAT_ANSWER)), "/summary");
        score(Map.of("user", "u1", "summary", "x", "prompt", Api.PROMPT, "candidates", List.of(DOG_ANSWER, CAT_ANSWER)), "/user");
        score(Map.of("prompt", Api.PROMPT, "candidates", List.of(DOG_ANSWER, CAT_ANSWER)), "/user");
        score(Map.of("user", "bad user", "prompt", Api.PROMPT, "candidates", List.of(DOG_ANSWER, CAT_ANSWER)), "/user");
        Map<String, Object> item = Map.of("prompt", Api.PROMPT, "candidates", List.of(DOG_ANSWER, CAT_ANSWER));
        given().contentType(ContentType.JSON).body(Map.of("summary", "x", "items", Collections.nCopies(33, item)))
                .when().post("/v1/score/batch").then().statusCode(400).body("errors[0].pointer", is("/items"));
        given().contentType(ContentType.JSON).body("{\"summary\": 3, \"prompt\": [}").when().post("/v1/score")
                .then().statusCode(400).contentType("application/problem+json");
    }

    private static void score(Map<String, Object> body, String pointer) {
        given().contentType(ContentType.JSON).body(new LinkedHashMap<>(body)).when().post("/v1/score").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].pointer", is(pointer));
    }

    @Test
    void summaryEditAndUserLimits() {
        String user = Api.newUser("kim");
        given().contentType(ContentType.JSON).queryParam("tenant", TENANT).body(Map.of("text", repeat(2001)))
                .when().put("/v1/users/{user}/summary", user).then().statusCode(400).body("errors[0].pointer", is("/text"));
        given().contentType(ContentType.JSON).queryParam("tenant", TENANT).body(Map.of("text", " "))
                .when().put("/v1/users/{user}/summary", user).then().statusCode(400);
        Api.summary(user).then().statusCode(200).body("pinned", is(false));
        given().queryParam("tenant", "bad tenant").when().get("/v1/users/u1/summary").then().statusCode(400)
                .body("errors[0].pointer", is("?tenant"));
        given().when().get("/v1/users/{user}/summary", repeat(129)).then().statusCode(400)
                .body("errors[0].pointer", is("/user"));
        given().when().get("/v1/nothing-here").then().statusCode(404).contentType("application/problem+json");
    }
}
