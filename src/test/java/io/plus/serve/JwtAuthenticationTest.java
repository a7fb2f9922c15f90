package io.plus.serve;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.plus.serve.Api.CAT_ANSWER;
import static io.plus.serve.Api.DOG_ANSWER;
import static io.plus.serve.Api.PROMPT;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * JWTs of the platform's identity provider: their claims give the tenant, the scopes and, for an
 * end user, the one user the token may reach; a token that fails any check is a 401 problem.
 */
@QuarkusTest
@QuarkusTestResource(value = ServingTestResources.class, restrictToAnnotatedClass = true)
class JwtAuthenticationTest {
    private static final String PROBLEM = "application/problem+json";
    private static final String ALL = "openid ingest summary:read summary:write score erase";

    @Test
    void anEndUserReachesOnlyTheirOwnSummaryAndData() {
        String alice = Api.newUser("alice");
        String bob = Api.newUser("bob");
        Api.ingest(Api.preferences(alice, alice + "-", 4, true)).then().statusCode(200);
        Api.ingest(Api.preferences(bob, bob + "-", 4, false)).then().statusCode(200);
        String token = TestJwt.endUser(Api.TENANT, alice, ALL, 300);

        as(token).get("/v1/me/summary").then().statusCode(200).body("user", is(alice)).body("feedbackSequence", is(4));
        as(token).get("/v1/users/{u}/summary", alice).then().statusCode(200).body("user", is(alice));

        // every way of reaching another user is refused, the same whether that user exists or not
        List<String> details = new ArrayList<>();
        for (String other : List.of(bob, "nobody-" + bob)) {
            for (Response refused : List.of(
                    as(token).get("/v1/users/{u}/summary", other),
                    as(token).contentType(ContentType.JSON).body(Map.of("text", "Prefers rude answers."))
                            .put("/v1/users/{u}/summary", other),
                    as(token).delete("/v1/users/{u}/summary", other),
                    as(token).delete("/v1/users/{u}", other),
                    as(token).contentType(ContentType.JSON).body(List.of(Api.preference(other, other + "-x", CAT_ANSWER,
                            DOG_ANSWER))).post("/v1/feedback"),
                    as(token).contentType(ContentType.JSON).body(Map.of("user", other, "prompt", PROMPT,
                            "candidates", List.of(DOG_ANSWER, CAT_ANSWER))).post("/v1/score"))) {
                refused.then().statusCode(403).contentType(PROBLEM).body("type", is("urn:plus:problem:other-user"));
                details.add(refused.jsonPath().getString("detail").replace(other, "?"));
            }
        }
        assertEquals(details.subList(0, 6), details.subList(6, 12), "no refusal tells an existing user from a made-up one");

        // their own: feedback, score, pin, unpin, erase
        as(token).contentType(ContentType.JSON).body(List.of(Api.preference(alice, alice + "-own", DOG_ANSWER, CAT_ANSWER)))
                .post("/v1/feedback").then().statusCode(200);
        as(token).contentType(ContentType.JSON).body(Map.of("user", alice, "prompt", PROMPT,
                "candidates", List.of(DOG_ANSWER, CAT_ANSWER))).post("/v1/score").then().statusCode(200);
        as(token).contentType(ContentType.JSON).body(Map.of("text", "Likes answers about dogs."))
                .put("/v1/me/summary").then().statusCode(200).body("pinned", is(true));
        as(token).get("/v1/me/summary").then().statusCode(200).body("text", is("Likes answers about dogs."));
        as(token).delete("/v1/me/summary").then().statusCode(204);
        as(token).get("/v1/me/summary").then().statusCode(200).body("pinned", is(false));
        as(token).delete("/v1/me").then().statusCode(200).body("user", is(alice)).body("erased.feedbackEvents", is(5));
        Api.summary(alice).then().statusCode(200).body("feedbackSequence", is(0));

        // bob is as he was
        Api.summary(bob).then().statusCode(200).body("feedbackSequence", is(4)).body("pinned", is(false));
    }

    @Test
    void aServiceTokenActsForAnyUserOfItsTenantButHasNoMe() {
        String carol = Api.newUser("carol");
        Api.ingest(Api.preferences(carol, carol + "-", 2, true)).then().statusCode(200);
        String service = TestJwt.service(Api.TENANT, "summary:read erase");
        as(service).get("/v1/users/{u}/summary", carol).then().statusCode(200).body("feedbackSequence", is(2));
        as(service).get("/v1/me/summary").then().statusCode(403).contentType(PROBLEM)
                .body("type", is("urn:plus:problem:not-an-end-user"));
        as(service).contentType(ContentType.JSON).body(List.of(Api.preference(carol, carol + "-x", DOG_ANSWER, CAT_ANSWER)))
                .post("/v1/feedback").then().statusCode(403).body("type", is("urn:plus:problem:insufficient-scope"));
        // the token's tenant is the one it acts for; naming another is refused
        as(TestJwt.service("globex", "summary:read")).queryParam("tenant", Api.TENANT)
                .get("/v1/users/{u}/summary", carol).then().statusCode(403).body("type", is("urn:plus:problem:tenant-mismatch"));
        as(TestJwt.service("globex", "summary:read")).get("/v1/users/{u}/summary", carol)
                .then().statusCode(200).body("tenant", is("globex")).body("feedbackSequence", is(0));
    }

    @Test
    void aTokenFailingAnyCheckIsRefusedAndChangesNothing() {
        String dave = Api.newUser("dave");
        Map<String, Object> claims = Map.of("tenant", Api.TENANT, "scope", ALL, "sub", dave);
        Map<String, String> refusals = Map.of(
                TestJwt.endUser(Api.TENANT, dave, ALL, -120), "urn:plus:problem:credential-expired",
                TestJwt.signedByStranger(claims), "urn:plus:problem:invalid-credential",
                TestJwt.sign("https://another-idp.invalid", claims, 300), "urn:plus:problem:invalid-credential",
                TestJwt.sign(TestJwt.ISSUER, Map.of("scope", ALL, "sub", dave), 300), "urn:plus:problem:invalid-credential");
        refusals.forEach((token, type) -> {
            as(token).contentType(ContentType.JSON).body(List.of(Api.preference(dave, dave + "-1", DOG_ANSWER, CAT_ANSWER)))
                    .post("/v1/feedback").then().statusCode(401).contentType(PROBLEM).body("type", is(type));
            as(token).contentType(ContentType.JSON).body(Map.of("text", "Prefers rude answers."))
                    .put("/v1/me/summary").then().statusCode(401).body("type", is(type));
        });
        String tampered = tamper(TestJwt.endUser(Api.TENANT, dave, ALL, 300), dave, "eve");
        as(tampered).get("/v1/me/summary").then().statusCode(401).body("type", is("urn:plus:problem:invalid-credential"));
        Api.summary(dave).then().statusCode(200).body("feedbackSequence", is(0)).body("pinned", is(false));
    }

    /** The token with its payload rewritten (the signature left as it was). */
    private static String tamper(String token, String from, String to) {
        String[] parts = token.split("\\.");
        java.util.Base64.Decoder decoder = java.util.Base64.getUrlDecoder();
        String payload = new String(decoder.decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8).replace(from, to);
        return parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "." + parts[2];
    }

    private static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token);
    }
}
