package org.concord.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.standardwebhooks.Webhook;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.concord.notifications.NotificationsIntegrationTest;
import org.concord.notifications.delivery.application.DeliveryDispatcher;
import org.concord.notifications.delivery.application.DeliveryObserver;
import org.concord.notifications.delivery.application.DeliveryService;
import org.concord.notifications.delivery.domain.Delivery;
import org.concord.notifications.delivery.domain.DeliveryAttempt;
import org.concord.notifications.delivery.domain.DeliveryClaim;
import org.concord.notifications.delivery.domain.WebhookResponse;
import org.concord.notifications.delivery.persistence.DeliveryRepository;
import org.concord.notifications.subscription.domain.Subscription;
import org.concord.notifications.subscription.domain.WebhookSecret;
import org.concord.notifications.subscription.persistence.SubscriptionRepository;
import org.concord.notifications.webhook.ClaimHolder;
import org.concord.testsupport.webhooks.WebhookReceiver;
import org.concord.testsupport.contract.ContractExample;
import org.concord.testsupport.contract.EventContract;
import org.concord.testsupport.kafka.TopicRecords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Webhooks per the Standard Webhooks specification, against local receivers (allowlisted as "localhost"):
 * signatures verified by the reference library, retries, isolation of endpoints, 410, the SSRF guard, and the
 * delivery outcomes on notifications.v1.
 */
public abstract class WebhookScenarios extends NotificationsIntegrationTest {

    @Autowired
    private DeliveryDispatcher dispatcher;
    @Autowired
    private ClaimHolder claimHolder;
    @Autowired
    private DeliveryService service;
    @Autowired
    private SubscriptionRepository subscriptions;
    @Autowired
    private DeliveryObserver observer;
    @Autowired
    private ConnectionFactory connections;

