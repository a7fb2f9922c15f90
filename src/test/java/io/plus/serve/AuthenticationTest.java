package io.plus.serve;

import io.plus.serve.auth.ApiKeyAdmin;
import io.plus.serve.auth.Scope;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.plus.serve.Api.CAT_ANSWER;
import static io.plus.serve.Api.DOG_ANSWER;
import static io.plus.serve.Api.PROMPT;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every data call needs an API key of the tenant it acts for, with the call's scope: refused
 * credentials get 401, a missing scope or another tenant 403, each as a problem, and nothing changes.
 */
@QuarkusTest
@QuarkusTestResource(value = ServingTestResources.class, restrictToAnnotatedClass = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuthenticationTest {
    private static final String PROBLEM = "application/problem+json";

    @Test
    @Order(1)
    void aFreshInstallWithoutKeysRefusesDataCallsAndSaysHowToMakeTheFirst() {
        assertEquals(0, TestCredentials.withKeys(keys -> keys.list(Optional.empty())).size(), "no key yet");
        given().header(TestCredentials.ANONYMOUS, "1").contentType(ContentType.JSON)
                .body(List.of(Api.preference("u1", "e1", DOG_ANSWER, CAT_ANSWER))).when().post("/v1/feedback")
                .then().statusCode(401).contentType(PROBLEM).header("WWW-Authenticate", "Bearer")
                .body("type", is("urn:plus:problem:no-api-keys"))
                .body("detail", org.hamcrest.Matchers.containsString("plus keys create"));
        given().header(TestCredentials.ANONYMOUS, "1").when().get("/q/health/live").then().statusCode(200);
    }

    @Test
    @Order(2)
    void refusedCredentialsGet401AndChangeNothing() {
        String user = Api.newUser("auth");
        String valid = TestCredentials.tokenFor(Api.TENANT);
        ApiKeyAdmin.Created expired = TestCredentials.withKeys(keys -> keys.create(Api.TENANT, EnumSet.allOf(Scope.class),
                "expired", Optional.of(Instant.now().minus(Duration.ofMinutes(1)))));
        ApiKeyAdmin.Created revoked = TestCredentials.create(Api.TENANT, EnumSet.allOf(Scope.class));
        TestCredentials.withKeys(keys -> keys.revoke(revoked.keyId()));
        String forged = valid.substring(0, valid.length() - 4) + (valid.endsWith("AAAA") ? "BBBB" : "AAAA");

        Map<String, String> refusals = Map.of(
                "", "urn:plus:problem:unauthenticated",
                "Basic dXNlcjpwYXNz", "urn:plus:problem:unauthenticated",
                "Bearer not-a-key", "urn:plus:problem:invalid-credential",
                "Bearer " + forged, "urn:plus:problem:invalid-credential",
                "Bearer " + expired.token(), "urn:plus:problem:credential-expired",
                "Bearer " + revoked.token(), "urn:plus:problem:credential-revoked");
        refusals.forEach((authorization, type) -> {
            for (Response response : List.of(
                    ingest(authorization, user),
                    call(authorization).queryParam("tenant", Api.TENANT).get("/v1/users/{u}/summary", user),
                    call(authorization).contentType(ContentType.JSON).body(Map.of("text", "Prefers rude answers."))
                            .put("/v1/users/{u}/summary", user),
                    call(authorization).delete("/v1/users/{u}", user),
                    call(authorization).contentType(ContentType.JSON).body(Map.of("user", user, "prompt", PROMPT,
                            "candidates", List.of(DOG_ANSWER, CAT_ANSWER))).post("/v1/score"))) {
                response.then().statusCode(401).contentType(PROBLEM).body("type", is(type));
            }
        });
        Api.summary(user).then().statusCode(200).body("feedbackSequence", is(0)).body("pinned", is(false));
    }

    @Test
    @Order(3)
    void aKeyWithoutTheScopeOrOfAnotherTenantGets403() {
        String user = Api.newUser("scope");
        Api.ingest(Api.preferences(user, user + "-", 4, true)).then().statusCode(200);
        String readOnly = "Bearer " + TestCredentials.create(Api.TENANT, EnumSet.of(Scope.SUMMARY_READ)).token();
        ingest(readOnly, user).then().statusCode(403).contentType(PROBLEM)
                .body("type", is("urn:plus:problem:insufficient-scope"))
                .body("detail", org.hamcrest.Matchers.containsString("ingest"));
        call(readOnly).delete("/v1/users/{u}", user).then().statusCode(403);
        call(readOnly).get("/v1/users/{u}/summary", user).then().statusCode(200); // its own tenant, its scope

        // another tenant's key naming this tenant: refused whatever the user, and nothing about them shown
        String other = "Bearer " + TestCredentials.tokenFor("globex");
        List<String> refusals = new java.util.ArrayList<>();
        for (String target : List.of(user, "no-such-user")) {
            Response read = call(other).queryParam("tenant", Api.TENANT).get("/v1/users/{u}/summary", target);
            read.then().statusCode(403).contentType(PROBLEM).body("type", is("urn:plus:problem:tenant-mismatch"));
            refusals.add(read.jsonPath().getString("detail"));
            call(other).queryParam("tenant", Api.TENANT).delete("/v1/users/{u}", target).then().statusCode(403);
            call(other).contentType(ContentType.JSON).body(Map.of("tenant", Api.TENANT, "user", target, "prompt", PROMPT,
                    "candidates", List.of(DOG_ANSWER, CAT_ANSWER))).post("/v1/score").then().statusCode(403);
        }
        assertEquals(refusals.get(0), refusals.get(1), "the refusal is the same whether the user exists or not");
        call(other).contentType(ContentType.JSON).body(List.of(Api.preference(user, user + "-x", CAT_ANSWER, DOG_ANSWER)))
                .post("/v1/feedback").then().statusCode(403).body("type", is("urn:plus:problem:tenant-mismatch"));
        // the same user id under the other key, without naming a tenant, is that tenant's own (empty) user
        call(other).get("/v1/users/{u}/summary", user).then().statusCode(200).body("feedbackSequence", is(0));
        Api.summary(user).then().statusCode(200).body("feedbackSequence", is(4));
    }

    @Test
    @Order(4)
    void aPathSpelledAnotherWayNeedsTheSameCredential() {
        for (String path : List.of("/v1//feedback", "/v1/%66eedback", "//v1/feedback")) {
            call("").contentType(ContentType.JSON).body(List.of(Api.preference("u1", "e1", DOG_ANSWER, CAT_ANSWER)))
                    .post(path).then().statusCode(org.hamcrest.Matchers.anyOf(is(401), is(404)));
        }
        call("").get("/v1//users/u1/summary").then().statusCode(org.hamcrest.Matchers.anyOf(is(401), is(404)));
    }

    @Test
    @Order(4)
    void anEventWithoutATenantIsStoredForTheKeysTenant() {
        String user = Api.newUser("own");
        Map<String, Object> event = Api.preference(user, user + "-1", DOG_ANSWER, CAT_ANSWER);
        event.remove("tenant");
        given().header("Authorization", "Bearer " + TestCredentials.tokenFor(Api.TENANT)).contentType(ContentType.JSON)
                .body(List.of(event)).when().post("/v1/feedback").then().statusCode(200);
        Api.summary(user).then().statusCode(200).body("feedbackSequence", is(1));
    }

    @Test
    @Order(5)
    void rotationKeepsBothKeysValidUntilTheOldOneIsRevoked() throws Exception {
        String user = Api.newUser("rotate");
        ApiKeyAdmin.Created old = TestCredentials.create(Api.TENANT, EnumSet.allOf(Scope.class));
        ApiKeyAdmin.Created next = TestCredentials.create(Api.TENANT, EnumSet.allOf(Scope.class));
        call("Bearer " + old.token()).get("/v1/users/{u}/summary", user).then().statusCode(200);
        call("Bearer " + next.token()).get("/v1/users/{u}/summary", user).then().statusCode(200);
        TestCredentials.withKeys(keys -> keys.revoke(old.keyId()));
        long revokedAt = System.nanoTime();
        // a verified key is trusted for up to 10 s without a database round trip
        int status = 200;
        while (status == 200 && System.nanoTime() - revokedAt < Duration.ofSeconds(15).toNanos()) {
            Thread.sleep(250);
            status = call("Bearer " + old.token()).get("/v1/users/{u}/summary", user).statusCode();
        }
        System.out.printf("revoked key refused %.1f s after the revocation%n", (System.nanoTime() - revokedAt) / 1e9);
        assertEquals(401, status, "the old key is refused once revoked");
        call("Bearer " + next.token()).get("/v1/users/{u}/summary", user).then().statusCode(200);
    }

    private static Response ingest(String authorization, String user) {
        return call(authorization).contentType(ContentType.JSON)
                .body(List.of(Api.preference(user, user + "-1", DOG_ANSWER, CAT_ANSWER))).post("/v1/feedback");
    }

    /** A request with exactly this Authorization header (none for ""), past the tests' own credentials. */
    private static io.restassured.specification.RequestSpecification call(String authorization) {
        return authorization.isEmpty() ? given().header(TestCredentials.ANONYMOUS, "1")
                : given().header("Authorization", authorization);
    }
}
