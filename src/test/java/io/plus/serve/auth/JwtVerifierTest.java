package io.plus.serve.auth;

import com.sun.net.httpserver.HttpServer;
import io.plus.serve.ServeConfig;
import io.plus.serve.TestJwt;
import io.plus.serve.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The verifier with keys from a provider's JWKS URL, and the settings it refuses. */
class JwtVerifierTest {
    @Test
    void keysFromTheProvidersJwksUrlVerifyItsTokens() throws Exception {
        AtomicInteger fetches = new AtomicInteger();
        byte[] jwks = TestJwt.jwks().getBytes(StandardCharsets.UTF_8);
        HttpServer provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        provider.createContext("/jwks", exchange -> {
            fetches.incrementAndGet();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        provider.start();
        try {
            JwtVerifier verifier = JwtVerifier.of(settings("http://127.0.0.1:" + provider.getAddress().getPort() + "/jwks",
                    TestJwt.ISSUER)).orElseThrow();
            Caller user = verifier.verify(TestJwt.endUser("acme", "alice", "openid summary:read score", 300)).caller();
            assertEquals("acme", user.tenant());
            assertEquals("alice", user.subject());
            assertEquals(EnumSet.of(Scope.SUMMARY_READ, Scope.SCORE), user.scopes(), "the provider's own scopes are ignored");
            Caller service = verifier.verify(TestJwt.service("acme", "ingest")).caller();
            assertNull(service.subject(), "no subject: a service token");
            assertTrue(service.credentialId().startsWith("jwt:"));
            assertEquals(1, fetches.get(), "the key set is fetched once and kept");

            ProblemException stranger = assertThrows(ProblemException.class, () -> verifier.verify(
                    TestJwt.signedByStranger(Map.of("tenant", "acme", "scope", "score"))));
            assertEquals(401, stranger.status());
        } finally {
            provider.stop(0);
        }
    }

    @Test
    void keysWithoutAnIssuerAreRefusedAtStartAndNoKeysMeansNoJwts() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> JwtVerifier.of(settings("file:/keys/provider.pem", null)));
        assertTrue(refused.getMessage().contains("plus.serve.jwt.issuer"), refused.getMessage());
        assertTrue(JwtVerifier.of(settings(null, TestJwt.ISSUER)).isEmpty());
    }

    @Test
    void onlyCompactJwsLooksLikeAJwt() {
        assertTrue(JwtVerifier.looksLikeJwt(TestJwt.service("acme", "score")));
        assertTrue(!JwtVerifier.looksLikeJwt("plus_AAAAAAAAAAAA_secret"));
        assertTrue(!JwtVerifier.looksLikeJwt("eyJhbGciOiJub25lIn0.e30"), "two parts: not a signed token");
    }

    private static ServeConfig.Jwt settings(String location, String issuer) {
        return new ServeConfig.Jwt() {
            public Optional<String> publicKeyLocation() {
                return Optional.ofNullable(location);
            }

            public Optional<String> issuer() {
                return Optional.ofNullable(issuer);
            }

            public Optional<Set<String>> audience() {
                return Optional.of(Set.of(TestJwt.AUDIENCE));
            }

            public String tenantClaim() {
                return "tenant";
            }

            public String scopeClaim() {
                return "scope";
            }

            public String userClaim() {
                return "sub";
            }
        };
    }
}
