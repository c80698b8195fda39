package org.concord.notifications.notification;

import org.concord.notifications.notification.domain.Notification;
import org.concord.notifications.notification.domain.NotificationFilter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.concord.notifications.NotificationsIntegrationTest;
import org.concord.testsupport.webhooks.WebhookReceiver;
import org.concord.testsupport.contract.ContractExample;
import org.concord.testsupport.kafka.TopicRecords;
import org.concord.testsupport.security.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.JsonNode;

/** The inbox and its live feed, fed with agreement events from the contract's examples. */
public abstract class InboxScenarios extends NotificationsIntegrationTest {

    @Test
    void every_party_region_gets_one_notification_with_a_readable_message() {
        List<String> parties = newRegions(12);
        String xizang = parties.get(0);
        publishRegion(xizang, "Xizang Autonomous Region", "Department of Commerce of Xizang Autonomous Region");
        ContractExample signed = agreementEvent("concord.agreement.signature-recorded", parties)
                .withData(data -> data.put("signatureCount", 7).put("partyCount", 12));
        String title = signed.dataNode().get("agreement").get("title").asString();

        publish(signed);

        List<Notification> written = awaitNotifications(signed.ceId(), 12);
        assertThat(written).extracting(Notification::region).containsExactlyInAnyOrderElementsOf(parties);
        assertThat(written).extracting(Notification::message).containsOnly(
                "Department of Commerce of Xizang Autonomous Region signed '" + title + "' (7 of 12)");
        JsonNode inbox = get("/api/notifications?region=" + parties.get(5));
        assertThat(inbox.get("total").asLong()).isEqualTo(1);
        assertThat(inbox.get("items").get(0).get("message").asString()).endsWith("(7 of 12)");
        assertThat(inbox.get("items").get(0).get("type").asString()).isEqualTo("concord.agreement.signature-recorded");
        assertThat(inbox.get("items").get(0).get("agreementId").asString()).isEqualTo(signed.key());
    }

    @Test
    void every_party_hears_that_the_agreement_entered_into_force_and_that_an_amendment_was_opened_and_adopted() {
        List<String> parties = newRegions(3);
        ContractExample inForce = agreementEvent("concord.agreement.entered-into-force", parties);
        ContractExample opened = nextEvent(inForce, "concord.agreement.amendment-opened");
        ContractExample adopted = nextEvent(inForce, "concord.agreement.amendment-adopted");
        String title = "'" + inForce.dataNode().path("agreement").path("title").asString() + "'";

        List.of(inForce, opened, adopted).forEach(this::publish);

        assertThat(awaitNotifications(inForce.ceId(), 3)).extracting(Notification::region)
                .containsExactlyInAnyOrderElementsOf(parties);
        assertThat(awaitNotifications(opened.ceId(), 3)).extracting(Notification::message)
                .containsOnly("Amendment 1 to " + title + " is open for signature by 3 parties");
        assertThat(awaitNotifications(adopted.ceId(), 3)).extracting(Notification::message)
                .containsOnly("Amendment 1 to " + title + " was adopted: the text is now version 2");
        JsonNode inbox = get("/api/notifications?region=" + parties.get(2) + "&type=concord.agreement.entered-into-force");
        assertThat(inbox.get("total").asLong()).isEqualTo(1);
        assertThat(inbox.get("items").get(0).get("message").asString()).isEqualTo(title + " entered into force on 2024-09-24");
    }

