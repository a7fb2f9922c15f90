package io.plus.serve.auth;

import io.plus.serve.ServeConfig;
import io.plus.serve.problem.ProblemException;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.consumer.InvalidJwtException;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies a JWT of the platform's identity provider (signature by the configured keys, issuer,
 * audience, expiry; SmallRye JWT) and reads the caller from its claims. It may block: keys given
 * by URL are fetched and refreshed on first use.
 */
final class JwtVerifier {
    /** A verified token's caller and when the token expires. */
    record Verified(Caller caller, OffsetDateTime expiresAt) {
    }

    private final DefaultJWTParser parser;
    private final ServeConfig.Jwt settings;

    private JwtVerifier(ServeConfig.Jwt settings) {
        JWTAuthContextInfo context = new JWTAuthContextInfo(settings.publicKeyLocation().orElseThrow(),
                settings.issuer().orElseThrow());
        settings.audience().ifPresent(context::setExpectedAudience);
        context.setRequireNamedPrincipal(false); // a service token may name no one
        this.parser = new DefaultJWTParser(context);
        this.settings = settings;
    }

    /** The verifier the settings ask for: none without a key location; a key location needs an issuer. */
    static Optional<JwtVerifier> of(ServeConfig.Jwt settings) {
        if (settings.publicKeyLocation().isEmpty()) {
            return Optional.empty();
        }
        if (settings.issuer().isEmpty()) {
            throw new IllegalStateException("plus.serve.jwt.public-key-location is set but plus.serve.jwt.issuer is not: "
                    + "a JWT of any issuer signed with those keys would be accepted");
        }
        return Optional.of(new JwtVerifier(settings));
    }

    /** A compact JWS: three base64url parts, the first a JSON object. */
    static boolean looksLikeJwt(String token) {
        int first = token.indexOf('.');
        return token.startsWith("eyJ") && first > 0 && token.indexOf('.', first + 1) > first
                && token.chars().filter(c -> c == '.').count() == 2;
    }

    Verified verify(String token) {
        JsonWebToken jwt;
        try {
            jwt = parser.parse(token);
        } catch (ParseException e) {
            if (expired(e)) {
                throw new ProblemException(401, "credential-expired", "Credential expired", "this token has expired",
                        null, Authenticator.challenge());
            }
            throw new ProblemException(401, "invalid-credential", "Credential not valid",
                    "the bearer token is not a valid API key or JWT of the configured issuer", null, Authenticator.challenge());
        }
        String tenant = text(jwt.getClaim(settings.tenantClaim()))
                .orElseThrow(() -> new ProblemException(401, "invalid-credential", "Credential not valid",
                        "the token has no \"" + settings.tenantClaim() + "\" claim naming its tenant", null,
                        Authenticator.challenge()));
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String name : names(jwt.getClaim(settings.scopeClaim()))) {
            Scope.of(name).ifPresent(scopes::add); // the provider's own scopes (openid, email) mean nothing here
        }
        String subject = text(jwt.getClaim(settings.userClaim())).orElse(null);
        String credential = "jwt:" + (jwt.getTokenID() != null ? jwt.getTokenID() : String.valueOf(jwt.getSubject()));
        OffsetDateTime expires = jwt.getExpirationTime() > 0
                ? Instant.ofEpochSecond(jwt.getExpirationTime()).atOffset(ZoneOffset.UTC) : null;
        return new Verified(new Caller(tenant, scopes, credential, subject), expires);
    }

    private static boolean expired(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidJwtException invalid && invalid.hasExpired()) {
                return true;
            }
        }
        return false;
    }

    private static Optional<String> text(Object claim) {
        Object value = claim instanceof JsonString json ? json.getString() : claim;
        return value instanceof String string && !string.isBlank() ? Optional.of(string) : Optional.empty();
    }

    private static List<String> names(Object claim) {
        List<String> out = new ArrayList<>();
        if (claim instanceof JsonArray array) {
            for (JsonValue item : array) {
                text(item).ifPresent(out::add);
            }
        } else if (claim instanceof Collection<?> items) {
            items.forEach(item -> text(item).ifPresent(out::add));
        } else {
            text(claim).ifPresent(all -> out.addAll(List.of(all.trim().split("\\s+"))));
        }
        return out;
    }
}
