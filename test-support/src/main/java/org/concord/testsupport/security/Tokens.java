package org.concord.testsupport.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

/**
 * Bearer tokens for tests, signed with a key pair made once per test JVM; the services under test are given its
 * public key (see {@link #serviceProperties()}). Also forged tokens, each of which a service must refuse.
 */
public final class Tokens {

    public static final String ISSUER = "concord-test";
    public static final String AUDIENCE = "concord";

    private static final RSAKey KEY = generateKey();
    private static final RSAKey OTHER_KEY = generateKey();
    private static Path publicKeyFile;

    private Tokens() {
    }

    public static String admin() {
        return token("admin@test", List.of("admin"), null);
    }

    public static String viewer() {
        return token("viewer@test", List.of("viewer"), null);
    }

    /** A signatory acting for {@code region}. */
    public static String signatory(String region) {
        return token("signatory-" + region + "@test", List.of("signatory"), region);
    }

    public static String token(String subject, List<String> roles, String region) {
        return sign(KEY, claims(subject, roles, region).build());
    }

    /** What a service with security switched on must be told to accept these tokens. */
    public static Map<String, Object> verification() {
        return Map.of(
                "concord.security.issuer", ISSUER,
                "concord.security.audience", AUDIENCE,
                "concord.security.public-key", publicKeyFile().toUri().toString());
    }

    /** Tokens that must each be refused with 401. */
    public static final class Forged {

        private Forged() {
        }

        public static String expired() {
            Instant past = Instant.now().minus(2, ChronoUnit.HOURS);
            return sign(KEY, claims("admin@test", List.of("admin"), null)
                    .issueTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(60))).build());
        }

        public static String withoutExpiry() {
            return sign(KEY, claims("admin@test", List.of("admin"), null).expirationTime(null).build());
        }

        public static String signedWithAnotherKey() {
            return sign(OTHER_KEY, claims("admin@test", List.of("admin"), null).build());
        }

        public static String unsigned() {
            return new PlainJWT(claims("admin@test", List.of("admin"), null).build()).serialize();
        }

        public static String fromAnotherIssuer() {
            return sign(KEY, claims("admin@test", List.of("admin"), null).issuer("someone-else").build());
        }

        public static String forAnotherAudience() {
            return sign(KEY, claims("admin@test", List.of("admin"), null).audience("another-system").build());
        }

        /** An HMAC token whose secret is the public key: the classic algorithm-confusion attack. */
        public static String withHmacAlgorithm() {
            try {
                var signer = new com.nimbusds.jose.crypto.MACSigner(
                        pad(KEY.toPublicJWK().toRSAPublicKey().getEncoded()));
                var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims("admin@test", List.of("admin"), null).build());
                jwt.sign(signer);
                return jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }

        private static byte[] pad(byte[] secret) {
            return secret.length >= 32 ? secret : java.util.Arrays.copyOf(secret, 32);
        }
    }

    private static JWTClaimsSet.Builder claims(String subject, List<String> roles, String region) {
        Instant now = Instant.now();
        var claims = new JWTClaimsSet.Builder()
                .jwtID(UUID.randomUUID().toString())
                .subject(subject)
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(1, ChronoUnit.HOURS)))
                .claim("roles", roles);
        return region == null ? claims : claims.claim("region", region);
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized Path publicKeyFile() {
        if (publicKeyFile == null) {
            try {
                byte[] der = KEY.toRSAPublicKey().getEncoded();
                String pem = "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                        + "\n-----END PUBLIC KEY-----\n";
                publicKeyFile = Files.createTempFile("concord-test-key", ".pem");
                Files.writeString(publicKeyFile, pem);
                publicKeyFile.toFile().deleteOnExit();
            } catch (IOException | JOSEException e) {
                throw new IllegalStateException("cannot write the test public key", e);
            }
        }
        return publicKeyFile;
    }

    private static RSAKey generateKey() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
