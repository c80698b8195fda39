package org.concord.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevTokenTest {

    @TempDir
    Path data;

    @Test
    void a_signatory_token_names_its_region_and_verifies_with_the_public_key() throws Exception {
        DevKeys keys = new DevKeys(data);
        assertThat(keys.ensure()).isTrue();
        Instant now = Instant.ofEpochSecond(1_727_150_000L);

        String token = DevToken.parse(List.of("signatory", "cn-sc")).sign(keys.privateKey(), now);

        String[] parts = token.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertThat(claims).contains("\"roles\":[\"signatory\"]", "\"region\":\"CN-SC\"", "\"iss\":\"concord-local\"",
                "\"aud\":\"concord\"", "\"exp\":" + (now.getEpochSecond() + 12 * 3600));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(publicKey(keys.publicKeyFile()));
        rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rsa.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
    }

    @Test
    void the_key_is_made_once_and_kept() {
        DevKeys keys = new DevKeys(data);
        keys.ensure();
        assertThat(new DevKeys(data).ensure()).isFalse();
    }

    @Test
    void a_signatory_without_a_region_is_refused() {
        assertThatThrownBy(() -> DevToken.parse(List.of("signatory"))).hasMessageContaining("needs the region");
    }

    @Test
    void an_unknown_role_is_refused() {
        assertThatThrownBy(() -> DevToken.parse(List.of("root"))).hasMessageContaining("unknown role 'root'");
    }

    @Test
    void the_validity_can_be_shortened() {
        assertThat(DevToken.parse(List.of("admin", "--ttl", "30m")).validity()).hasMinutes(30);
    }

    private static PublicKey publicKey(Path pem) throws Exception {
        String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }
}
