package org.concord.evidence;

import java.util.Arrays;
import java.util.Optional;

/** The JWS algorithms of the evidence format (RFC 7518, RFC 8037) and the JWK key type each needs. */
public enum Algorithm {

    /** ECDSA with P-256 and SHA-256; the signature is R and S, 32 bytes each, concatenated. */
    ES256("ES256", "EC", "P-256", "SHA256withECDSAinP1363Format"),

    /** Ed25519 (RFC 8032); the signature is 64 bytes. */
    EDDSA("EdDSA", "OKP", "Ed25519", "Ed25519");

    private final String jwsName;
    private final String keyType;
    private final String curve;
    private final String jdkSignature;

    Algorithm(String jwsName, String keyType, String curve, String jdkSignature) {
        this.jwsName = jwsName;
        this.keyType = keyType;
        this.curve = curve;
        this.jdkSignature = jdkSignature;
    }

    /** The name in a JWS header's and a JWK's {@code alg}. */
    public String jwsName() {
        return jwsName;
    }

    /** The JWK {@code kty} of its keys. */
    public String keyType() {
        return keyType;
    }

    /** The JWK {@code crv} of its keys. */
    public String curve() {
        return curve;
    }

    String jdkSignature() {
        return jdkSignature;
    }

    public static Optional<Algorithm> byJwsName(String name) {
        return Arrays.stream(values()).filter(a -> a.jwsName.equals(name)).findFirst();
    }

    static Optional<Algorithm> byKey(String keyType, String curve) {
        return Arrays.stream(values()).filter(a -> a.keyType.equals(keyType) && a.curve.equals(curve)).findFirst();
    }
}
