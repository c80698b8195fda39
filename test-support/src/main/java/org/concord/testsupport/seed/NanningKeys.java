package org.concord.testsupport.seed;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.concord.evidence.Algorithm;
import org.concord.evidence.JwkSet;
import org.concord.evidence.SignaturePayload;
import org.concord.evidence.SigningKey;

/**
 * The keys the departments of the seed story sign with (docs/evidence.md): one per region, ES256 and EdDSA in turn
 * along {@link SeedMou#PARTIES} (Guangxi ES256, Sichuan EdDSA, ...), made once per test run, private parts never
 * leaving the test. {@link #jwks} is what a region registers in regions-service, {@link #jws} what its signatory
 * puts on a signature.
 */
public final class NanningKeys {

    private static final Map<String, SigningKey> KEYS = new ConcurrentHashMap<>();

    private NanningKeys() {
    }

    /** The region's key: ES256 for the seed parties at even places of the list, EdDSA at odd ones (and others ES256). */
    public static SigningKey of(String region) {
        return KEYS.computeIfAbsent(region, code -> SigningKey.generate(
                SeedMou.PARTIES.indexOf(code) % 2 == 1 ? Algorithm.EDDSA : Algorithm.ES256, kid(code)));
    }

    /** {@code cn-yn-2024} for CN-YN. */
    public static String kid(String region) {
        return region.toLowerCase() + "-2024";
    }

    /** The region's public key set, {@code {"keys": [...]}}: the body of {@code PUT /api/regions/{code}/keys}. */
    public static Map<String, Object> jwks(String region) {
        return jwks(of(region));
    }

    /** A public key set holding these keys. */
    public static Map<String, Object> jwks(SigningKey... keys) {
        return new LinkedHashMap<>(new JwkSet(List.of(keys).stream().map(SigningKey::publicJwk).toList()).toJson());
    }

    /** The region's compact JWS over {@code {agreementId, contentHash, party}}, by its own key. */
    public static String jws(String region, String agreementId, String contentHash) {
        return new SignaturePayload(agreementId, contentHash, region).sign(of(region));
    }
}