    @Test
    void delivery_is_signed_per_standard_webhooks_and_carries_the_event_as_a_structured_cloudevent() throws Exception {
        List<String> parties = newRegions(2);
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            JsonNode subscription = subscribe(receiver.url("localhost"), List.of("concord.agreement.*"), List.of(parties.get(1)));
            ContractExample event = agreementEvent("concord.agreement.signed", parties);

            publish(event);

            await().atMost(PATIENCE).until(() -> receiver.received().size() == 1);
            WebhookReceiver.Received received = receiver.received().get(0);
            new Webhook(subscription.get("secret").asString()).verify(received.body(), received.headers());
            assertThat(received.header("webhook-id")).isEqualTo(event.ceId());
            JsonNode body = JSON.readTree(received.body());
            assertThat(body.get("specversion").asString()).isEqualTo("1.0");
            assertThat(body.get("id").asString()).isEqualTo(event.ceId());
            assertThat(body.get("source").asString()).isEqualTo("/concord/agreements-service");
            assertThat(body.get("type").asString()).isEqualTo("concord.agreement.signed");
            assertThat(body.get("subject").asString()).isEqualTo(event.key());
            assertThat(Instant.parse(body.get("time").asString())).isEqualTo(Instant.parse(event.headers().get("ce_time")));
            assertThat(body.get("datacontenttype").asString()).isEqualTo("application/json");
            assertThat(body.get("data")).isEqualTo(event.dataNode());

            ConsumerRecord<String, String> outcome = awaitOutcome(deliveryOf(event, subscription), 1).get(0);
            EventContract.assertConforms(outcome);
            assertThat(TopicRecords.header(outcome, "ce_type")).isEqualTo("concord.notification.delivered");
            JsonNode data = JSON.readTree(outcome.value());
            assertThat(data.get("attempts").asInt()).isEqualTo(1);
            assertThat(data.get("statusCode").asInt()).isEqualTo(204);
            assertThat(data.get("eventId").asString()).isEqualTo(event.ceId());
        }
    }

    @Test
    void an_event_for_several_subscriptions_is_stored_once_and_each_endpoint_gets_the_same_body_signed_with_its_secret()
            throws Exception {
        List<String> parties = newRegions(2);
        try (WebhookReceiver first = WebhookReceiver.start(); WebhookReceiver second = WebhookReceiver.start();
                WebhookReceiver third = WebhookReceiver.start()) {
            List<WebhookReceiver> receivers = List.of(first, second, third);
            List<JsonNode> endpoints = receivers.stream()
                    .map(receiver -> subscribe(receiver.url("localhost"), List.of(), List.of(parties.get(0))))
                    .toList();
            ContractExample event = agreementEvent("concord.agreement.opened", parties);

            publish(event);

            await().atMost(PATIENCE).until(() -> receivers.stream().allMatch(r -> r.received().size() == 1));
            assertThat(deliveriesOf(event.ceId())).hasSize(3);
            assertThat(messagesOf(event.ceId())).as("the event's payload, stored once").hasSize(1);
            String stored = messagesOf(event.ceId()).get(0);
            for (int i = 0; i < receivers.size(); i++) {
                WebhookReceiver.Received received = receivers.get(i).received().get(0);
                assertThat(received.body()).isEqualTo(stored);
                new Webhook(endpoints.get(i).get("secret").asString()).verify(received.body(), received.headers());
            }
            assertThat(JSON.readTree(stored).get("id").asString()).isEqualTo(event.ceId());
        }
    }

    @Test
    void an_event_no_subscription_wants_stores_no_payload() {
        List<String> parties = newRegions(2);
        ContractExample event = agreementEvent("concord.agreement.opened", parties);

        publish(event);

        awaitNotifications(event.ceId(), 2);
        assertThat(deliveriesOf(event.ceId())).isEmpty();
        assertThat(messagesOf(event.ceId())).isEmpty();
    }

    private List<String> messagesOf(String eventId) {
        return db.sql("SELECT payload FROM webhook_message WHERE event_id = :id").bind("id", eventId)
                .map(row -> row.get("payload", String.class)).all().collectList().block();
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void the_log_lines_of_a_deliverys_outcome_name_the_trace_and_span_of_its_attempt(CapturedOutput output) {
        List<String> parties = newRegions(2);
        try (WebhookReceiver delivered = WebhookReceiver.start(); WebhookReceiver gone = WebhookReceiver.start().answeringInTurn(410)) {
            JsonNode fine = subscribe(delivered.url("localhost"), List.of(), List.of(parties.get(0)));
            JsonNode goneEndpoint = subscribe(gone.url("localhost"), List.of(), List.of(parties.get(0)));
            ContractExample event = agreementEvent("concord.agreement.opened", parties);

            publish(event);

            Map<WebhookReceiver, String> lines = Map.of(
                    delivered, "event " + event.ceId() + " delivered to subscription " + fine.get("id").asString(),
                    gone, "event " + event.ceId() + " not delivered to subscription " + goneEndpoint.get("id").asString());
            Map<WebhookReceiver, JsonNode> endpoints = Map.of(delivered, fine, gone, goneEndpoint);
            lines.forEach((receiver, says) -> {
                ConsumerRecord<String, String> outcome = awaitOutcome(deliveryOf(event, endpoints.get(receiver)), 1).get(0);
                String traceId = TopicRecords.header(outcome, "traceparent").split("-")[1];
                String[] attempt = receiver.received().get(0).header("traceparent").split("-");
                assertThat(attempt[1]).as("the attempt's trace is the outcome event's").isEqualTo(traceId);
                String line = output.getOut().lines().filter(l -> l.contains(says)).findFirst().orElseThrow();
                assertThat(line).contains("[" + traceId + "," + attempt[2] + "]");
            });
        }
    }

    @Test
    void the_webhook_post_is_in_the_trace_of_the_record_that_queued_the_delivery() {
        List<String> parties = newRegions(2);
        String producer = newTraceparent();
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            subscribe(receiver.url("localhost"), List.of(), List.of(parties.get(0)));
            ContractExample event = agreementEvent("concord.agreement.opened", parties)
                    .withHeader("traceparent", producer);

            publish(event);

            await().atMost(PATIENCE).until(() -> receiver.received().size() == 1);
            assertInTraceOf(producer, receiver.received().get(0).header("traceparent"));
        }
    }

    @Test
    void an_attempts_span_is_a_child_of_the_trace_context_the_due_delivery_was_read_with() {
        String queuedIn = newTraceparent();
        // no row: all the attempt knows of where the delivery was queued comes with it from the due rows
        Delivery due = Delivery.queue(UUID.randomUUID(), UUID.randomUUID().toString(), "concord.agreement.opened",
                Instant.now());
        var sentWith = new java.util.concurrent.atomic.AtomicReference<String>();

        observer.attempt(due, queuedIn, traceparent -> {
            sentWith.set(traceparent);
            return Mono.just(new DeliveryObserver.Attempted(answered(204), new Delivery.Verdict.Delivered()));
        }).block(PATIENCE);

        assertInTraceOf(queuedIn, sentWith.get());
    }

    private static String newTraceparent() {
        return "00-" + UUID.randomUUID().toString().replace("-", "") + "-00f067aa0ba902b7-01";
    }

    /** The POST's {@code traceparent} is a span of its own in the trace of {@code parent}. */
    private static void assertInTraceOf(String parent, String post) {
        String[] expected = parent.split("-");
        String[] actual = post.split("-");
        assertThat(actual[1]).as("the POST's trace").isEqualTo(expected[1]);
        assertThat(actual[2]).as("the POST's own span").isNotEqualTo(expected[2]);
    }

    @Test
    void receiver_failing_three_times_then_succeeding_gets_the_event_once_with_the_same_webhook_id() throws Exception {
        List<String> parties = newRegions(2);
        try (WebhookReceiver receiver = WebhookReceiver.start().answeringInTurn(500, 503, 500)) {
            JsonNode subscription = subscribe(receiver.url("localhost"), List.of(), List.of(parties.get(0)));
            ContractExample event = agreementEvent("concord.agreement.signature-recorded", parties);

            publish(event);

            String deliveryId = deliveryOf(event, subscription);
            ConsumerRecord<String, String> outcome = awaitOutcome(deliveryId, 1).get(0);
            await("no further attempt").during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(3))
                    .until(() -> receiver.received().size() == 4);
            Webhook verifier = new Webhook(subscription.get("secret").asString());
            for (WebhookReceiver.Received attempt : receiver.received()) {
                assertThat(attempt.header("webhook-id")).isEqualTo(event.ceId());
                verifier.verify(attempt.body(), attempt.headers());
            }
            JsonNode log = get("/api/subscriptions/" + subscription.get("id").asString() + "/deliveries")
                    .get("items").get(0);
            assertThat(log.get("status").asString()).isEqualTo("DELIVERED");
            assertThat(log.get("attempts")).extracting(a -> a.get("statusCode").asInt()).containsExactly(500, 503, 500, 200);
            assertThat(log.get("attempts")).extracting(a -> a.get("attempt").asInt()).containsExactly(1, 2, 3, 4);
            assertThat(log.get("attempts").get(0).get("error").asString()).isEqualTo("HTTP 500");
            assertThat(log.get("attempts").get(0).has("durationMs")).isTrue();
            EventContract.assertConforms(outcome);
            assertThat(JSON.readTree(outcome.value()).get("attempts").asInt()).isEqualTo(4);
        }
    }

    @Test
    void hanging_receiver_does_not_delay_another_receivers_deliveries_beyond_a_second() {
        List<String> parties = newRegions(2);
        try (WebhookReceiver hanging = WebhookReceiver.start().hangingFor(Duration.ofSeconds(5));
                WebhookReceiver healthy = WebhookReceiver.start()) {
            JsonNode stuck = subscribe(hanging.url("localhost"), List.of(), List.of(parties.get(0)));
            JsonNode fine = subscribe(healthy.url("localhost"), List.of(), List.of(parties.get(0)));
            List<ContractExample> events = List.of(
                    agreementEvent("concord.agreement.opened", parties),
                    agreementEvent("concord.agreement.opened", parties),
                    agreementEvent("concord.agreement.opened", parties));

            events.forEach(this::publish);

            await().atMost(PATIENCE).until(() -> healthy.received().size() == 3);
            for (ContractExample event : events) {
                Instant queued = deliveries.ofEvent(event.ceId())
                        .filter(d -> d.subscriptionId().toString().equals(fine.get("id").asString()))
                        .blockFirst().createdAt();
                Instant arrived = healthy.received().stream()
                        .filter(r -> event.ceId().equals(r.header("webhook-id")))
                        .findFirst().orElseThrow().at();
                assertThat(Duration.between(queued, arrived)).isLessThan(Duration.ofSeconds(1));
            }
            assertThat(hanging.received()).isNotEmpty();
            unsubscribe(stuck);
        }
    }

    @Test
    void failing_endpoint_backs_off_instead_of_being_tried_for_each_queued_delivery_and_the_healthy_one_is_not_held() {
        List<String> parties = newRegions(2);
        try (WebhookReceiver failing = WebhookReceiver.start().answering(n -> WebhookReceiver.Reply.status(500));
                WebhookReceiver healthy = WebhookReceiver.start()) {
            JsonNode broken = subscribe(failing.url("localhost"), List.of(), List.of(parties.get(0)));
            subscribe(healthy.url("localhost"), List.of(), List.of(parties.get(0)));
            ContractExample first = agreementEvent("concord.agreement.opened", parties);
            publish(first);
            await("the failing endpoint failed once").atMost(PATIENCE).until(() -> !failing.received().isEmpty());
            List<ContractExample> events = new java.util.ArrayList<>();
            ContractExample previous = first;
            for (int i = 0; i < 20; i++) {
                previous = nextEvent(previous, "concord.agreement.signature-recorded");
                events.add(previous);
            }

            events.forEach(this::publish);

            await().atMost(PATIENCE).until(() -> healthy.received().size() == 21);
            for (ContractExample event : events) {
                Instant queued = deliveries.ofEvent(event.ceId())
                        .filter(d -> !d.subscriptionId().toString().equals(broken.get("id").asString()))
                        .blockFirst().createdAt();
                Instant arrived = healthy.received().stream()
                        .filter(r -> event.ceId().equals(r.header("webhook-id")))
                        .findFirst().orElseThrow().at();
                assertThat(Duration.between(queued, arrived)).isLessThan(Duration.ofSeconds(1));
            }
            // 21 deliveries queued for the failing endpoint: without a back-off each would have been tried at once
            assertThat(failing.received()).hasSizeLessThan(21);
            String id = broken.get("id").asString();
            long neverTried = 0;
            for (JsonNode delivery : get("/api/subscriptions/" + id + "/deliveries?size=50").get("items")) {
                neverTried += delivery.get("attemptCount").asInt() == 0 ? 1 : 0;
            }
            assertThat(neverTried).isPositive();

            http().delete().uri("/api/subscriptions/" + id).exchange().expectStatus().isNoContent();

            // what waited is cancelled, and so is a probe on its way: nothing of a deleted subscription stays pending
            assertThat(deliveriesOf(id, "CANCELLED")).isGreaterThanOrEqualTo(neverTried);
            assertThat(deliveriesOf(id, "PENDING")).isZero();
        }
    }

    private long deliveriesOf(String subscriptionId, String status) {
        return db.sql("SELECT COUNT(*) AS n FROM webhook_delivery WHERE subscription_id = :id AND status = :status")
                .bind("id", UUID.fromString(subscriptionId))
                .bind("status", status)
                .map(row -> ((Number) row.get("n")).longValue()).one().block();
    }

    @Test
    void an_endpoint_with_a_backlog_is_sent_its_in_flight_limit_at_a_time_until_the_backlog_is_gone() {
        List<String> parties = newRegions(2);
        Duration reply = Duration.ofMillis(300);
        try (WebhookReceiver slow = WebhookReceiver.start().hangingFor(reply)) {
            subscribe(slow.url("localhost"), List.of(), List.of(parties.get(0)));
            ContractExample previous = agreementEvent("concord.agreement.opened", parties);
            List<ContractExample> events = new java.util.ArrayList<>(List.of(previous));
            for (int i = 0; i < 23; i++) {
                previous = nextEvent(previous, "concord.agreement.signature-recorded");
                events.add(previous);
            }

            events.forEach(this::publish);

            await().atMost(PATIENCE).until(() -> slow.received().size() == 24);
            List<Instant> arrivals = slow.received().stream().map(WebhookReceiver.Received::at).sorted().toList();
            int mostAtOnce = arrivals.stream()
                    .mapToInt(at -> (int) arrivals.stream().filter(a -> !a.isAfter(at) && a.plus(reply).isAfter(at)).count())
                    .max().orElseThrow();
            // the limit (4) is held, and used: a send that ends frees its slot for the next delivery at once
            assertThat(mostAtOnce).isBetween(2, 4);
            assertThat(Duration.between(arrivals.get(0), arrivals.get(arrivals.size() - 1)))
                    .isLessThan(reply.multipliedBy(24 / 2));
        }
    }

    @Test
    void gone_disables_the_subscription_and_nothing_more_is_sent_to_it() {
        List<String> parties = newRegions(2);
        try (WebhookReceiver receiver = WebhookReceiver.start().answeringInTurn(410)) {
            JsonNode subscription = subscribe(receiver.url("localhost"), List.of(), List.of(parties.get(0)));
            String id = subscription.get("id").asString();
            ContractExample first = agreementEvent("concord.agreement.opened", parties);

            publish(first);

            ConsumerRecord<String, String> outcome = awaitOutcome(deliveryOf(first, subscription), 1).get(0);
            EventContract.assertConforms(outcome);
            assertThat(TopicRecords.header(outcome, "ce_type")).isEqualTo("concord.notification.failed");
            assertThat(JSON.readTree(outcome.value()).get("statusCode").asInt()).isEqualTo(410);
            JsonNode disabled = get("/api/subscriptions/" + id);
            assertThat(disabled.get("status").asString()).isEqualTo("DISABLED");
            assertThat(disabled.get("disabledReason").asString()).contains("410 Gone");

            ContractExample second = nextEvent(first, "concord.agreement.signature-recorded");
            publish(second);
            awaitNotifications(second.ceId(), 2);
            assertThat(deliveriesOf(second.ceId())).isEmpty();
            assertThat(receiver.received()).hasSize(1);
        }
    }

    @Test
    void a_subscription_no_longer_active_has_no_secrets_to_sign_with() {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            JsonNode endpoint = subscribe(receiver.url("localhost"), List.of(), newRegions(1));
            UUID id = UUID.fromString(endpoint.get("id").asString());
            Instant now = Instant.now();
            assertThat(subscriptions.secretsIfActive(id, now).block()).extracting(WebhookSecret::value)
                    .containsExactly(endpoint.get("secret").asString());

            subscriptions.disable(id, "410 Gone", now).block();

            // so the sends of a claim taken meanwhile read the subscription again, and abandon their deliveries
            assertThat(subscriptions.secretsIfActive(id, now).block()).isEmpty();
        }
    }

    @Test
    void an_operator_sends_a_pending_delivery_now_instead_of_at_its_next_scheduled_attempt() {
        List<String> parties = newRegions(2);
        // the receiver is down and asks to be left alone for an hour; then it is fixed
        try (WebhookReceiver receiver = WebhookReceiver.start().answering(n -> n == 1
                ? new WebhookReceiver.Reply(503, Duration.ZERO, Map.of("Retry-After", "3600"))
                : WebhookReceiver.Reply.status(204))) {
            JsonNode subscription = subscribe(receiver.url("localhost"), List.of(), List.of(parties.get(0)));
            String id = subscription.get("id").asString();
            ContractExample event = agreementEvent("concord.agreement.opened", parties);
            publish(event);
            String deliveryId = deliveryOf(event, subscription);
            await("the first attempt failed").atMost(PATIENCE).until(() -> receiver.received().size() == 1);
            await("the failure is recorded").atMost(PATIENCE).until(() -> pendingLater(id));

            JsonNode queued = JSON.readTree(http().post().uri("/api/subscriptions/" + id + "/deliveries/" + deliveryId + "/retry")
                    .exchange().expectStatus().isAccepted()
                    .expectBody(String.class).returnResult().getResponseBody());

            assertThat(queued.get("status").asString()).isEqualTo("PENDING");
            ConsumerRecord<String, String> delivered = awaitOutcome(deliveryId, 1).get(0);
            assertThat(TopicRecords.header(delivered, "ce_type")).isEqualTo("concord.notification.delivered");
            assertThat(JSON.readTree(delivered.value()).get("attempts").asInt()).isEqualTo(2);
            assertThat(receiver.received()).hasSize(2).extracting(r -> r.header("webhook-id")).containsOnly(event.ceId());
            http().post().uri("/api/subscriptions/" + id + "/deliveries/" + deliveryId + "/retry").exchange()
                    .expectStatus().isEqualTo(409)
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("is DELIVERED"));
        }
    }

    /** The subscription's only delivery waits for an attempt more than half an hour away. */
    private boolean pendingLater(String subscriptionId) {
        JsonNode delivery = get("/api/subscriptions/" + subscriptionId + "/deliveries").get("items").get(0);
        return delivery.get("status").asString().equals("PENDING") && delivery.get("attemptCount").asInt() == 1
                && Instant.parse(delivery.get("nextAttemptAt").asString()).isAfter(Instant.now().plus(Duration.ofMinutes(30)));
    }

    @Test
    void delivery_given_up_is_published_as_failed_and_can_be_resent_by_hand() {
        List<String> parties = newRegions(2);
        try (WebhookReceiver receiver = WebhookReceiver.start().answeringInTurn(500, 500, 500, 500, 500)) {
            JsonNode subscription = subscribe(receiver.url("localhost"), List.of(), List.of(parties.get(0)));
            String id = subscription.get("id").asString();
            ContractExample event = agreementEvent("concord.agreement.withdrawn", parties);

            publish(event);

            String deliveryId = deliveryOf(event, subscription);
            ConsumerRecord<String, String> failed = awaitOutcome(deliveryId, 1).get(0);
            EventContract.assertConforms(failed);
            JsonNode failure = JSON.readTree(failed.value());
            assertThat(failure.get("outcome").asString()).isEqualTo("FAILED");
            assertThat(failure.get("attempts").asInt()).isEqualTo(5);
            assertThat(failure.get("reason").asString()).isEqualTo("HTTP 500 on attempt 5 of 5: giving up");

            http().post().uri("/api/subscriptions/" + id + "/deliveries/" + deliveryId + "/retry").exchange()
                    .expectStatus().isAccepted();

            ConsumerRecord<String, String> delivered = awaitOutcome(deliveryId, 2).get(1);
            EventContract.assertConforms(delivered);
            assertThat(TopicRecords.header(delivered, "ce_type")).isEqualTo("concord.notification.delivered");
            assertThat(receiver.received()).hasSize(6)
                    .extracting(r -> r.header("webhook-id")).containsOnly(event.ceId());
            http().post().uri("/api/subscriptions/" + id + "/deliveries/" + deliveryId + "/retry").exchange()
                    .expectStatus().isEqualTo(409)
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void after_a_rotation_deliveries_carry_both_signatures_and_either_secret_verifies() throws Exception {
        List<String> parties = newRegions(2);
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            JsonNode subscription = subscribe(receiver.url("localhost"), List.of(), List.of(parties.get(0)));
            String id = subscription.get("id").asString();
            String rotated = http().post().uri("/api/subscriptions/" + id + "/rotate-secret")
                    .header("If-Match", "\"1\"")
                    .exchange().expectStatus().isOk()
                    .expectHeader().valueEquals("ETag", "\"2\"")
                    .expectBody(String.class).returnResult().getResponseBody();
            String previousSecret = subscription.get("secret").asString();
            String newSecret = JSON.readTree(rotated).get("secret").asString();
            assertThat(newSecret).startsWith("whsec_").isNotEqualTo(previousSecret);
            assertThat(JSON.readTree(rotated).get("previousSecretValidUntil").asString()).isNotBlank();

            publish(agreementEvent("concord.agreement.opened", parties));

            await().atMost(PATIENCE).until(() -> receiver.received().size() == 1);
            WebhookReceiver.Received received = receiver.received().get(0);
            assertThat(received.header("webhook-signature").split(" ")).hasSize(2);
            new Webhook(newSecret).verify(received.body(), received.headers());
            new Webhook(previousSecret).verify(received.body(), received.headers());
            http().post().uri("/api/subscriptions/" + id + "/rotate-secret").header("If-Match", "\"1\"")
                    .exchange().expectStatus().isEqualTo(412);
        }
    }

    @Test
    void subscription_gets_only_the_event_types_and_regions_it_asked_for() {
        List<String> parties = newRegions(3);
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            subscribe(receiver.url("localhost"), List.of("concord.agreement.signed"), List.of(parties.get(2)));
            ContractExample signature = agreementEvent("concord.agreement.signature-recorded", parties);
            ContractExample elsewhere = agreementEvent("concord.agreement.signed", newRegions(2));
            ContractExample signed = nextEvent(signature, "concord.agreement.signed");

            publish(signature);
            publish(elsewhere);
            publish(signed);

            await().atMost(PATIENCE).until(() -> receiver.received().size() == 1);
            awaitNotifications(signed.ceId(), 3);
            assertThat(receiver.received()).extracting(r -> r.header("webhook-id")).containsExactly(signed.ceId());
        }
    }

    @Test
    void every_new_agreement_event_type_is_delivered_to_a_subscription_that_names_it_and_to_none_that_does_not() {
        List<String> newTypes = List.of("concord.agreement.entered-into-force", "concord.agreement.withdrawal-notified",
                "concord.agreement.party-withdrawn", "concord.agreement.amendment-opened",
                "concord.agreement.amendment-signed", "concord.agreement.amendment-adopted",
                "concord.agreement.term-ending", "concord.agreement.renewal-objected", "concord.agreement.renewed");
        List<String> parties = newRegions(2);
        try (WebhookReceiver named = WebhookReceiver.start(); WebhookReceiver signedOnly = WebhookReceiver.start()) {
            subscribe(named.url("localhost"), newTypes, List.of(parties.get(0)));
            subscribe(signedOnly.url("localhost"), List.of("concord.agreement.signed"), List.of(parties.get(0)));
            ContractExample first = agreementEvent(newTypes.get(0), parties);
            List<ContractExample> events = newTypes.stream()
                    .map(type -> type.equals(first.ceType()) ? first : nextEvent(first, type))
                    .map(event -> event.data().contains("\"party\"") ? event.withData(data -> data.put("party", parties.get(1))) : event)
                    .toList();
            ContractExample signed = nextEvent(first, "concord.agreement.signed");

            events.forEach(this::publish);
            publish(signed);

            await().atMost(PATIENCE).until(() -> named.received().size() >= newTypes.size() && !signedOnly.received().isEmpty());
            assertThat(named.received()).extracting(r -> JSON.readTree(r.body()).get("type").asString())
                    .containsExactlyInAnyOrderElementsOf(newTypes);
            assertThat(signedOnly.received()).extracting(r -> r.header("webhook-id")).containsExactly(signed.ceId());
        }
    }

    @Test
    void a_region_that_withdrew_hears_through_its_subscription_that_it_left_and_nothing_after() {
        List<String> parties = newRegions(3);
        String leaving = parties.get(2);
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            UUID subscription = UUID.fromString(subscribe(receiver.url("localhost"), List.of(), List.of(leaving))
                    .get("id").asString());
            ContractExample withdrawn = agreementEvent("concord.agreement.party-withdrawn", parties).withData(data -> {
                data.put("party", leaving).put("remainingParties", 2);
                ((tools.jackson.databind.node.ObjectNode) data.withObject("agreement").withArray("parties").get(2))
                        .put("withdrawnOn", "2026-05-31");
                return data;
            });
            ContractExample amendment = nextEvent(withdrawn, "concord.agreement.amendment-opened");
            ContractExample marker = agreementEvent("concord.agreement.drafted", List.of(leaving, parties.get(0)));

            publish(withdrawn);
            publish(amendment);
            publish(marker);

            await().atMost(PATIENCE).until(() -> receiver.received().size() >= 2);
            awaitNotifications(amendment.ceId(), 2);
            assertThat(deliveriesOf(amendment.ceId())).extracting(delivery -> delivery.subscriptionId())
                    .doesNotContain(subscription);
            assertThat(receiver.received()).extracting(r -> r.header("webhook-id"))
                    .containsExactlyInAnyOrder(withdrawn.ceId(), marker.ceId());
        }
    }

    @Test
    void secret_is_shown_once_and_a_replay_under_the_same_idempotency_key_answers_like_the_first_response_without_it() {
        String key = UUID.randomUUID().toString();
        var request = Map.of("url", "https://crm.public.test/hooks/concord", "eventTypes", List.of("concord.agreement.signed"),
                "regions", List.of("CN-SC"));
        JsonNode created = JSON.readTree(http().post().uri("/api/subscriptions").header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(request)
                .exchange().expectStatus().isCreated()
                .expectHeader().exists("Location")
                .expectBody(String.class).returnResult().getResponseBody());
        String id = created.get("id").asString();
        assertThat(created.get("secret").asString()).startsWith("whsec_");

        JsonNode replayed = JSON.readTree(http().post().uri("/api/subscriptions").header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(request)
                .exchange().expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectHeader().valueEquals("Location", "/api/subscriptions/" + id)
                .expectBody(String.class).returnResult().getResponseBody());
        assertThat(replayed.get("id").asString()).isEqualTo(id);
        assertThat(replayed.has("secret")).isFalse();
        assertThat(replayed.get("eventTypes")).isEqualTo(created.get("eventTypes"));
        http().post().uri("/api/subscriptions").header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("url", "https://other.public.test/hook")).exchange().expectStatus().isEqualTo(422);

        assertThat(get("/api/subscriptions?size=100").get("items")).extracting(item -> item.get("id").asString())
                .contains(id);
        JsonNode read = get("/api/subscriptions/" + id);
        assertThat(read.has("secret")).isFalse();
        assertThat(read.get("eventTypes")).extracting(JsonNode::asString).containsExactly("concord.agreement.signed");
        assertThat(read.get("status").asString()).isEqualTo("ACTIVE");

        http().delete().uri("/api/subscriptions/" + id).exchange().expectStatus().isNoContent();
        http().get().uri("/api/subscriptions/" + id).exchange().expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void unusable_subscription_requests_are_refused_with_a_problem_detail() {
        http().post().uri("/api/subscriptions").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("url", "https://crm.example.com/hook", "eventTypes", List.of("concord.agreement.sgined")))
                .exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("unknown event type"));
        http().post().uri("/api/subscriptions").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"url\": ")
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        http().get().uri("/api/subscriptions/" + UUID.randomUUID()).exchange().expectStatus().isNotFound();
    }

    @Test
    void url_resolving_to_a_forbidden_address_is_refused_at_creation_and_nothing_is_sent() {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            Map<String, String> refusals = Map.of(
                    receiver.url("127.0.0.1"), "loopback",
                    "http://[::1]:" + receiver.port() + "/hook", "loopback",
                    "http://10.20.30.40/hook", "private",
                    "http://169.254.169.254/latest/meta-data", "link-local",
                    "http://100.64.0.1/hook", "carrier-grade NAT",
                    "http://[fd00::1]/hook", "unique-local",
                    "ftp://localhost/hook", "only http and https");
            refusals.forEach((url, reason) -> http().post().uri("/api/subscriptions")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("url", url))
                    .exchange()
                    .expectStatus().isEqualTo(422)
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains(reason)));
            assertThat(receiver.received()).isEmpty();
        }
    }

    @Test
    void name_that_resolved_to_a_public_address_at_creation_is_refused_at_delivery_when_it_resolves_to_loopback() {
        List<String> parties = newRegions(2);
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            String host = "h" + UUID.randomUUID().toString().substring(0, 8) + ".rebind.test";
            JsonNode subscription = subscribe(receiver.url(host), List.of(), List.of(parties.get(0)));
            ContractExample event = agreementEvent("concord.agreement.opened", parties);

            publish(event);

            String id = subscription.get("id").asString();
            JsonNode attempt = await().atMost(PATIENCE).until(
                    () -> get("/api/subscriptions/" + id + "/deliveries").path("items").path(0).path("attempts").path(0),
                    a -> !a.isMissingNode());
            assertThat(attempt.get("statusCode").isNull()).isTrue();
            assertThat(attempt.get("error").asString()).startsWith("destination refused before connecting")
                    .contains("127.0.0.1").contains("loopback");
            assertThat(receiver.received()).isEmpty();
            http().delete().uri("/api/subscriptions/" + id).exchange().expectStatus().isNoContent();
        }
    }

    @Test
    void endpoint_failing_for_longer_than_the_disable_period_is_disabled() {
        List<String> parties = newRegions(2);
        try (WebhookReceiver receiver = WebhookReceiver.start().answering(n -> WebhookReceiver.Reply.status(503))) {
            JsonNode subscription = subscribe(receiver.url("localhost"), List.of(), List.of(parties.get(0)));
            String id = subscription.get("id").asString();
            // the endpoint has been failing, without a single success, for six days (default period: five)
            db.sql("UPDATE subscription SET failing_since = :since WHERE id = :id")
                    .bind("since", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusDays(6))
                    .bind("id", UUID.fromString(id))
                    .then().block();
            ContractExample event = agreementEvent("concord.agreement.opened", parties);

            publish(event);

            ConsumerRecord<String, String> outcome = awaitOutcome(deliveryOf(event, subscription), 1).get(0);
            EventContract.assertConforms(outcome);
            assertThat(JSON.readTree(outcome.value()).get("reason").asString()).contains("failing since");
            JsonNode disabled = get("/api/subscriptions/" + id);
            assertThat(disabled.get("status").asString()).isEqualTo("DISABLED");
            assertThat(receiver.received()).hasSize(1);

            http().post().uri("/api/subscriptions/" + id + "/enable").exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("ACTIVE");
        }
    }

    @Test
    void a_due_delivery_is_claimed_by_one_instance_only() {
        List<String> parties = newRegions(2);
        try (WebhookReceiver receiver = WebhookReceiver.start().hangingFor(Duration.ofSeconds(3))) {
            JsonNode subscription = subscribe(receiver.url("localhost"), List.of(), List.of(parties.get(0)));
            ContractExample event = agreementEvent("concord.agreement.opened", parties);
            publish(event);
            String deliveryId = deliveryOf(event, subscription);
            // this instance's dispatcher has claimed it (the receiver hangs); wait until it is released again
            await().atMost(PATIENCE).until(() -> !receiver.received().isEmpty());

            // two instances race for the same row once its claim has expired: exactly one wins
            Instant later = Instant.now().plus(Duration.ofMinutes(5));
            List<UUID> ids = List.of(UUID.fromString(deliveryId));
            List<java.util.Set<UUID>> claims = reactor.core.publisher.Flux.merge(
                            deliveries.claim(ids, "instance-a", later, later.plusSeconds(60)),
                            deliveries.claim(ids, "instance-b", later, later.plusSeconds(60)))
                    .map(DeliveryClaim::deliveries)
                    .collectList().block();
            assertThat(claims).containsExactlyInAnyOrder(java.util.Set.copyOf(ids), java.util.Set.of());
            // and while it is held, a claim of it together with a row that does not exist gets neither
            assertThat(deliveries.claim(List.of(ids.get(0), UUID.randomUUID()), "instance-c", later,
                    later.plusSeconds(60)).block().deliveries()).isEmpty();
            unsubscribe(subscription);
        }
    }

    @Test
    void a_claim_passes_over_a_delivery_whose_row_another_transaction_holds_instead_of_waiting_for_it() {
        List<String> parties = newRegions(2);
        try (WebhookReceiver first = WebhookReceiver.start(); WebhookReceiver second = WebhookReceiver.start()) {
            JsonNode locked = subscribe(first.url("localhost"), List.of(), List.of(parties.get(0)));
            JsonNode free = subscribe(second.url("localhost"), List.of(), List.of(parties.get(0)));
            whileTheDispatcherIsStopped(() -> {
                ContractExample event = agreementEvent("concord.agreement.opened", parties);
                publish(event);
                UUID lockedId = UUID.fromString(deliveryOf(event, locked));
                UUID freeId = UUID.fromString(deliveryOf(event, free));
                // as a frozen connection does: its attempt record's UPDATE took the row's lock and never commits
                Connection frozen = Mono.from(connections.create()).block();
                try {
                    Mono.from(frozen.beginTransaction()).block();
                    Mono.from(frozen.createStatement("UPDATE webhook_delivery SET attempts = attempts WHERE id = $1")
                            .bind("$1", lockedId).execute()).flatMap(result -> Mono.from(result.getRowsUpdated()))
                            .block();

                    Instant now = Instant.now();
                    DeliveryClaim claim = deliveries.claim(List.of(lockedId, freeId), "instance-a", now,
                            now.plusSeconds(60)).block(Duration.ofSeconds(5));

                    assertThat(claim.deliveries()).containsExactly(freeId);
                } finally {
                    Mono.from(frozen.rollbackTransaction()).then(Mono.from(frozen.close())).block();
                }
                assertThat(deliveries.holdingOf(lockedId).block().holder()).as("the locked delivery").isNull();
            });
            await().atMost(PATIENCE).until(() -> first.received().size() == 1);
            unsubscribe(locked, free);
        }
    }

    @Test
    void a_restarted_dispatcher_sends_at_once_what_it_held_when_it_stopped_and_leaves_other_instances_claims() {
        List<String> parties = newRegions(2);
        try (WebhookReceiver ours = WebhookReceiver.start(); WebhookReceiver theirs = WebhookReceiver.start()) {
            JsonNode ourEndpoint = subscribe(ours.url("localhost"), List.of(), List.of(parties.get(0)));
            JsonNode theirEndpoint = subscribe(theirs.url("localhost"), List.of(), List.of(parties.get(0)));
            whileTheDispatcherIsStopped(() -> {
                ContractExample event = agreementEvent("concord.agreement.opened", parties);
                publish(event);
                // as if this instance and another one had each died while sending one of the event's deliveries
                Instant now = Instant.now();
                claimUntilLongAfterTheTest(deliveryOf(event, ourEndpoint), claimHolder.name(), now);
                claimUntilLongAfterTheTest(deliveryOf(event, theirEndpoint), "another-instance:8083", now);
            });

            await().atMost(PATIENCE).until(() -> ours.received().size() == 1);
            await("another instance's claim is left to expire").during(Duration.ofSeconds(1)).atMost(PATIENCE)
                    .until(() -> theirs.received().isEmpty());
            unsubscribe(ourEndpoint, theirEndpoint);
        }
    }

    @Test
    void a_delivery_put_back_in_the_queue_is_held_by_nobody() {
        List<String> parties = newRegions(2);
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            JsonNode endpoint = subscribe(receiver.url("localhost"), List.of(), List.of(parties.get(0)));
            UUID subscriptionId = UUID.fromString(endpoint.get("id").asString());
            String holder = "instance-" + UUID.randomUUID();
            whileTheDispatcherIsStopped(() -> {
                ContractExample event = agreementEvent("concord.agreement.opened", parties);
                publish(event);
                UUID id = UUID.fromString(deliveryOf(event, endpoint));
                Instant now = Instant.now();

                // given back by its holder when it starts again
                claimUntilLongAfterTheTest(id.toString(), holder, now);
                assertThat(deliveries.releaseClaimsOf(holder).block()).isEqualTo(1);
                assertHeldByNobody(id);

                // failed while its holder's claim had expired (its endpoint was disabled), then sent again by hand
                deliveries.claim(List.of(id), holder, now, now.minusSeconds(1)).block();
                assertThat(deliveries.end(id, Delivery.Status.FAILED, "subscription disabled", now).block()).isTrue();
                assertThat(deliveries.retryByHand(subscriptionId, id, now).block()).isTrue();
                assertHeldByNobody(id);
            });
            await().atMost(PATIENCE).until(() -> receiver.received().size() == 1);
        }
    }

    private void assertHeldByNobody(UUID deliveryId) {
        assertThat(deliveries.holdingOf(deliveryId).block()).as("holding")
                .isEqualTo(new DeliveryRepository.Holding(Delivery.Status.PENDING, null));
        assertThat(db.sql("SELECT claimed_until, claimed_by, claim_token FROM webhook_delivery WHERE id = :id")
                .bind("id", deliveryId)
                .map(row -> java.util.Arrays.asList(row.get("claimed_until"), row.get("claimed_by"),
                        row.get("claim_token")))
                .one().block()).as("claimed_until, claimed_by, claim_token").containsOnlyNulls();
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void an_attempt_recorded_after_its_claim_was_taken_over_changes_nothing_and_the_new_holders_attempt_is_recorded(
            CapturedOutput output) {
        List<String> parties = newRegions(2);
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            JsonNode endpoint = subscribe(receiver.url("localhost"), List.of(), List.of(parties.get(0)));
            whileTheDispatcherIsStopped(() -> {
                ContractExample event = agreementEvent("concord.agreement.opened", parties);
                publish(event);
                Delivery queued = queuedDelivery(event, endpoint);
                UUID id = queued.id();
                Subscription subscription = subscriptions.find(queued.subscriptionId()).block();
                // instance-a's claim expired while it was still sending; instance-b claimed the delivery since
                Instant now = Instant.now();
                DeliveryClaim outlived = deliveries.claim(List.of(id), "instance-a", now.minus(Duration.ofHours(2)),
                        now.minus(Duration.ofHours(1))).block();
                DeliveryClaim current = deliveries.claim(List.of(id), "instance-b", now, now.plus(Duration.ofHours(1)))
                        .block();
                assertThat(current.deliveries()).containsExactly(id);

                var late = service.recordAttempt(queued, outlived, subscription, answered(204), now).blockOptional();

                assertThat(claimOf(id)).isEqualTo(new ClaimOf("PENDING", 0, "instance-b", current.token()));
                assertThat(deliveries.attemptsOf(List.of(id)).block()).isEmpty();
                assertThat(late).as("no verdict: nothing was recorded").isEmpty();
                String logged = "delivery " + id + ": attempt 1 (HTTP 204) not recorded, the claim of instance-a no longer"
                        + " holds it (held by instance-b now)";
                assertThat(output.getOut().lines().filter(line -> line.contains(logged))).hasSize(1);

                assertThat(service.recordAttempt(queued, current, subscription, answered(200), now).block())
                        .isInstanceOf(Delivery.Verdict.Delivered.class);

                assertThat(claimOf(id)).isEqualTo(new ClaimOf("DELIVERED", 1, null, null));
                assertThat(deliveries.attemptsOf(List.of(id)).block().get(id))
                        .extracting(DeliveryAttempt::statusCode).containsExactly(200);
                awaitOutcome(id.toString(), 1);
                assertThat(TopicRecords.all(topics.notifications()).stream().filter(TopicRecords.keyed(id.toString())))
                        .as("only the holder's outcome event")
                        .extracting(r -> JSON.readTree(r.value()).get("statusCode").asInt())
                        .containsExactly(200);
            });
            assertThat(receiver.received()).isEmpty();
            unsubscribe(endpoint);
        }
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void a_delivery_on_the_wire_when_its_subscription_is_deleted_ends_cancelled_whatever_the_receiver_answers(
            CapturedOutput output) {
        List<String> parties = newRegions(2);
        java.util.concurrent.CountDownLatch deleted = new java.util.concurrent.CountDownLatch(1);
        try (WebhookReceiver receiver = WebhookReceiver.start().answering(n -> answerOnce(deleted, 500))) {
            JsonNode endpoint = subscribe(receiver.url("localhost"), List.of(), List.of(parties.get(0)));
            UUID subscriptionId = UUID.fromString(endpoint.get("id").asString());
            ContractExample event = agreementEvent("concord.agreement.opened", parties);
            publish(event);
            UUID id = UUID.fromString(deliveryOf(event, endpoint));
            await("the delivery is on the wire").atMost(PATIENCE).until(() -> receiver.received().size() == 1);

            http().delete().uri("/api/subscriptions/" + subscriptionId).exchange().expectStatus().isNoContent();
            deleted.countDown();

            String refused = "delivery " + id + ": attempt 1 (";
            await("the attempt is recorded or refused").atMost(PATIENCE).until(() -> !attemptLines(output, refused)
                    .isEmpty() || deliveries.attemptsOf(List.of(id)).block().containsKey(id));
            assertThat(claimOf(id)).isEqualTo(new ClaimOf("CANCELLED", 0, null, null));
            assertThat(pendingOf(subscriptionId)).as("pending deliveries of the deleted subscription").isZero();
            assertThat(attemptLines(output, refused)).singleElement().asString()
                    .contains("not recorded, the claim of " + claimHolder.name())
                    .contains("no longer holds it (the delivery is CANCELLED now)");
            await("nothing is sent again").during(Duration.ofMillis(500)).atMost(PATIENCE)
                    .until(() -> receiver.received().size() == 1);
        }
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void a_delivery_claimed_but_not_yet_sent_when_its_subscription_is_deleted_is_cancelled_and_never_sent(
            CapturedOutput output) {
        List<String> parties = newRegions(2);
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            JsonNode endpoint = subscribe(receiver.url("localhost"), List.of(), List.of(parties.get(0)));
            UUID subscriptionId = UUID.fromString(endpoint.get("id").asString());
            whileTheDispatcherIsStopped(() -> {
                ContractExample event = agreementEvent("concord.agreement.opened", parties);
                publish(event);
                Delivery queued = queuedDelivery(event, endpoint);
                UUID id = queued.id();
                Subscription subscription = subscriptions.find(subscriptionId).block();
                // claimed by a round of this instance, whose send has not started yet
                Instant now = Instant.now();
                DeliveryClaim claim = deliveries.claim(List.of(id), claimHolder.name(), now,
                        now.plus(Duration.ofHours(1))).block();
                assertThat(claim.deliveries()).containsExactly(id);

                http().delete().uri("/api/subscriptions/" + subscriptionId).exchange().expectStatus().isNoContent();

                assertThat(claimOf(id)).isEqualTo(new ClaimOf("CANCELLED", 0, null, null));
                assertThat(deliveries.find(subscriptionId, id).block().lastError()).isEqualTo("subscription deleted");
                // an attempt its sender made all the same is not recorded
                assertThat(service.recordAttempt(queued, claim, subscription, answered(204), now).blockOptional())
                        .isEmpty();
                assertThat(claimOf(id)).isEqualTo(new ClaimOf("CANCELLED", 0, null, null));
                assertThat(attemptLines(output, "delivery " + id + ": attempt 1 (HTTP 204) not recorded"))
                        .singleElement().asString().contains("(the delivery is CANCELLED now)");
            });
            await("nothing is sent").during(Duration.ofMillis(500)).atMost(PATIENCE)
                    .until(() -> receiver.received().isEmpty());
        }
    }

    /** Answers {@code status} once {@code go} is counted down: the request is held on the wire until then. */
    private static WebhookReceiver.Reply answerOnce(java.util.concurrent.CountDownLatch go, int status) {
        try {
            go.await(PATIENCE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return WebhookReceiver.Reply.status(status);
    }

    private static List<String> attemptLines(CapturedOutput output, String start) {
        return output.getOut().lines().filter(line -> line.contains(start)).toList();
    }

    private long pendingOf(UUID subscriptionId) {
        return db.sql("SELECT COUNT(*) AS n FROM webhook_delivery WHERE subscription_id = :id AND status = 'PENDING'")
                .bind("id", subscriptionId)
                .map(row -> ((Number) row.get("n")).longValue()).one().block();
    }

    private record ClaimOf(String status, int attempts, String holder, UUID token) {
    }

    private ClaimOf claimOf(UUID deliveryId) {
        return db.sql("SELECT status, attempts, claimed_by, claim_token FROM webhook_delivery WHERE id = :id")
                .bind("id", deliveryId)
                .map(row -> new ClaimOf(row.get("status", String.class), ((Number) row.get("attempts")).intValue(),
                        row.get("claimed_by", String.class), row.get("claim_token", UUID.class)))
                .one().block();
    }

    private static WebhookResponse answered(int status) {
        return new WebhookResponse(status, Duration.ofMillis(20), null, java.util.Optional.empty());
    }

    /** Runs {@code steps} with this instance's dispatcher stopped: no round of its own claims or sends meanwhile. */
    private void whileTheDispatcherIsStopped(Runnable steps) {
        dispatcher.stop();
        try {
            steps.run();
        } finally {
            dispatcher.start();
        }
    }

    private void unsubscribe(JsonNode... endpoints) {
        for (JsonNode endpoint : endpoints) {
            http().delete().uri("/api/subscriptions/" + endpoint.get("id").asString()).exchange()
                    .expectStatus().isNoContent();
        }
    }

    private void claimUntilLongAfterTheTest(String deliveryId, String holder, Instant now) {
        UUID id = UUID.fromString(deliveryId);
        assertThat(deliveries.claim(List.of(id), holder, now, now.plus(Duration.ofHours(1))).block().deliveries())
                .containsExactly(id);
    }

    /** The delivery of {@code event} to {@code subscription}, once it is queued. */
    private Delivery queuedDelivery(ContractExample event, JsonNode subscription) {
        UUID id = UUID.fromString(deliveryOf(event, subscription));
        return deliveries.ofEvent(event.ceId()).filter(d -> d.id().equals(id)).blockFirst();
    }

    private String deliveryOf(ContractExample event, JsonNode subscription) {
        String subscriptionId = subscription.get("id").asString();
        return await("delivery of " + event.ceId()).atMost(PATIENCE).until(() -> deliveriesOf(event.ceId()).stream()
                        .filter(d -> d.subscriptionId().toString().equals(subscriptionId))
                        .map(d -> d.id().toString()).findFirst().orElse(null),
                id -> id != null);
    }

    private List<ConsumerRecord<String, String>> awaitOutcome(String deliveryId, int count) {
        return TopicRecords.await(topics.notifications(), TopicRecords.keyed(deliveryId), count, PATIENCE);
    }
}
