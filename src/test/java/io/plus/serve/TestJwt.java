package io.plus.serve;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The test identity provider: an RSA key pair under target/test-jwt (the public half is what the
 * test configuration trusts) and tokens it signs, as a platform's provider would issue them.
 */
public final class TestJwt {
    public static final String ISSUER = "https://idp.test.invalid";
    public static final String AUDIENCE = "plus";
    private static final Path DIR = Path.of("target", "test-jwt");
    private static PrivateKey signingKey;

    private TestJwt() {
    }

    /** An end user's token: tenant, scopes and subject, valid for {@code seconds} (negative: expired). */
    public static String endUser(String tenant, String user, String scopes, long seconds) {
        return sign(ISSUER, Map.of("tenant", tenant, "scope", scopes, "sub", user), seconds);
    }

    /** A service token of the tenant: no subject, so it acts for any of its users. */
    public static String service(String tenant, String scopes) {
        return sign(ISSUER, Map.of("tenant", tenant, "scope", scopes), 300);
    }

    public static synchronized String sign(String issuer, Map<String, Object> claims, long seconds) {
        return signWith(key(), issuer, claims, seconds);
    }

    /** The provider's public key as a JWKS document, as a provider publishes it at its JWKS URL. */
    public static synchronized String jwks() {
        try {
            java.security.interfaces.RSAPrivateCrtKey crt = (java.security.interfaces.RSAPrivateCrtKey) key();
            java.security.PublicKey publicKey = KeyFactory.getInstance("RSA").generatePublic(
                    new java.security.spec.RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
            org.jose4j.jwk.RsaJsonWebKey jwk = new org.jose4j.jwk.RsaJsonWebKey((java.security.interfaces.RSAPublicKey) publicKey);
            return new org.jose4j.jwk.JsonWebKeySet(jwk).toJson();
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token signed with a key the installation does not trust. */
    public static String signedByStranger(Map<String, Object> claims) {
        return signWith(newPair().getPrivate(), ISSUER, claims, 300);
    }

    private static String signWith(PrivateKey key, String issuer, Map<String, Object> claims, long seconds) {
        JwtClaims body = new JwtClaims();
        body.setIssuer(issuer);
        body.setAudience(List.of(AUDIENCE));
        body.setIssuedAtToNow();
        body.setExpirationTimeMinutesInTheFuture(seconds / 60f);
        body.setGeneratedJwtId();
        claims.forEach(body::setClaim);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(body.toJson());
        jws.setKey(key);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The provider's key, made on first use in a build and kept for the rest of it. */
    private static PrivateKey key() {
        if (signingKey != null) {
            return signingKey;
        }
        try {
            Path privateKey = DIR.resolve("private.der");
            if (!Files.exists(privateKey)) {
                KeyPair pair = newPair();
                Files.createDirectories(DIR);
                String pem = "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPublic().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n";
                Files.writeString(DIR.resolve("public.pem"), pem);
                Files.write(privateKey, pair.getPrivate().getEncoded());
            }
            signingKey = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(privateKey)));
            return signingKey;
        } catch (IOException | NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException("cannot make the test provider's key under " + DIR, e);
        }
    }

    private static KeyPair newPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