    @Test
    void the_other_parties_hear_of_a_withdrawal_and_the_party_that_left_hears_nothing_more() {
        List<String> parties = newRegions(3);
        String leaving = parties.get(2);
        publishRegion(leaving, "Xinjiang Uygur Autonomous Region", "Department of Commerce of Xinjiang Uygur Autonomous Region");
        ContractExample notified = agreementEvent("concord.agreement.withdrawal-notified", parties)
                .withData(data -> data.put("party", leaving));
        ContractExample withdrawn = nextEvent(notified, "concord.agreement.party-withdrawn").withData(data -> {
            data.put("party", leaving).put("remainingParties", 2);
            ((tools.jackson.databind.node.ObjectNode) data.withObject("agreement").withArray("parties").get(2))
                    .put("withdrawnOn", "2026-05-31");
            return data;
        });
        ContractExample amendment = nextEvent(withdrawn, "concord.agreement.amendment-opened");

        List.of(notified, withdrawn, amendment).forEach(this::publish);

        assertThat(awaitNotifications(notified.ceId(), 2)).extracting(Notification::region)
                .containsExactlyInAnyOrder(parties.get(0), parties.get(1));
        assertThat(awaitNotifications(withdrawn.ceId(), 2)).extracting(Notification::message).containsOnly(
                "Department of Commerce of Xinjiang Uygur Autonomous Region withdrew from '"
                        + withdrawn.dataNode().path("agreement").path("title").asString() + "' on 2026-05-31 (2 parties remain)");
        assertThat(awaitNotifications(amendment.ceId(), 2)).extracting(Notification::region)
                .containsExactlyInAnyOrder(parties.get(0), parties.get(1));
        assertThat(get("/api/notifications?region=" + leaving).get("total").asLong()).isZero();
    }

    @Test
    void an_agreement_event_of_a_type_not_known_yet_is_told_to_the_parties_not_dead_lettered() {
        List<String> parties = newRegions(2);
        ContractExample future = agreementEvent("concord.agreement.signed", parties)
                .withHeader("ce_type", "concord.agreement.suspended");

        publish(future);

        assertThat(awaitNotifications(future.ceId(), 2)).extracting(Notification::message)
                .allSatisfy(message -> assertThat(message).endsWith(" changed (concord.agreement.suspended)"));
    }

