package io.plus.serve.auth;

import io.vertx.core.http.HttpMethod;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The scope table, including paths spelled so that a naive prefix check would miss them. */
class RequiredScopesTest {
    @Test
    void eachDataCallNeedsItsScope() {
        assertEquals(Optional.of(Scope.INGEST), RequiredScopes.of(HttpMethod.POST, "/v1/feedback"));
        assertEquals(Optional.of(Scope.SCORE), RequiredScopes.of(HttpMethod.POST, "/v1/score/batch"));
        assertEquals(Optional.of(Scope.SUMMARY_READ), RequiredScopes.of(HttpMethod.GET, "/v1/users/alice/summary"));
        assertEquals(Optional.of(Scope.SUMMARY_WRITE), RequiredScopes.of(HttpMethod.PUT, "/v1/users/alice/summary"));
        assertEquals(Optional.of(Scope.SUMMARY_WRITE), RequiredScopes.of(HttpMethod.DELETE, "/v1/users/alice/summary"));
        assertEquals(Optional.of(Scope.ERASE), RequiredScopes.of(HttpMethod.DELETE, "/v1/users/alice"));
        assertEquals(Optional.of(Scope.SUMMARY_READ), RequiredScopes.of(HttpMethod.GET, "/v1/me/summary"));
        assertEquals(Optional.of(Scope.SUMMARY_WRITE), RequiredScopes.of(HttpMethod.PUT, "/v1/me/summary"));
        assertEquals(Optional.of(Scope.ERASE), RequiredScopes.of(HttpMethod.DELETE, "/v1/me"));
        assertEquals(Optional.of(Scope.ERASE), RequiredScopes.of(HttpMethod.DELETE, "/v1/me/"), "a trailing slash erases too");
        assertEquals(Optional.empty(), RequiredScopes.of(HttpMethod.GET, "/v1/mess"), "another path, a 404");
        assertEquals(Optional.empty(), RequiredScopes.of(HttpMethod.GET, "/q/health/ready"));
        assertEquals(Optional.of(Scope.ADMIN), RequiredScopes.of(HttpMethod.POST, "/v1/models/v1/activate"));
        assertEquals(Optional.of(Scope.ADMIN), RequiredScopes.of(HttpMethod.GET, "/v1/models"));
        assertEquals(Optional.of(Scope.ADMIN), RequiredScopes.of(HttpMethod.GET, "/v1/audit"));
        assertEquals(Optional.of(Scope.ADMIN), RequiredScopes.of(HttpMethod.DELETE, "/v1//models/canary"));
        assertEquals(Optional.empty(), RequiredScopes.of(HttpMethod.GET, "/v1/feedbacks"), "another path, a 404");
    }

    @Test
    void pathsSpelledAnotherWayNeedTheSameScope() {
        assertEquals(Optional.of(Scope.INGEST), RequiredScopes.of(HttpMethod.POST, "/v1//feedback"));
        assertEquals(Optional.of(Scope.INGEST), RequiredScopes.of(HttpMethod.POST, "//v1/feedback"));
        assertEquals(Optional.of(Scope.INGEST), RequiredScopes.of(HttpMethod.POST, "/v1/%66eedback"));
        assertEquals(Optional.of(Scope.SUMMARY_READ), RequiredScopes.of(HttpMethod.GET, "/v1/users/alice/%73ummary"));
        assertEquals(Optional.of(Scope.ERASE), RequiredScopes.of(HttpMethod.DELETE, "/v1/users//alice"));
    }
}
