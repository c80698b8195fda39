package org.concord.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.concord.evidence.JwkTest.json;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JwsTest {

    @Test
    void signing_the_rfc_8037_example_gives_the_rfc_8037_jws() {
        // RFC 8037 appendix A.4: Ed25519 is deterministic, so the whole JWS is known
        var key = SigningKey.fromJson(json("kty", "OKP", "crv", "Ed25519", "x", JwkTest.RFC_8037_X,
                "d", JwkTest.RFC_8037_D, "kid", "k"));
        String signingInput = "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc";

        byte[] signature = key.sign(signingInput.getBytes(StandardCharsets.US_ASCII));

        assertThat(Base64Url.encode(signature)).isEqualTo(
                "hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg");
    }

    @Test
    void the_rfc_7515_es256_example_verifies_so_r_and_s_are_read_as_jws_writes_them() {
        // RFC 7515 appendix A.3, with a kid added to the key (the example's header has none)
        var jwk = Jwk.fromJson(json("kty", "EC", "crv", "P-256", "x", JwkTest.RFC_7515_X, "y", JwkTest.RFC_7515_Y,
                "kid", "k"));
        String signingInput = "eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFt"
                + "cGxlLmNvbS9pc19yb290Ijp0cnVlfQ";
        byte[] signature = Base64Url.decode(
                "DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-Kg6NU1Q", "signature");

        assertThat(Jws.verifies(jwk, signingInput.getBytes(StandardCharsets.US_ASCII), signature)).isTrue();
        signature[63] ^= 1;
        assertThat(Jws.verifies(jwk, signingInput.getBytes(StandardCharsets.US_ASCII), signature)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void a_signed_payload_verifies_with_its_key_and_carries_alg_and_kid(Algorithm algorithm) {
        var key = SigningKey.generate(algorithm, "cn-yn-2024");
        var payload = new SignaturePayload("a1", NanningEvidence.SEED_CONTENT_HASH, "CN-YN");

        var jws = Jws.parse(payload.sign(key));

        assertThat(jws.header()).isEqualTo(Map.of("alg", algorithm.jwsName(), "kid", "cn-yn-2024"));
        assertThat(jws.verify(JwkSet.of(key.publicJwk()))).isEqualTo(key.publicJwk());
        assertThat(SignaturePayload.fromJson(jws.payloadJson())).isEqualTo(payload);
        assertThat(new String(jws.payload(), StandardCharsets.UTF_8)).isEqualTo("{\"agreementId\":\"a1\","
                + "\"contentHash\":\"" + NanningEvidence.SEED_CONTENT_HASH + "\",\"party\":\"CN-YN\"}");
    }

    @Test
    void a_signature_by_another_key_with_the_same_kid_does_not_verify() {
        var key = SigningKey.generate(Algorithm.ES256, "k");
        var impostor = SigningKey.generate(Algorithm.ES256, "k");

        var jws = Jws.parse(Jws.sign(Map.of("a", 1), impostor));

        assertThatThrownBy(() -> jws.verify(JwkSet.of(key.publicJwk())))
                .hasMessage("the signature does not verify with key 'k'");
    }

    @Test
    void a_changed_payload_does_not_verify() {
        var key = SigningKey.generate(Algorithm.EDDSA, "k");
        String[] parts = Jws.sign(Map.of("party", "CN-YN"), key).split("\\.");
        String forged = parts[0] + "." + Base64Url.encode("{\"party\":\"CN-SC\"}".getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];

        assertThatThrownBy(() -> Jws.parse(forged).verify(JwkSet.of(key.publicJwk())))
                .hasMessage("the signature does not verify with key 'k'");
    }

    @Test
    void alg_none_other_algorithms_crit_and_a_missing_kid_are_refused() {
        var key = SigningKey.generate(Algorithm.ES256, "k");
        var keys = JwkSet.of(key.publicJwk());
        String payload = Base64Url.encode("{}".getBytes(StandardCharsets.UTF_8));
        String signature = Jws.sign(Map.of(), key).split("\\.")[2];

        assertThatThrownBy(() -> Jws.parse(header("{\"alg\":\"none\",\"kid\":\"k\"}") + "." + payload + ".").verify(keys))
                .hasMessageContaining("only ES256 and EdDSA").hasMessageContaining("'none'");
        assertThatThrownBy(() -> Jws.parse(header("{\"alg\":\"HS256\",\"kid\":\"k\"}") + "." + payload + "." + signature)
                .verify(keys)).hasMessageContaining("'HS256' is not accepted");
        assertThatThrownBy(() -> Jws.parse(header("{\"alg\":\"ES256\",\"kid\":\"k\",\"crit\":[\"b64\"]}") + "." + payload
                + "." + signature).verify(keys)).hasMessageContaining("crit");
        assertThatThrownBy(() -> Jws.parse(header("{\"alg\":\"ES256\"}") + "." + payload + "." + signature).verify(keys))
                .hasMessage("the JWS header names no key (kid)");
        assertThatThrownBy(() -> Jws.parse(header("{\"alg\":\"EdDSA\",\"kid\":\"k\"}") + "." + payload + "." + signature)
                .verify(keys)).hasMessage("the JWS says EdDSA but key 'k' is an ES256 key");
        assertThatThrownBy(() -> Jws.parse(header("{\"alg\":\"ES256\",\"kid\":\"x\"}") + "." + payload + "." + signature)
                .verify(keys)).hasMessage("no key with kid 'x'");
    }

    @Test
    void what_is_not_a_compact_jws_is_refused() {
        assertThatThrownBy(() -> Jws.parse("a.b")).hasMessageContaining("three parts");
        assertThatThrownBy(() -> Jws.parse("a.b.c.d")).hasMessageContaining("three parts");
        assertThatThrownBy(() -> Jws.parse("e30=.e30.AA")).hasMessageContaining("is not base64url");
        assertThatThrownBy(() -> Jws.parse(header("[1]") + ".e30.AA")).hasMessageContaining("must be a JSON object");
    }

    private static String header(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
