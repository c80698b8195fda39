package org.concord.evidence;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.EllipticCurve;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A public key as a JSON Web Key (RFC 7517): an EC P-256 key for ES256 ({@code kty} EC, {@code x} and {@code y})
 * or an Ed25519 key for EdDSA ({@code kty} OKP, RFC 8037, {@code x}), always with a {@code kid}.
 */
public record Jwk(String kid, Algorithm algorithm, PublicKey publicKey) {

    /** The DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410): the 32 raw key bytes follow it. */
    private static final byte[] ED25519_SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    static final ECParameterSpec P256 = p256();

    public Jwk {
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(publicKey, "publicKey");
    }

    /** The key as JWK members: kty, crv, x (and y), kid, alg, use. */
    public Map<String, Object> toJson() {
        var json = new LinkedHashMap<String, Object>(thumbprintMembers());
        json.put("kid", kid);
        json.put("alg", algorithm.jwsName());
        json.put("use", "sig");
        return json;
    }

    /** The RFC 7638 thumbprint: base64url SHA-256 of the canonical JSON of the key's required members. */
    public String thumbprint() {
        return Base64Url.encode(Sha256.digest(CanonicalJson.canonicalBytes(thumbprintMembers())));
    }

    /** Whether {@code other} holds the same public key (kid and alg aside). */
    public boolean sameKeyAs(Jwk other) {
        return thumbprint().equals(other.thumbprint());
    }

    /**
     * Reads a public JWK. Refuses a key with a private part ({@code d}), of another type or curve, whose
     * {@code alg}, {@code use} or {@code key_ops} do not allow signatures by its algorithm, or whose EC point is
     * not on P-256.
     */
    public static Jwk fromJson(Object json) {
        var members = JsonFields.object(json, "a JWK");
        if (!(members.get("kid") instanceof String kid)) {
            throw new EvidenceException("a JWK has no kid (a string)");
        }
        String what = "the JWK '" + kid + "'";
        if (members.containsKey("d")) {
            throw new EvidenceException(what + " includes its private part (d): whoever holds it can sign with it");
        }
        String kty = JsonFields.string(members, "kty", what);
        String crv = JsonFields.optionalString(members, "crv", what);
        Algorithm algorithm = Algorithm.byKey(kty, String.valueOf(crv)).orElseThrow(() -> new EvidenceException(
                what + " is a " + kty + (crv == null ? "" : " " + crv) + " key: only EC P-256 and OKP Ed25519 keys"
                        + " are understood"));
        String alg = JsonFields.optionalString(members, "alg", what);
        if (alg != null && !alg.equals(algorithm.jwsName())) {
            throw new EvidenceException(what + " says alg " + alg + ", but a " + kty + " " + crv + " key is for "
                    + algorithm.jwsName());
        }
        String use = JsonFields.optionalString(members, "use", what);
        if (use != null && !use.equals("sig")) {
            throw new EvidenceException(what + " is for use '" + use + "', not for signatures (sig)");
        }
        if (members.containsKey("key_ops")) {
            List<Object> ops = JsonFields.array(members, "key_ops", what);
            if (!ops.contains("verify")) {
                throw new EvidenceException(what + " does not allow verify in its key_ops");
            }
        }
        byte[] x = coordinate(members, "x", what);
        PublicKey key = algorithm == Algorithm.ES256
                ? ecPublicKey(x, coordinate(members, "y", what), what)
                : ed25519PublicKey(x, what);
        return new Jwk(kid, algorithm, key);
    }

    private Map<String, Object> thumbprintMembers() {
        var members = new LinkedHashMap<String, Object>();
        members.put("kty", algorithm.keyType());
        members.put("crv", algorithm.curve());
        if (publicKey instanceof ECPublicKey ec) {
            members.put("x", Base64Url.encode(unsigned32(ec.getW().getAffineX())));
            members.put("y", Base64Url.encode(unsigned32(ec.getW().getAffineY())));
        } else {
            members.put("x", Base64Url.encode(ed25519Raw(publicKey)));
        }
        return members;
    }

    private static byte[] coordinate(Map<String, Object> members, String name, String what) {
        byte[] bytes = Base64Url.decode(JsonFields.string(members, name, what), what + "." + name);
        if (bytes.length != 32) {
            throw new EvidenceException(what + "." + name + " must be 32 bytes, it is " + bytes.length);
        }
        return bytes;
    }

    private static PublicKey ecPublicKey(byte[] x, byte[] y, String what) {
        var point = new ECPoint(new BigInteger(1, x), new BigInteger(1, y));
        if (!onP256(point)) {
            throw new EvidenceException(what + " is not a point on P-256");
        }
        try {
            return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, P256));
        } catch (GeneralSecurityException e) {
            throw new EvidenceException(what + " is not a usable P-256 key: " + e.getMessage(), e);
        }
    }

    private static PublicKey ed25519PublicKey(byte[] x, String what) {
        byte[] spki = Arrays.copyOf(ED25519_SPKI_PREFIX, ED25519_SPKI_PREFIX.length + 32);
        System.arraycopy(x, 0, spki, ED25519_SPKI_PREFIX.length, 32);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException e) {
            throw new EvidenceException(what + " is not a usable Ed25519 key: " + e.getMessage(), e);
        }
    }

    /** y² = x³ + ax + b (mod p), with both coordinates in the field. */
    private static boolean onP256(ECPoint point) {
        EllipticCurve curve = P256.getCurve();
        BigInteger p = ((ECFieldFp) curve.getField()).getP();
        BigInteger x = point.getAffineX();
        BigInteger y = point.getAffineY();
        if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
            return false;
        }
        BigInteger left = y.multiply(y).mod(p);
        BigInteger right = x.pow(3).add(curve.getA().multiply(x)).add(curve.getB()).mod(p);
        return left.equals(right);
    }

    static byte[] ed25519Raw(PublicKey key) {
        byte[] spki = key.getEncoded();
        return Arrays.copyOfRange(spki, spki.length - 32, spki.length);
    }

    static byte[] unsigned32(BigInteger value) {
        byte[] bytes = value.toByteArray();
        byte[] out = new byte[32];
        int length = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - length, out, 32 - length, length);
        return out;
    }

    private static ECParameterSpec p256() {
        try {
            var parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java 17 runtime has P-256", e);
        }
    }
}
