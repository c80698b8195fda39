package org.concord.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.concord.testsupport.kafka.TopicRecords.header;
import static org.concord.testsupport.kafka.TopicRecords.keyed;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.concord.testsupport.contract.EventContract;
import org.concord.testsupport.http.Http;
import org.concord.testsupport.http.Http.Response;
import org.concord.testsupport.kafka.TopicRecords;
import org.concord.testsupport.security.Tokens;
import org.concord.testsupport.seed.NanningInForce;
import org.concord.testsupport.seed.NanningSigning;
import org.concord.testsupport.seed.SeedMou;
import org.concord.testsupport.webhooks.WebhookReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The Nanning MoU after its signing, through the whole system (issue 17): it enters into force with the last of the
 * twelve signatures; a protocol adding a sixth commitment is signed by all twelve and becomes its text; then
 * Xinjiang, Qinghai and Ningxia withdraw (no notice period, the scheduler checking five times a second) until fewer
 * parties than its quorum of ten remain and it ends. Every event is checked against the contract, and the other
 * services are seen to react: each party's portfolio and partners (regions-service), inboxes and a webhook
 * subscriber (notifications-service).
 */
class NanningMouInForceTest {

    private static final Logger log = LoggerFactory.getLogger(NanningMouInForceTest.class);
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String TYPE = "concord.agreement.";
    private static final int QUORUM = 10;
    private static final List<String> LEAVING = List.of("CN-XJ", "CN-QH", "CN-NX");

    private static SignatoriesAndReceiver system;

    @BeforeAll
    static void startTheSystem() {
        system = SignatoriesAndReceiver.start(TheServices.builder()
                .settings(TheServices.AGREEMENTS, Map.of(
                        "concord.agreements.schedule.check-interval", "200ms",
                        "concord.agreements.schedule.initial-delay", "0s")));
    }

