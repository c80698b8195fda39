package org.concord.evidence;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A JWS in compact serialization (RFC 7515): {@code BASE64URL(header) "." BASE64URL(payload) "."
 * BASE64URL(signature)}, signed over the ASCII of the first two parts. Only ES256 and EdDSA are accepted; the
 * header must name the key ({@code kid}) and may not carry {@code crit}.
 */
public final class Jws {

    private final String compact;
    private final Map<String, Object> header;
    private final byte[] payload;
    private final byte[] signature;

    private Jws(String compact, Map<String, Object> header, byte[] payload, byte[] signature) {
        this.compact = compact;
        this.header = header;
        this.payload = payload;
        this.signature = signature;
    }

    /** Signs the RFC 8785 form of a JSON value; the header is {@code {"alg": ..., "kid": ...}}. */
    public static String sign(Object payloadJson, SigningKey key) {
        return sign(CanonicalJson.canonicalBytes(payloadJson), key);
    }

    /** Signs {@code payload} as it is; the header is {@code {"alg": ..., "kid": ...}}. */
    public static String sign(byte[] payload, SigningKey key) {
        var header = new LinkedHashMap<String, Object>();
        header.put("alg", key.algorithm().jwsName());
        header.put("kid", key.kid());
        String signingInput = Base64Url.encode(Json.write(header).getBytes(StandardCharsets.UTF_8)) + "."
                + Base64Url.encode(payload);
        return signingInput + "." + Base64Url.encode(key.sign(signingInput.getBytes(StandardCharsets.US_ASCII)));
    }

    /** Reads a compact JWS (without checking its signature: see {@link #verify(JwkSet)}). */
    public static Jws parse(String compact) {
        String[] parts = compact.split("\\.", -1);
        if (parts.length != 3) {
            throw new EvidenceException("a compact JWS has three parts separated by dots, this one has "
                    + parts.length);
        }
        var header = JsonFields.object(Json.parse(Base64Url.decode(parts[0], "the JWS header")), "the JWS header");
        return new Jws(compact, header, Base64Url.decode(parts[1], "the JWS payload"),
                Base64Url.decode(parts[2], "the JWS signature"));
    }

    public String compact() {
        return compact;
    }

    /** The protected header's members. */
    public Map<String, Object> header() {
        return header;
    }

    /** The header's {@code kid}, or null. */
    public String kid() {
        return header.get("kid") instanceof String kid ? kid : null;
    }

    public byte[] payload() {
        return payload.clone();
    }

    /** The payload read as JSON. */
    public Object payloadJson() {
        return Json.parse(payload);
    }

    /**
     * Checks the signature with the key of {@code keys} the header names, and returns that key; throws an
     * {@link EvidenceException} that says why when it does not hold.
     */
    public Jwk verify(JwkSet keys) {
        if (header.containsKey("crit")) {
            throw new EvidenceException("the JWS header has crit: no header extension is understood");
        }
        Object alg = header.get("alg");
        Algorithm algorithm = alg instanceof String name ? Algorithm.byJwsName(name).orElse(null) : null;
        if (algorithm == null) {
            throw new EvidenceException("the JWS algorithm " + (alg == null ? "is missing" : "'" + alg + "' is not"
                    + " accepted") + ": only ES256 and EdDSA are");
        }
        String kid = kid();
        if (kid == null) {
            throw new EvidenceException("the JWS header names no key (kid)");
        }
        Jwk key = keys.find(kid).orElseThrow(() -> new EvidenceException("no key with kid '" + kid + "'"));
        if (key.algorithm() != algorithm) {
            throw new EvidenceException("the JWS says " + algorithm.jwsName() + " but key '" + kid + "' is an "
                    + key.algorithm().jwsName() + " key");
        }
        String signingInput = compact.substring(0, compact.lastIndexOf('.'));
        if (!verifies(key, signingInput.getBytes(StandardCharsets.US_ASCII), signature)) {
            throw new EvidenceException("the signature does not verify with key '" + kid + "'");
        }
        return key;
    }

    /** Whether {@code signature} (64 bytes: R and S for ES256) is {@code key}'s over {@code data}. */
    static boolean verifies(Jwk key, byte[] data, byte[] signature) {
        if (signature.length != 64) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(key.algorithm().jdkSignature());
            verifier.initVerify(key.publicKey());
            verifier.update(data);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false; // a signature the provider cannot even read (e.g. R or S out of range) does not verify
        }
    }

    @Override
    public String toString() {
        return compact;
    }
}
