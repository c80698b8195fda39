package org.concord.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JwkTest {

    /** RFC 8037 appendix A.1 and A.2. */
    static final String RFC_8037_X = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";
    static final String RFC_8037_D = "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A";

    /** RFC 7515 appendix A.3. */
    static final String RFC_7515_X = "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU";
    static final String RFC_7515_Y = "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0";
    static final String RFC_7515_D = "jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI";

    @Test
    void the_thumbprint_of_the_rfc_8037_key_is_the_one_rfc_8037_gives() {
        // RFC 8037 appendix A.3
        var jwk = Jwk.fromJson(json("kty", "OKP", "crv", "Ed25519", "x", RFC_8037_X, "kid", "rfc8037"));

        assertThat(jwk.algorithm()).isEqualTo(Algorithm.EDDSA);
        assertThat(jwk.thumbprint()).isEqualTo("kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k");
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void a_public_key_is_written_and_read_back_unchanged(Algorithm algorithm) {
        var key = SigningKey.generate(algorithm, "k1").publicJwk();

        var json = key.toJson();
        var read = Jwk.fromJson(Json.parse(Json.write(json)));

        assertThat(json).containsEntry("kty", algorithm.keyType()).containsEntry("crv", algorithm.curve())
                .containsEntry("alg", algorithm.jwsName()).containsEntry("use", "sig").containsEntry("kid", "k1")
                .doesNotContainKey("d");
        assertThat(read).isEqualTo(key);
        assertThat(read.thumbprint()).isEqualTo(key.thumbprint());
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void a_private_key_is_written_and_read_back_and_still_signs_for_its_public_key(Algorithm algorithm) {
        var key = SigningKey.generate(algorithm, "k1");

        var read = SigningKey.fromJson(Json.parse(Json.write(key.toJson())));

        assertThat(read.publicJwk()).isEqualTo(key.publicJwk());
        String jws = Jws.sign(Map.of("a", 1), read);
        assertThat(Jws.parse(jws).verify(JwkSet.of(key.publicJwk()))).isEqualTo(key.publicJwk());
        assertThat(key.toString()).doesNotContain((String) key.toJson().get("d"));
    }

    @Test
    void the_rfc_private_keys_are_read_and_checked_against_their_public_parts() {
        SigningKey.fromJson(json("kty", "OKP", "crv", "Ed25519", "x", RFC_8037_X, "d", RFC_8037_D, "kid", "a"));
        SigningKey.fromJson(json("kty", "EC", "crv", "P-256", "x", RFC_7515_X, "y", RFC_7515_Y, "d", RFC_7515_D,
                "kid", "b"));

        assertThatThrownBy(() -> SigningKey.fromJson(json("kty", "EC", "crv", "P-256", "x", RFC_7515_X,
                "y", RFC_7515_Y, "d", RFC_8037_D, "kid", "c")))
                .hasMessage("the private part of the JWK 'c' does not belong to its public part");
    }

    @Test
    void a_public_key_set_that_carries_a_private_part_is_refused() {
        var leaked = json("kty", "OKP", "crv", "Ed25519", "x", RFC_8037_X, "d", RFC_8037_D, "kid", "cn-yn-2024");

        assertThatThrownBy(() -> Jwk.fromJson(leaked)).isInstanceOf(EvidenceException.class)
                .hasMessage("the JWK 'cn-yn-2024' includes its private part (d): whoever holds it can sign with it");
    }

    @Test
    void an_ec_point_that_is_not_on_p256_is_refused() {
        // RFC 7515's y with the last bit of its last byte flipped: in the field, not on the curve
        String offCurveY = "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5aw";

        assertThatThrownBy(() -> Jwk.fromJson(json("kty", "EC", "crv", "P-256", "x", RFC_7515_X, "y", offCurveY,
                "kid", "k"))).hasMessage("the JWK 'k' is not a point on P-256");
    }

    @Test
    void keys_of_other_types_sizes_or_uses_are_refused_with_the_reason() {
        assertThatThrownBy(() -> Jwk.fromJson(json("kty", "RSA", "n", "AQAB", "e", "AQAB", "kid", "k")))
                .hasMessage("the JWK 'k' is a RSA key: only EC P-256 and OKP Ed25519 keys are understood");
        assertThatThrownBy(() -> Jwk.fromJson(json("kty", "EC", "crv", "P-384", "x", RFC_7515_X, "y", RFC_7515_Y,
                "kid", "k"))).hasMessageContaining("is a EC P-384 key");
        assertThatThrownBy(() -> Jwk.fromJson(json("kty", "OKP", "crv", "Ed25519", "x", "AAAA", "kid", "k")))
                .hasMessage("the JWK 'k'.x must be 32 bytes, it is 3");
        assertThatThrownBy(() -> Jwk.fromJson(json("kty", "OKP", "crv", "Ed25519", "x", RFC_8037_X, "kid", "k",
                "alg", "ES256"))).hasMessage("the JWK 'k' says alg ES256, but a OKP Ed25519 key is for EdDSA");
        assertThatThrownBy(() -> Jwk.fromJson(json("kty", "OKP", "crv", "Ed25519", "x", RFC_8037_X, "kid", "k",
                "use", "enc"))).hasMessage("the JWK 'k' is for use 'enc', not for signatures (sig)");
        var signOnly = json("kty", "OKP", "crv", "Ed25519", "x", RFC_8037_X, "kid", "k");
        signOnly.put("key_ops", List.of("sign"));
        assertThatThrownBy(() -> Jwk.fromJson(signOnly)).hasMessage("the JWK 'k' does not allow verify in its key_ops");
        assertThatThrownBy(() -> Jwk.fromJson(json("kty", "OKP", "crv", "Ed25519", "x", RFC_8037_X)))
                .hasMessage("a JWK has no kid (a string)");
    }

    @Test
    void base64url_with_padding_or_unused_bits_set_is_refused() {
        // the last character of 32 bytes carries 4 bits of data and 2 unused bits: 'o' ends in 00, 'p' in 01
        String unusedBitSet = RFC_8037_X.substring(0, 42) + "p";

        assertThatThrownBy(() -> Jwk.fromJson(json("kty", "OKP", "crv", "Ed25519", "x", unusedBitSet, "kid", "k")))
                .hasMessageContaining("not canonical base64url");
        assertThatThrownBy(() -> Jwk.fromJson(json("kty", "OKP", "crv", "Ed25519", "x", RFC_8037_X + "=", "kid", "k")))
                .hasMessageContaining("is not base64url");
    }

    @Test
    void a_key_set_finds_keys_by_kid_and_refuses_two_keys_with_one_kid() {
        var a = SigningKey.generate(Algorithm.ES256, "a").publicJwk();
        var b = SigningKey.generate(Algorithm.EDDSA, "b").publicJwk();
        var set = JwkSet.fromJson(Json.parse(Json.write(JwkSet.of(a, b).toJson())), "set");

        assertThat(set.find("b")).contains(b);
        assertThat(set.find("c")).isEmpty();
        var twin = SigningKey.generate(Algorithm.ES256, "a").publicJwk();
        assertThatThrownBy(() -> JwkSet.of(a, twin)).hasMessage("two keys of one JWK set share the kid 'a'");
    }

    static Map<String, Object> json(String... members) {
        var json = new LinkedHashMap<String, Object>();
        for (int i = 0; i < members.length; i += 2) {
            json.put(members[i], members[i + 1]);
        }
        return json;
    }
}