    @AfterAll
    static void stopTheSystem() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void the_nanning_mou_is_amended_by_all_twelve_then_ends_when_withdrawals_leave_fewer_parties_than_its_quorum() {
        String secret = system.subscribeReceiverTo(TYPE + "*");
        NanningSigning nanning = NanningSigning.against(system.regions(), system.agreements());
        NanningInForce inForce = NanningInForce.against(system.agreements(), nanning);

        // The twelve sign the MoU (quorum ten, no notice period): with the last signature it is in force.
        Response opened = nanning.opened(NanningInForce.draft(QUORUM, 0));
        String id = opened.body().path("id").asString();
        String originalText = opened.body().path("contentHash").asString();
        List<String> order = shuffled(SeedMou.PARTIES);
        for (String party : order) {
            Response signed = nanning.sign(id, originalText, party);
            assertThat(signed.status()).as("%s signs: %s", party, signed).isEqualTo(200);
        }
        JsonNode agreement = system.agreements().get("/api/agreements/" + id, Tokens.viewer()).body();
        assertThat(agreement.path("status").asString()).isEqualTo("IN_FORCE");
        assertThat(agreement.path("inForceSince").isNull()).as("inForceSince of %s", agreement).isFalse();

        // Protocol No. 1, signed by all twelve (in another order), becomes the MoU's text.
        Response protocol = inForce.openFirstProtocol(id);
        assertThat(protocol.status()).as("amendment opened: %s", protocol).isEqualTo(200);
        int number = protocol.body().path("openAmendment").path("number").asInt();
        String amendedText = protocol.body().path("openAmendment").path("contentHash").asString();
        assertThat(amendedText).startsWith("sha256:").isNotEqualTo(originalText);
        Response lastSignature = null;
        for (String party : shuffled(SeedMou.PARTIES)) {
            lastSignature = inForce.signAmendment(id, number, amendedText, party);
            assertThat(lastSignature.status()).as("%s signs the amendment: %s", party, lastSignature).isEqualTo(200);
        }
        assertThat(lastSignature.body().path("contentHash").asString()).isEqualTo(amendedText);
        assertThat(lastSignature.body().path("textVersion").asInt()).isEqualTo(2);
        assertThat(lastSignature.body().path("openAmendment").isNull()).isTrue();

        // Xinjiang and Qinghai leave; ten parties remain, as many as the quorum: the MoU stays in force without them.
        for (String party : LEAVING.subList(0, 2)) {
            withdraws(inForce, id, party);
        }
        for (String party : remainingAfter(2)) {
            awaitPortfolio(party, id, "IN_FORCE", QUORUM);
            assertThat(partnersOf(party)).as("partners of %s", party)
                    .containsExactlyInAnyOrderElementsOf(remainingAfter(2).stream().filter(p -> !p.equals(party)).toList());
        }
        for (String party : LEAVING.subList(0, 2)) {
            assertThat(portfolioOf(party)).as("portfolio of %s, which left", party).isEmpty();
            assertThat(partnersOf(party)).as("partners of %s, which left", party).isEmpty();
        }

        // Ningxia leaves too: nine parties are fewer than the quorum, and the MoU ends.
        withdraws(inForce, id, LEAVING.get(2));
        TopicRecords.await(system.concord().topics().agreements(), keyed(id).and(event -> (TYPE + "terminated").equals(header(event, "ce_type"))),
                1, PATIENCE);
        assertThat(system.agreements().get("/api/agreements/" + id, Tokens.viewer()).body().path("status").asString())
                .isEqualTo("TERMINATED");

        // agreements.v1: the story, each event as the contract says.
        List<ConsumerRecord<String, String>> events = TopicRecords.all(system.concord().topics().agreements()).stream()
                .filter(keyed(id)).toList();
        events.forEach(EventContract::assertConforms);
        List<String> types = events.stream().map(event -> header(event, "ce_type").substring(TYPE.length())).toList();
        log.info("the story of {} on agreements.v1: {}", id, types);
        assertThat(types).containsSubsequence("signed", "entered-into-force", "amendment-opened", "amendment-adopted",
                "withdrawal-notified", "party-withdrawn", "withdrawal-notified", "party-withdrawn",
                "withdrawal-notified", "party-withdrawn", "terminated");
        assertThat(Collections.frequency(types, "signature-recorded")).isEqualTo(12);
        assertThat(Collections.frequency(types, "amendment-signed")).isEqualTo(12);
        assertThat(types.subList(types.indexOf("amendment-opened"), types.indexOf("amendment-adopted")))
                .as("between opening and adoption, the twelve amendment signatures").hasSize(13);
        assertThat(types.get(types.size() - 1)).as("the end comes last").isEqualTo("terminated");
        JsonNode inForceData = data(events, "entered-into-force").get(0);
        assertThat(inForceData.path("rule").asString()).isEqualTo("ALL_SIGNATURES");
        assertThat(inForceData.path("effectiveOn").asString()).isEqualTo(agreement.path("inForceSince").asString());
        assertThat(data(events, "amendment-signed")).extracting(data -> data.path("party").asString())
                .containsExactlyInAnyOrderElementsOf(SeedMou.PARTIES);
        JsonNode adopted = data(events, "amendment-adopted").get(0);
        assertThat(adopted.path("amendment").path("previousContentHash").asString()).isEqualTo(originalText);
        assertThat(adopted.path("amendment").path("contentHash").asString()).isEqualTo(amendedText);
        assertThat(adopted.path("textVersion").asInt()).isEqualTo(2);
        assertThat(data(events, "party-withdrawn")).extracting(data -> data.path("party").asString(),
                        data -> data.path("remainingParties").asInt())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("CN-XJ", 11),
                        org.assertj.core.groups.Tuple.tuple("CN-QH", 10), org.assertj.core.groups.Tuple.tuple("CN-NX", 9));
        assertThat(data(events, "terminated").get(0).path("cause").asString()).isEqualTo("QUORUM_LOST");
        assertThat(Observed.historyEventIds(system.agreements(), id)).as("the audit trail names the published events, in order")
                .containsExactlyElementsOf(events.stream().map(event -> header(event, "ce_id")).toList());

        // regions-service: the MoU ended for the nine left, with its amended text; none is a partner through it.
        for (String party : remainingAfter(3)) {
            JsonNode item = awaitPortfolio(party, id, "TERMINATED", 9);
            assertThat(item.path("contentHash").asString()).isEqualTo(amendedText);
            assertThat(item.path("textVersion").asInt()).isEqualTo(2);
            assertThat(partnersOf(party)).as("partners of %s", party).isEmpty();
        }
        assertThat(portfolioOf(LEAVING.get(2))).isEmpty();

