package io.plus.serve.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The API key token: {@code plus_<keyId>_<secret>}. The key id finds the row; the secret (32
 * random bytes) is checked against its stored SHA-256. A fast hash is right here: the secret is
 * random and long, so there is nothing to guess that a slow hash would protect.
 */
public final class KeyTokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
    private static final String PREFIX = "plus_";

    private KeyTokens() {
    }

    /** A new key's id and its full token. */
    public record NewToken(String keyId, String token, byte[] secretSha256) {
    }

    /** A token split into its parts (nothing verified yet). */
    public record Parsed(String keyId, String secret) {
    }

    public static NewToken generate() {
        byte[] id = new byte[9];
        byte[] secret = new byte[32];
        RANDOM.nextBytes(id);
        RANDOM.nextBytes(secret);
        String keyId = URL.encodeToString(id).replace('-', 'A').replace('_', 'B');
        String secretText = URL.encodeToString(secret);
        return new NewToken(keyId, PREFIX + keyId + "_" + secretText, sha256(secretText));
    }

    public static Optional<Parsed> parse(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 200) {
            return Optional.empty();
        }
        String rest = token.substring(PREFIX.length());
        int split = rest.indexOf('_');
        if (split != 12 || rest.length() <= split + 1) {
            return Optional.empty();
        }
        return Optional.of(new Parsed(rest.substring(0, split), rest.substring(split + 1)));
    }

    public static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    /** Compares in constant time, so the comparison's duration tells nothing about the secret. */
    public static boolean matches(String secret, byte[] storedSha256) {
        return MessageDigest.isEqual(sha256(secret), storedSha256);
    }
}
