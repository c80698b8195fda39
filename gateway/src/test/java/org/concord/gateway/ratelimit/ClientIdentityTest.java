package org.concord.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.List;

import org.concord.testsupport.security.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class ClientIdentityTest {

    private static final String STREAM = "/api/notifications/stream";
    private final ClientIdentity clients = ClientIdentity.of(verifying(true));

    @Test
    void a_verified_bearer_token_names_its_subject() {
        assertThat(clients.of(request("/api/regions").header("Authorization", "Bearer " + Tokens.signatory("CN-YN")).build())
                .block()).isEqualTo("subject:signatory-CN-YN@test");
    }

    @Test
    void the_live_feed_may_carry_its_token_in_the_query_and_nothing_else_may() {
        String token = Tokens.viewer();
        assertThat(clients.of(request(STREAM + "?access_token=" + token).build()).block()).isEqualTo("subject:viewer@test");
        assertThat(clients.of(request("/api/regions?access_token=" + token).build()).block()).isEqualTo("address:192.0.2.7");
    }

    @Test
    void a_token_that_does_not_verify_counts_as_its_senders_address() {
        for (String forged : List.of(Tokens.Forged.signedWithAnotherKey(), Tokens.Forged.expired(),
                Tokens.Forged.unsigned(), Tokens.Forged.fromAnotherIssuer(), Tokens.Forged.forAnotherAudience(),
                Tokens.Forged.withHmacAlgorithm(), Tokens.Forged.withoutExpiry(), "not-a-jwt")) {
            assertThat(clients.of(request("/api/regions").header("Authorization", "Bearer " + forged).build()).block())
                    .as(forged).isEqualTo("address:192.0.2.7");
        }
        assertThat(clients.of(request("/api/regions").build()).block()).as("no token").isEqualTo("address:192.0.2.7");
    }

    @Test
    void with_verification_off_every_client_is_its_address() {
        ClientIdentity byAddress = ClientIdentity.of(verifying(false));
        assertThat(byAddress.of(request("/api/regions").header("Authorization", "Bearer " + Tokens.admin()).build()).block())
                .isEqualTo("address:192.0.2.7");
    }

    @Test
    void verification_without_a_key_fails_at_start_saying_what_to_set() {
        var noKey = new TokenVerificationProperties(true, Tokens.ISSUER, Tokens.AUDIENCE, "", "", List.of());
        assertThatThrownBy(() -> ClientIdentity.of(noKey)).hasMessageContaining("CONCORD_SECURITY_PUBLIC_KEY");
    }

    private static MockServerHttpRequest.BaseBuilder<?> request(String uri) {
        return MockServerHttpRequest.get(uri).remoteAddress(new InetSocketAddress("192.0.2.7", 51234));
    }

    private static TokenVerificationProperties verifying(boolean enabled) {
        var settings = Tokens.verification();
        return new TokenVerificationProperties(enabled, Tokens.ISSUER, Tokens.AUDIENCE, null,
                (String) settings.get("concord.security.public-key"), List.of(STREAM));
    }
}