    @Test
    void redelivered_event_creates_no_second_notification_or_delivery() {
        List<String> parties = newRegions(3);
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            subscribe(receiver.url("localhost"), List.of(), List.of(parties.get(0)));
            ContractExample event = agreementEvent("concord.agreement.opened", parties);
            ContractExample later = nextEvent(event, "concord.agreement.signature-recorded");

            publish(event);
            publish(event); // the same ce_id again, as after a consumer crash before its offset commit
            publish(later);

            awaitNotifications(later.ceId(), 3);
            await().atMost(PATIENCE).until(() -> receiver.received().size() >= 2);
            assertThat(notifications.ofEvent(event.ceId()).collectList().block()).hasSize(3);
            assertThat(deliveriesOf(event.ceId())).hasSize(1);
            assertThat(receiver.received()).extracting(r -> r.header("webhook-id"))
                    .containsExactlyInAnyOrder(event.ceId(), later.ceId());
        }
    }

    @Test
    void an_insert_naming_a_region_twice_is_refused_and_writes_nothing() {
        // rows of two events, which the table would take, but whose ids could not be told apart by region
        String region = newRegion();
        Notification first = notificationOfANewEvent(region);
        Notification second = notificationOfANewEvent(region);

        assertThatThrownBy(() -> notifications.insertAll(List.of(first, second)).block())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(region);
        assertThat(notifications.ofEvent(first.eventId()).collectList().block()).isEmpty();
        assertThat(notifications.ofEvent(second.eventId()).collectList().block()).isEmpty();
    }

    private static Notification notificationOfANewEvent(String region) {
        Instant now = Instant.now();
        return new Notification(0, UUID.randomUUID().toString(), "concord.agreement.opened", "agreement-1",
                "A title", region, "A message", now, now);
    }

    @Test
    void inbox_is_paged_newest_first() {
        List<String> parties = newRegions(2);
        ContractExample drafted = agreementEvent("concord.agreement.drafted", parties);
        ContractExample opened = nextEvent(drafted, "concord.agreement.opened");
        ContractExample signed = nextEvent(drafted, "concord.agreement.signed");
        publish(drafted);
        publish(opened);
        publish(signed);
        awaitNotifications(signed.ceId(), 2);

        JsonNode first = get("/api/notifications?region=" + parties.get(1) + "&page=0&size=2");
        JsonNode second = get("/api/notifications?region=" + parties.get(1) + "&page=1&size=2");

        assertThat(first.get("total").asLong()).isEqualTo(3);
        assertThat(first.get("items")).extracting(item -> item.get("eventId").asString())
                .containsExactly(signed.ceId(), opened.ceId());
        assertThat(second.get("items")).extracting(item -> item.get("eventId").asString())
                .containsExactly(drafted.ceId());
        assertThat(first.get("items").get(0).get("message").asString()).endsWith("concluded: all 2 parties signed");
    }

    @Test
    void reconnecting_with_last_event_id_gets_what_was_missed_then_live_ones_without_gaps_or_repeats() throws Exception {
        List<String> parties = newRegions(2);
        String region = parties.get(0);
        ContractExample first = agreementEvent("concord.agreement.drafted", parties);
        ContractExample second = nextEvent(first, "concord.agreement.opened");
        publish(first);
        publish(second);
        long seen = awaitNotifications(first.ceId(), 2).stream().filter(n -> n.region().equals(region))
                .findFirst().orElseThrow().id();
        awaitNotifications(second.ceId(), 2);

        // the reader saw the first notification, lost its connection, and comes back while events keep coming
        CompletableFuture<List<ServerSentEvent<String>>> resumed = WebClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeaders(headers -> headers.setBearerAuth(Tokens.viewer())).build()
                .get().uri("/api/notifications/stream?region=" + region)
                .accept(MediaType.TEXT_EVENT_STREAM)
                .header("Last-Event-ID", Long.toString(seen))
                .retrieve()
                .bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() { })
                .filter(event -> event.data() != null)
                .take(5)
                .collectList()
                .toFuture();
        List<ContractExample> later = List.of(
                nextEvent(first, "concord.agreement.signature-recorded"),
                nextEvent(first, "concord.agreement.signature-recorded"),
                nextEvent(first, "concord.agreement.signed"),
                nextEvent(first, "concord.agreement.terminated"));
        later.forEach(this::publish);

        List<ServerSentEvent<String>> events = resumed.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        List<Long> expectedIds = notifications.after(seen, new NotificationFilter(region, null), 100)
                .map(Notification::id).collectList().block();
        assertThat(events).extracting(event -> Long.parseLong(event.id())).containsExactlyElementsOf(expectedIds);
        assertThat(events).extracting(event -> JSON.readTree(event.data()).get("eventId").asString())
                .containsExactly(second.ceId(), later.get(0).ceId(), later.get(1).ceId(), later.get(2).ceId(),
                        later.get(3).ceId());
    }

    @Test
    void stream_without_last_event_id_sends_live_notifications_of_the_region_and_type_asked_for() throws Exception {
        List<String> parties = newRegions(2);
        ContractExample drafted = agreementEvent("concord.agreement.drafted", parties);
        ContractExample signed = nextEvent(drafted, "concord.agreement.signed");

        CompletableFuture<List<ServerSentEvent<String>>> live = firstLive(parties.get(1), "concord.agreement.signed");
        // the stream is open once its first comment has arrived; publish until the signed one shows up
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(2)).until(() -> {
            publish(drafted.withNewId());
            publish(signed.withNewId());
            return live.isDone();
        });

        JsonNode notification = JSON.readTree(live.get().get(0).data());
        assertThat(notification.get("region").asString()).isEqualTo(parties.get(1));
        assertThat(notification.get("type").asString()).isEqualTo("concord.agreement.signed");
    }

    @Test
    void the_live_feed_shows_a_withdrawal_to_the_parties_left() throws Exception {
        List<String> parties = newRegions(2);
        ContractExample withdrawn = agreementEvent("concord.agreement.party-withdrawn", parties).withData(data -> {
            data.put("party", parties.get(1)).put("remainingParties", 1);
            ((tools.jackson.databind.node.ObjectNode) data.withObject("agreement").withArray("parties").get(1))
                    .put("signed", true).put("signedAt", "2024-09-24T02:11:00Z").put("withdrawnOn", "2026-05-31");
            return data;
        });

        CompletableFuture<List<ServerSentEvent<String>>> live = firstLive(parties.get(0), "concord.agreement.party-withdrawn");
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(2)).until(() -> {
            publish(withdrawn.withNewId());
            return live.isDone();
        });

        JsonNode notification = JSON.readTree(live.get().get(0).data());
        assertThat(notification.get("region").asString()).isEqualTo(parties.get(0));
        assertThat(notification.get("type").asString()).isEqualTo("concord.agreement.party-withdrawn");
        assertThat(notification.get("message").asString()).contains(" withdrew from ").endsWith("(1 parties remain)");
    }

    /** The first notification of the region and type the live feed sends from now on (no Last-Event-ID). */
    private CompletableFuture<List<ServerSentEvent<String>>> firstLive(String region, String type) {
        return WebClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeaders(headers -> headers.setBearerAuth(Tokens.viewer())).build()
                .get().uri("/api/notifications/stream?region=" + region + "&type=" + type)
                .retrieve()
                .bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() { })
                .filter(event -> event.data() != null)
                .take(1)
                .timeout(PATIENCE)
                .collectList()
                .toFuture();
    }

    @Test
    void unreadable_record_goes_to_the_dead_letter_topic_and_consumption_goes_on() {
        List<String> parties = newRegions(2);
        ContractExample poison = agreementEvent("concord.agreement.signed", parties).withData("{\"agreement\": 42");
        ContractExample healthy = agreementEvent("concord.agreement.signed", parties);

        publish(poison);
        publish(healthy);

        awaitNotifications(healthy.ceId(), 2);
        String deadLetters = topics.agreements() + ".notifications-service.dlq";
        var dead = TopicRecords.await(deadLetters,
                record -> poison.ceId().equals(TopicRecords.header(record, "ce_id")), 1, PATIENCE);
        assertThat(dead.get(0).value()).isEqualTo("{\"agreement\": 42");
        assertThat(notifications.ofEvent(poison.ceId()).collectList().block()).isEmpty();
    }

    @Test
    void region_replica_keeps_the_last_version_even_when_an_older_one_arrives_later() {
        String code = newRegion();
        publishRegion(code, "Xizang Autonomous Region", "Department of Commerce of Xizang Autonomous Region");
        ContractExample newer = regionEvent(code, 3, "Department of Commerce and Trade of Xizang");
        ContractExample older = regionEvent(code, 2, "Old name");

        org.concord.testsupport.kafka.TestKafka.send(newer.toRecord(topics.regions()));
        org.concord.testsupport.kafka.TestKafka.send(older.toRecord(topics.regions()));

        await().atMost(PATIENCE).until(() -> processed(older.ceId()));
        var known = regions.find(List.of(code)).block().get(code);
        assertThat(known.version()).isEqualTo(3);
        assertThat(known.actingName()).isEqualTo("Department of Commerce and Trade of Xizang");
    }

    private static ContractExample regionEvent(String code, int version, String authority) {
        return org.concord.testsupport.contract.ContractExamples.example("concord.region.updated").withNewId()
                .withSubject(code)
                .withData(data -> data.put("code", code).put("version", version).put("signingAuthority", authority));
    }

    private boolean processed(String eventId) {
        return db.sql("SELECT COUNT(*) AS n FROM processed_event WHERE event_id = :id").bind("id", eventId)
                .map(row -> ((Number) row.get("n")).longValue()).one().block() == 1;
    }

    @Test
    void unreadable_query_is_a_problem_detail_not_a_failure() {
        http().get().uri("/api/notifications?region=Tibet").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("region code"));
        http().get().uri("/api/notifications/stream").header("Last-Event-ID", "yesterday").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("Last-Event-ID"));
    }
}
