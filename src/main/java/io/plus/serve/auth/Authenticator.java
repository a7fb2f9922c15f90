package io.plus.serve.auth;

import io.plus.serve.ServeConfig;
import io.plus.serve.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies a bearer credential. An API key: its row by key id, its secret against the stored hash,
 * not revoked, not expired. A JWT, when configured: signature, issuer, audience and expiry
 * ({@link JwtVerifier}). A verified credential is remembered for a few seconds (never past its
 * expiry) so the hot paths pay no database round trip or signature check per request; a key's
 * revocation therefore takes effect within {@link #REMEMBER}.
 */
@ApplicationScoped
public class Authenticator {
    /** How long a verified key is trusted without looking again (also the revocation delay). */
    static final Duration REMEMBER = Duration.ofSeconds(10);
    private static final int MAX_REMEMBERED = 10_000;

    private final ApiKeyLookup keys;
    private final Optional<JwtVerifier> jwts;
    private final Optional<byte[]> adminToken;
    private final int adminTokenLength;
    private final Clock clock;
    /** The operator's token (PLUS_ADMIN_TOKEN): the admin scope only, for no tenant. */
    private static final Caller ADMIN_TOKEN_CALLER = Caller.service(null, EnumSet.of(Scope.ADMIN), "admin-token");
    private final Map<String, Remembered> verified = new ConcurrentHashMap<>();
    private volatile boolean anyKeySeen;

    private record Remembered(Caller caller, long untilNanos, OffsetDateTime expiresAt) {
    }

    @Inject
    public Authenticator(ApiKeyLookup keys, ServeConfig config) {
        this(keys, JwtVerifier.of(config.jwt()), config.adminToken(), Clock.systemUTC());
    }

    Authenticator(ApiKeyLookup keys, Optional<JwtVerifier> jwts, Optional<String> adminToken, Clock clock) {
        this.keys = keys;
        this.jwts = jwts;
        this.adminToken = adminToken.filter(t -> !t.isBlank()).map(t -> t.getBytes(StandardCharsets.UTF_8));
        this.adminTokenLength = adminToken.map(String::length).orElse(-1);
        this.clock = clock;
    }

    /**
     * The caller of a credential verified a moment ago (or the admin token), without waiting: the
     * path of nearly every request. Null when the credential needs {@link #authenticate}.
     */
    public Caller recognised(String authorization) {
        String token = bearer(authorization);
        return token == null ? null : recognisedToken(token);
    }

    private Caller recognisedToken(String token) {
        if (isAdminToken(token)) {
            return ADMIN_TOKEN_CALLER;
        }
        Remembered known = verified.get(token);
        if (known != null && System.nanoTime() < known.untilNanos()
                && (known.expiresAt() == null || known.expiresAt().isAfter(OffsetDateTime.now(clock)))) {
            return known.caller();
        }
        return null;
    }

    /** The caller the {@code Authorization} header names, or a 401 problem saying what is wrong. */
    public Uni<Caller> authenticate(String authorization) {
        String token = bearer(authorization);
        if (token == null) {
            return noCredential();
        }
        Caller known = recognisedToken(token);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        Optional<KeyTokens.Parsed> parsed = KeyTokens.parse(token);
        if (parsed.isEmpty()) {
            return jwts.isPresent() && JwtVerifier.looksLikeJwt(token) ? verifyJwt(token)
                    : Uni.createFrom().failure(invalid());
        }
        return keys.find(parsed.get().keyId()).map(stored -> {
            ApiKeyLookup.StoredKey key = stored.filter(k -> KeyTokens.matches(parsed.get().secret(), k.secretSha256()))
                    .orElseThrow(Authenticator::invalid);
            if (key.revokedAt() != null) {
                throw new ProblemException(401, "credential-revoked", "Credential revoked",
                        "this API key (" + key.keyId() + ") was revoked; use its replacement", null, challenge());
            }
            if (key.expiresAt() != null && !key.expiresAt().isAfter(OffsetDateTime.now(clock))) {
                throw new ProblemException(401, "credential-expired", "Credential expired",
                        "this API key (" + key.keyId() + ") expired at " + key.expiresAt(), null, challenge());
            }
            anyKeySeen = true;
            return remember(token, Caller.service(key.tenant(), Scope.parse(key.scopes()), key.keyId()), key.expiresAt());
        });
    }

    private static String bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return authorization.substring(7).trim();
    }

    /** Compared in constant time; a token of another length cannot be it, so it is not even encoded. */
    private boolean isAdminToken(String token) {
        return adminToken.isPresent() && token.length() == adminTokenLength
                && MessageDigest.isEqual(adminToken.get(), token.getBytes(StandardCharsets.UTF_8));
    }

    /** Off the event loop: keys given by URL are fetched on first use. */
    private Uni<Caller> verifyJwt(String token) {
        return Uni.createFrom().item(() -> jwts.orElseThrow().verify(token))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .map(jwt -> remember(token, jwt.caller(), jwt.expiresAt()));
    }

    private Caller remember(String token, Caller caller, OffsetDateTime expiresAt) {
        if (verified.size() >= MAX_REMEMBERED) {
            verified.clear(); // a crude bound: re-verifying costs one query or signature check per credential
        }
        verified.put(token, new Remembered(caller, System.nanoTime() + REMEMBER.toNanos(), expiresAt));
        return caller;
    }

    private Uni<Caller> noCredential() {
        if (anyKeySeen) {
            return Uni.createFrom().failure(missing());
        }
        return keys.anyExists().map(any -> {
            if (!any) {
                throw new ProblemException(401, "no-api-keys", "No API key exists yet",
                        "this installation has no API key, so it answers no data call; create the first one with "
                                + "`plus keys create --tenant <tenant> --scopes ingest,summary:read,summary:write,score,erase` "
                                + "and send it as Authorization: Bearer <key> (admin calls take a key with the admin "
                                + "scope or PLUS_ADMIN_TOKEN)", null, challenge());
            }
            anyKeySeen = true;
            throw missing();
        });
    }

    /** No credential was sent (also what a data resource answers when it was reached without one). */
    static ProblemException missing() {
        return new ProblemException(401, "unauthenticated", "Credential required",
                "send an API key (or a JWT of the configured issuer) as Authorization: Bearer <token>", null, challenge());
    }

    private static ProblemException invalid() {
        return new ProblemException(401, "invalid-credential", "Credential not valid",
                "the bearer token is not a valid API key", null, challenge());
    }

    static Map<String, String> challenge() {
        return Map.of("WWW-Authenticate", "Bearer");
    }
}