        // notifications-service: each party heard of what concerned it while it was a party, and not of its own leaving.
        for (String party : SeedMou.PARTIES) {
            int leftAt = LEAVING.indexOf(party);
            int withdrawalsHeard = leftAt < 0 ? LEAVING.size() : leftAt;
            await(party + "'s inbox").atMost(PATIENCE).untilAsserted(() -> {
                assertThat(inboxOf(party, id, "amendment-adopted")).as("%s: adoption", party).hasSize(1);
                assertThat(inboxOf(party, id, "party-withdrawn")).as("%s: withdrawals", party).hasSize(withdrawalsHeard);
                assertThat(inboxOf(party, id, "terminated")).as("%s: the end", party).hasSize(leftAt < 0 ? 1 : 0);
            });
        }
        assertThat(inboxOf("CN-GX", id, "terminated").get(0).path("message").asString())
                .endsWith("ended: fewer parties remain than its quorum of " + QUORUM);

        // notifications-service: the subscriber got each event once, signed as Standard Webhooks say.
        List<String> eventIds = events.stream().map(event -> header(event, "ce_id")).toList();
        Map<String, List<WebhookReceiver.Received>> byWebhookId = await("a webhook for each of the " + eventIds.size()
                + " events").atMost(PATIENCE)
                .until(() -> system.receiver().received().stream().collect(Collectors.groupingBy(request -> request.header("webhook-id"))),
                        received -> received.keySet().containsAll(eventIds));
        assertThat(byWebhookId.keySet()).containsExactlyInAnyOrderElementsOf(eventIds);
        byWebhookId.forEach((webhookId, requests) -> {
            assertThat(requests).as("deliveries of event %s", webhookId).hasSize(1);
            Observed.verifySignature(secret, requests.get(0));
            assertThat(Http.JSON.readTree(requests.get(0).body()).path("subject").asString()).isEqualTo(id);
        });
    }

    /** The party gives notice; with no notice period the scheduler lets it take effect at its next check. */
    private static void withdraws(NanningInForce inForce, String id, String party) {
        Response notice = inForce.notifyWithdrawal(id, party, SeedMou.shortName(party) + " leaves the Silk Road MoU");
        assertThat(notice.status()).as("%s gives notice: %s", party, notice).isEqualTo(200);
        TopicRecords.await(system.concord().topics().agreements(), keyed(id)
                        .and(event -> (TYPE + "party-withdrawn").equals(header(event, "ce_type")))
                        .and(event -> party.equals(Http.JSON.readTree(event.value()).path("party").asString())),
                1, PATIENCE);
    }

    private static List<String> remainingAfter(int withdrawals) {
        return SeedMou.PARTIES.stream().filter(party -> !LEAVING.subList(0, withdrawals).contains(party)).toList();
    }

    private static List<String> shuffled(List<String> parties) {
        long seed = System.nanoTime();
        List<String> order = new ArrayList<>(parties);
        Collections.shuffle(order, new Random(seed));
        log.info("order (seed {}): {}", seed, order);
        return order;
    }

    private static List<JsonNode> data(List<ConsumerRecord<String, String>> events, String type) {
        return events.stream().filter(event -> (TYPE + type).equals(header(event, "ce_type")))
                .map(event -> Http.JSON.readTree(event.value())).toList();
    }

    private static JsonNode awaitPortfolio(String party, String id, String status, int partyCount) {
        return await(party + "'s portfolio shows the MoU " + status + " with " + partyCount + " parties").atMost(PATIENCE)
                .until(() -> portfolioOf(party).stream().filter(item -> id.equals(item.path("id").asString())).findFirst()
                                .orElse(null),
                        item -> item != null && status.equals(item.path("status").asString())
                                && item.path("partyCount").asInt() == partyCount);
    }

    private static List<JsonNode> portfolioOf(String party) {
        return system.regions().get("/api/regions/" + party + "/agreements?size=100", Tokens.viewer()).body().path("items").values()
                .stream().toList();
    }

    private static List<String> partnersOf(String party) {
        return system.regions().get("/api/regions/" + party + "/partners?size=100", Tokens.viewer()).body().path("items").values()
                .stream().map(partner -> partner.path("region").asString()).toList();
    }

    private static List<JsonNode> inboxOf(String party, String id, String type) {
        return system.notifications().get("/api/notifications?size=100&region=" + party + "&type=" + TYPE + type, Tokens.viewer())
                .body().path("items").values().stream().filter(item -> id.equals(item.path("agreementId").asString()))
                .toList();
    }
}
