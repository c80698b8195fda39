package org.concord.notifications.webhook;

import org.concord.notifications.delivery.domain.WebhookResponse;
import org.concord.notifications.subscription.domain.WebhookSecret;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.standardwebhooks.Webhook;
import org.concord.testsupport.webhooks.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP client against a local receiver: Standard Webhooks headers, and the SSRF guard applied after
 * resolution and before connecting (the receiver proves no connection was made).
 */
class WebhookClientTest {

    private static final String BODY = "{\"specversion\":\"1.0\",\"id\":\"evt-1\",\"data\":{\"n\":1}}";

    private final WebhookReceiver receiver = WebhookReceiver.start();
    /** "receiver.test" is a name for 127.0.0.1 that is not on the allowlist, as a rebinding DNS would give. */
    private final HostResolver resolver = host -> host.equals("receiver.test")
            ? List.of(InetAddress.getByName("127.0.0.1"))
            : HostResolver.system().resolve(host);
    private final WebhookProperties properties = properties(Set.of("localhost"));
    private final WebhookClient client = new WebhookClient(
            new DestinationGuard(new DestinationPolicy(properties.allowedHosts()), resolver), Clock.systemUTC(), properties);

    @AfterEach
    void stop() {
        client.close();
        receiver.close();
    }

    @Test
    void sends_the_body_with_standard_webhooks_headers_that_verify() throws Exception {
        WebhookSecret secret = WebhookSecret.generate();

        WebhookResponse response = client.send(request(receiver.url("localhost"), secret)).block();

        assertThat(response.isSuccess()).isTrue();
        assertThat(receiver.received()).hasSize(1);
        var received = receiver.received().get(0);
        assertThat(received.body()).isEqualTo(BODY);
        assertThat(received.header("webhook-id")).isEqualTo("evt-1");
        assertThat(received.header("content-type")).startsWith("application/cloudevents+json");
        new Webhook(secret.value()).verify(received.body(), received.headers());
    }

    @Test
    void name_resolving_to_a_loopback_address_is_refused_before_connecting() {
        WebhookResponse response = client.send(request(receiver.url("receiver.test"), WebhookSecret.generate())).block();

        assertThat(response.statusCode()).isNull();
        assertThat(response.error()).startsWith("destination refused before connecting")
                .contains("127.0.0.1").contains("loopback");
        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void ip_literal_not_on_the_allowlist_is_refused_before_connecting() {
        WebhookResponse response = client.send(request(receiver.url("127.0.0.1"), WebhookSecret.generate())).block();

        assertThat(response.error()).startsWith("destination refused before connecting").contains("loopback");
        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void a_receiver_that_does_not_answer_in_time_is_a_failed_attempt() {
        receiver.hangingFor(Duration.ofSeconds(3));

        WebhookResponse response = client.send(request(receiver.url("localhost"), WebhookSecret.generate())).block();

        assertThat(response.statusCode()).isNull();
        assertThat(response.error()).isEqualTo("no response in time");
        assertThat(response.duration()).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void retry_after_of_the_receiver_is_reported() {
        receiver.answering(n -> new WebhookReceiver.Reply(503, Duration.ZERO, Map.of("Retry-After", "30")));

        WebhookResponse response = client.send(request(receiver.url("localhost"), WebhookSecret.generate())).block();

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.error()).isEqualTo("HTTP 503");
        assertThat(response.retryAfter()).contains(Duration.ofSeconds(30));
    }

    private static WebhookRequest request(String url, WebhookSecret secret) {
        return new WebhookRequest(URI.create(url), "evt-1", BODY.getBytes(StandardCharsets.UTF_8), List.of(secret));
    }

    static WebhookProperties properties(Set<String> allowedHosts) {
        return new WebhookProperties(List.of(Duration.ZERO), 0, Duration.ofSeconds(1), Duration.ofMillis(500),
                Duration.ofHours(1), Duration.ofDays(5), Duration.ofHours(24), 8, 2, Duration.ofSeconds(1), Duration.ofMinutes(10),
                allowedHosts, null, null);
    }
}
