package org.concord.testsupport.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The receiver checks signatures as the Standard Webhooks specification says, and answers as told. */
class WebhookReceiverTest {

    /** The test vector of the Standard Webhooks specification. */
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final String TIMESTAMP = "1614265330";
    private static final String BODY = "{\"test\": 2432232314}";
    private static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    @Test
    void the_specification_s_signature_verifies() {
        assertThat(WebhookReceiver.signedWith(SECRET, request(ID, TIMESTAMP, SIGNATURE, BODY))).isTrue();
    }

    @Test
    void one_valid_signature_among_several_verifies_as_during_a_secret_rotation() {
        String both = "v1,bm90IHRoaXMgb25l " + SIGNATURE;
        assertThat(WebhookReceiver.signedWith(SECRET, request(ID, TIMESTAMP, both, BODY))).isTrue();
    }

    @Test
    void a_changed_body_or_a_missing_header_does_not_verify() {
        assertThat(WebhookReceiver.signedWith(SECRET, request(ID, TIMESTAMP, SIGNATURE, BODY + " "))).isFalse();
        assertThat(WebhookReceiver.signedWith(SECRET, request(ID, null, SIGNATURE, BODY))).isFalse();
    }

    @Test
    void it_keeps_every_request_and_answers_the_statuses_in_turn() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start().answeringInTurn(503)) {
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest post = HttpRequest.newBuilder(URI.create(receiver.url())).header("webhook-id", ID)
                    .POST(HttpRequest.BodyPublishers.ofString(BODY)).build();

            int first = http.send(post, HttpResponse.BodyHandlers.discarding()).statusCode();
            int second = http.send(post, HttpResponse.BodyHandlers.discarding()).statusCode();

            assertThat(List.of(first, second)).containsExactly(503, 200);
            assertThat(receiver.received()).hasSize(2).allSatisfy(request -> {
                assertThat(request.webhookId()).isEqualTo(ID);
                assertThat(request.body()).isEqualTo(BODY);
            });
        }
    }

    private static WebhookReceiver.Received request(String id, String timestamp, String signature, String body) {
        Map<String, List<String>> headers = new HashMap<>();
        headers.put("Webhook-id", List.of(id));
        if (timestamp != null) {
            headers.put("Webhook-timestamp", List.of(timestamp));
        }
        headers.put("Webhook-signature", List.of(signature));
        return new WebhookReceiver.Received(Instant.now(), headers, body);
    }
}
