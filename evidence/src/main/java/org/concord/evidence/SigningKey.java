package org.concord.evidence;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A private key that signs JWS (a signatory's key, or a service's checkpoint key), with its public half as a
 * {@link Jwk}. Kept as a private JWK: the public members and {@code d}.
 */
public record SigningKey(Jwk publicJwk, PrivateKey privateKey) {

    public SigningKey {
        Objects.requireNonNull(publicJwk, "publicJwk");
        Objects.requireNonNull(privateKey, "privateKey");
    }

    /** A new key pair for {@code algorithm}. */
    public static SigningKey generate(Algorithm algorithm, String kid) {
        try {
            KeyPairGenerator generator;
            if (algorithm == Algorithm.ES256) {
                generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec("secp256r1"));
            } else {
                generator = KeyPairGenerator.getInstance("Ed25519");
            }
            KeyPair pair = generator.generateKeyPair();
            return new SigningKey(new Jwk(kid, algorithm, pair.getPublic()), pair.getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java 17 runtime has P-256 and Ed25519", e);
        }
    }

    public String kid() {
        return publicJwk.kid();
    }

    public Algorithm algorithm() {
        return publicJwk.algorithm();
    }

    /** Signs {@code data} with the key's algorithm (for ES256: R and S concatenated, as JWS wants). */
    public byte[] sign(byte[] data) {
        try {
            Signature signature = Signature.getInstance(algorithm().jdkSignature());
            signature.initSign(privateKey);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with key " + kid() + ": " + e.getMessage(), e);
        }
    }

    /** The private JWK: the public members and {@code d}. Keep it secret. */
    public Map<String, Object> toJson() {
        var json = new LinkedHashMap<String, Object>(publicJwk.toJson());
        byte[] d = privateKey instanceof ECPrivateKey ec ? Jwk.unsigned32(ec.getS())
                : ((EdECPrivateKey) privateKey).getBytes().orElseThrow();
        json.put("d", Base64Url.encode(d));
        return json;
    }

    /** Reads a private JWK and checks that its private part belongs to its public part. */
    public static SigningKey fromJson(Object json) {
        var members = new LinkedHashMap<>(JsonFields.object(json, "a private JWK"));
        Object dValue = members.remove("d");
        if (!(dValue instanceof String dText)) {
            throw new EvidenceException("a private JWK needs d (its private part)");
        }
        Jwk publicJwk = Jwk.fromJson(members);
        byte[] d = Base64Url.decode(dText, "the JWK '" + publicJwk.kid() + "'.d");
        if (d.length != 32) {
            throw new EvidenceException("the JWK '" + publicJwk.kid() + "'.d must be 32 bytes, it is " + d.length);
        }
        SigningKey key = new SigningKey(publicJwk, privateKey(publicJwk.algorithm(), d));
        byte[] probe = "does d belong to x?".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        if (!Jws.verifies(publicJwk, probe, key.sign(probe))) {
            throw new EvidenceException("the private part of the JWK '" + publicJwk.kid() + "' does not belong to"
                    + " its public part");
        }
        return key;
    }

    private static PrivateKey privateKey(Algorithm algorithm, byte[] d) {
        try {
            if (algorithm == Algorithm.ES256) {
                return KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(new BigInteger(1, d), Jwk.P256));
            }
            return KeyFactory.getInstance("Ed25519").generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, d));
        } catch (GeneralSecurityException e) {
            throw new EvidenceException("not a usable private key: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "SigningKey[" + kid() + ", " + algorithm().jwsName() + "]"; // never the private part
    }
}
