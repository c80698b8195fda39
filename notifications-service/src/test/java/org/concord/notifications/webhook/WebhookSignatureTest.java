package org.concord.notifications.webhook;

import org.concord.notifications.subscription.domain.WebhookSecret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import org.junit.jupiter.api.Test;

/** Our signatures checked by an independent implementation (com.standardwebhooks) and the spec's test vector. */
class WebhookSignatureTest {

    @Test
    void signature_matches_the_standard_webhooks_test_vector() {
        var secret = new WebhookSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        String signature = WebhookSignature.sign("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
                "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8), secret);

        assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void generated_secret_signs_what_the_reference_library_verifies() throws Exception {
        WebhookSecret secret = WebhookSecret.generate();
        String body = "{\"specversion\":\"1.0\",\"id\":\"5b0e…\",\"data\":{\"title\":\"MoU — 丝路电商\"}}";
        long now = Instant.now().getEpochSecond();
        String header = WebhookSignature.header("evt-1", now, body.getBytes(StandardCharsets.UTF_8), List.of(secret));

        new Webhook(secret.value()).verify(body, headers("evt-1", now, header));
    }

    @Test
    void during_a_rotation_both_secrets_sign_and_either_verifies() throws Exception {
        WebhookSecret current = WebhookSecret.generate();
        WebhookSecret previous = WebhookSecret.generate();
        String body = "{\"n\":1}";
        long now = Instant.now().getEpochSecond();
        String header = WebhookSignature.header("evt-2", now, body.getBytes(StandardCharsets.UTF_8),
                List.of(current, previous));

        assertThat(header.split(" ")).hasSize(2).allSatisfy(part -> assertThat(part).startsWith("v1,"));
        new Webhook(current.value()).verify(body, headers("evt-2", now, header));
        new Webhook(previous.value()).verify(body, headers("evt-2", now, header));
    }

    @Test
    void a_changed_body_fails_verification() {
        WebhookSecret secret = WebhookSecret.generate();
        long now = Instant.now().getEpochSecond();
        String header = WebhookSignature.header("evt-3", now, "{\"n\":1}".getBytes(StandardCharsets.UTF_8), List.of(secret));

        assertThatThrownBy(() -> new Webhook(secret.value()).verify("{\"n\":2}", headers("evt-3", now, header)))
                .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void secret_has_the_whsec_prefix_and_never_prints_itself() {
        WebhookSecret secret = WebhookSecret.generate();
        assertThat(secret.value()).startsWith("whsec_");
        assertThat(secret.key()).hasSize(32);
        assertThat(secret.toString()).doesNotContain(secret.value().substring(6));
    }

    private static Map<String, List<String>> headers(String id, long timestamp, String signature) {
        return Map.of("webhook-id", List.of(id), "webhook-timestamp", List.of(Long.toString(timestamp)),
                "webhook-signature", List.of(signature));
    }
}
