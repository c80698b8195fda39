package org.concord.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.concord.testsupport.kafka.TopicRecords.header;
import static org.concord.testsupport.kafka.TopicRecords.keyed;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.concord.evidence.HistoryHead;
import org.concord.evidence.JwkSet;
import org.concord.evidence.VerificationReport;
import org.concord.evidence.Verifier;
import org.concord.testsupport.contract.EventContract;
import org.concord.testsupport.http.Http;
import org.concord.testsupport.http.Http.Response;
import org.concord.testsupport.kafka.TopicRecords;
import org.concord.testsupport.security.Tokens;
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
 * The seed story through the whole system: a real broker, the three services as they run in production, and a
 * system that subscribed to the webhooks. The twelve departments register the keys they sign with, Guangxi
 * convenes the Nanning MoU, the twelve sign it with their keys (in a shuffled order, partly at the same moment),
 * and every service reacts: agreements-service publishes the story on agreements.v1, notifications-service tells
 * every party and the subscriber, regions-service adds the MoU and the eleven partners to each party's portfolio.
 * The evidence bundle of the signing then verifies offline, against the key the service publishes and the head of
 * the history the entry into force's event carried.
 */
class NanningSigningTest {

    private static final Logger log = LoggerFactory.getLogger(NanningSigningTest.class);
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String SIGNED = "concord.agreement.signed";
    private static final String ENTERED_INTO_FORCE = "concord.agreement.entered-into-force";
    private static final String SIGNATURE_RECORDED = "concord.agreement.signature-recorded";

    private static SignatoriesAndReceiver system;

    @BeforeAll
    static void startTheSystem() {
        system = SignatoriesAndReceiver.start(TheServices.builder());
    }

    @AfterAll
    static void stopTheSystem() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void twelve_regions_sign_the_silk_road_mou_and_every_service_reacts() throws Exception {
        // A system subscribes to every agreement event.
        String secret = system.subscribeReceiverTo("concord.agreement.*");

        // Each department signs for its region in the name of the signing authority the registry knows, with a key
        // of its own (ES256 and EdDSA in turn) that its signatory registers in regions-service.
        NanningSigning nanning = NanningSigning.against(system.regions(), system.agreements());
        SeedMou.PARTIES.forEach(nanning::signingAuthority);
        for (String party : SeedMou.PARTIES) {
            Response registered = nanning.registerKey(party);
            assertThat(registered.status()).as("%s registers its key: %s", party, registered).isEqualTo(200);
        }

        // Guangxi drafts the MoU as soon as agreements-service has learnt the twelve regions from regions.v1, and opens it.
        Response opened = nanning.opened();
        String id = opened.body().path("id").asString();
        log.info("drafted and opened the Nanning MoU: agreement {}", id);
        String contentHash = opened.body().path("contentHash").asString();
        assertThat(contentHash).startsWith("sha256:");

        // The twelve sign in a shuffled order: four one after another, then eight at the same moment.
        long seed = System.nanoTime();
        List<String> order = new ArrayList<>(SeedMou.PARTIES);
        Collections.shuffle(order, new Random(seed));
        log.info("signing order (seed {}): {}", seed, order);
        Function<String, Response> sign = party -> nanning.signWithKey(id, contentHash, party);
        for (String party : order.subList(0, 4)) {
            Response signed = sign.apply(party);
            assertThat(signed.status()).as("%s signs: %s", party, signed).isEqualTo(200);
        }
        Map<String, Response> concurrent = atTheSameMoment(order.subList(4, 12), sign);
        concurrent.forEach((party, signed) ->
                assertThat(signed.status()).as("%s signs (seed %s): %s", party, seed, signed).isEqualTo(200));

        // agreements-service: the MoU is concluded with twelve signatures, each in its department's name, and (by the
        // default rule, ALL_SIGNATURES) in force from the last one.
        JsonNode agreement = system.agreements().get("/api/agreements/" + id, Tokens.viewer()).body();
        assertThat(agreement.path("status").asString()).isEqualTo("IN_FORCE");
        assertThat(agreement.path("parties").values()).hasSize(12).allSatisfy(party -> {
            assertThat(party.path("signed").asBoolean()).isTrue();
            assertThat(party.path("signatory").path("organisation").asString())
                    .isEqualTo(nanning.signingAuthority(party.path("region").asString()));
        });

        // agreements.v1: the story in order, each event as the contract says.
        List<ConsumerRecord<String, String>> events = storyOn(system.concord().topics().agreements(), id);
        events.forEach(EventContract::assertConforms);
        List<String> types = events.stream().map(event -> header(event, "ce_type")).toList();
        assertThat(types.stream().filter(SIGNED::equals)).hasSize(1);
        assertThat(types.stream().filter(SIGNATURE_RECORDED::equals)).hasSize(12);
        assertThat(types.subList(types.size() - 2, types.size())).as("the conclusion, then the entry into force, come last")
                .containsExactly(SIGNED, ENTERED_INTO_FORCE);
        List<JsonNode> signatures = events.stream().filter(event -> SIGNATURE_RECORDED.equals(header(event, "ce_type")))
                .map(event -> Http.JSON.readTree(event.value())).toList();
        assertThat(signatures).extracting(data -> data.path("signatureCount").asInt())
                .as("signatureCount in offset order").containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        assertThat(signatures).extracting(data -> data.path("signature").path("party").asString())
                .as("who signed, in offset order").startsWith(order.subList(0, 4).toArray(String[]::new))
                .containsExactlyInAnyOrderElementsOf(SeedMou.PARTIES);
        assertThat(Observed.historyEventIds(system.agreements(), id)).as("the audit trail names the published events, in order")
                .containsExactlyElementsOf(events.stream().map(event -> header(event, "ce_id")).toList());
        assertThat(signatures).extracting(data -> data.path("signature").path("method").asString())
                .as("every signature made with the signatory's key").containsOnly("jws");

        // The evidence: checked offline against the key agreements-service publishes (no token needed) and the
        // head of the history the entry into force's event carried, as a department would on its own machine.
        JsonNode head = Http.JSON.readTree(events.get(events.size() - 1).value()).path("historyHead");
        Response serviceKeys = system.agreements().get("/api/evidence/keys", null);
        assertThat(serviceKeys.status()).as("keys: %s", serviceKeys).isEqualTo(200);
        Response bundle = system.agreements().get("/api/agreements/" + id + "/evidence", Tokens.viewer());
        assertThat(bundle.status()).as("evidence: %s", bundle.status()).isEqualTo(200);
        VerificationReport report = new Verifier(Verifier.Options.DEFAULT.strictly()
                .trustingServiceKeys(JwkSet.fromJson(org.concord.evidence.Json.parse(serviceKeys.text()), "keys"))
                .knowingHead(new HistoryHead(head.path("hash").asString(), head.path("length").asLong())))
                .verify(bundle.text().getBytes(StandardCharsets.UTF_8));
        log.info("the evidence of the Nanning signing, verified offline:\n{}", report.toText());
        assertThat(report.passed()).as(report.toText()).isTrue();
        assertThat(report.about("signature")).as("each signatory's JWS, checked").hasSize(12)
                .allSatisfy(finding -> assertThat(finding.status()).isEqualTo(VerificationReport.Status.HOLDS));
        assertThat(head.path("length").asLong()).as("drafted, opened, 12 signatures, signed, entered into force").isEqualTo(16);

        // notifications-service: every party's inbox tells of the conclusion.
        for (String party : SeedMou.PARTIES) {
            await(party + "'s inbox has the conclusion").atMost(PATIENCE).untilAsserted(() -> {
                JsonNode inbox = system.notifications()
                        .get("/api/notifications?region=" + party + "&type=" + SIGNED, Tokens.viewer()).body();
                assertThat(inbox.path("items").values())
                        .anySatisfy(item -> assertThat(item.path("agreementId").asString()).isEqualTo(id));
            });
        }

        // notifications-service: the subscriber got each event of the MoU once, signed as Standard Webhooks say.
        List<String> eventIds = events.stream().map(event -> header(event, "ce_id")).toList();
        awaitDeliveredOutcomes(eventIds);
        Map<String, List<WebhookReceiver.Received>> byWebhookId = system.receiver().received().stream()
                .collect(Collectors.groupingBy(request -> request.header("webhook-id")));
        assertThat(byWebhookId.keySet()).containsExactlyInAnyOrderElementsOf(eventIds);
        byWebhookId.forEach((webhookId, requests) -> {
            assertThat(requests).as("deliveries of event %s", webhookId).hasSize(1);
            WebhookReceiver.Received request = requests.get(0);
            Observed.verifySignature(secret, request);
            JsonNode cloudEvent = Http.JSON.readTree(request.body());
            assertThat(cloudEvent.path("id").asString()).isEqualTo(webhookId);
            assertThat(cloudEvent.path("subject").asString()).isEqualTo(id);
        });

        // regions-service: each party's portfolio lists the MoU as signed, and the eleven others as partners.
        for (String party : SeedMou.PARTIES) {
            await(party + "'s portfolio").atMost(PATIENCE).untilAsserted(() -> {
                JsonNode portfolio = system.regions().get("/api/regions/" + party + "/agreements", Tokens.viewer()).body();
                assertThat(portfolio.path("items").values()).singleElement().satisfies(item -> {
                    assertThat(item.path("id").asString()).isEqualTo(id);
                    assertThat(item.path("status").asString()).isEqualTo("IN_FORCE");
                    assertThat(item.path("signed").asBoolean()).isTrue();
                    assertThat(item.path("partyCount").asInt()).isEqualTo(12);
                });
                JsonNode partners = system.regions().get("/api/regions/" + party + "/partners", Tokens.viewer()).body();
                assertThat(partners.path("items").values())
                        .extracting(partner -> partner.path("region").asString())
                        .containsExactlyInAnyOrderElementsOf(SeedMou.PARTIES.stream().filter(p -> !p.equals(party)).toList());
                assertThat(partners.path("items").values())
                        .allSatisfy(partner -> assertThat(partner.path("signedAgreements").asLong()).isEqualTo(1));
            });
        }
    }

    /** Signs for every party at once: all requests wait at a gate and leave it together. */
    private static Map<String, Response> atTheSameMoment(List<String> parties, Function<String, Response> sign)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(parties.size());
        try {
            CountDownLatch gate = new CountDownLatch(1);
            Map<String, Future<Response>> pending = new LinkedHashMap<>();
            for (String party : parties) {
                pending.put(party, pool.submit(() -> {
                    gate.await();
                    return sign.apply(party);
                }));
            }
            gate.countDown();
            Map<String, Response> responses = new LinkedHashMap<>();
            for (var entry : pending.entrySet()) {
                responses.put(entry.getKey(), entry.getValue().get(PATIENCE.toSeconds(), TimeUnit.SECONDS));
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The agreement's events on the topic, in offset order (one key: one partition), once its entry into force is there. */
    private static List<ConsumerRecord<String, String>> storyOn(String topic, String id) {
        TopicRecords.await(topic, keyed(id).and(event -> ENTERED_INTO_FORCE.equals(header(event, "ce_type"))), 1, PATIENCE);
        return TopicRecords.all(topic).stream().filter(keyed(id)).toList();
    }

    /**
     * Waits until notifications.v1 reports every event delivered: the outcome is published in the transaction
     * that records the receiver's 2xx, so from then on no attempt of these deliveries is left to come.
     */
    private static void awaitDeliveredOutcomes(List<String> eventIds) {
        String topic = system.concord().topics().notifications();
        List<ConsumerRecord<String, String>> outcomes = await("a delivered outcome for each of the " + eventIds.size() + " events")
                .atMost(PATIENCE).pollInterval(Duration.ofMillis(300))
                .until(() -> TopicRecords.all(topic).stream()
                                .filter(outcome -> eventIds.contains(Http.JSON.readTree(outcome.value()).path("eventId").asString()))
                                .toList(),
                        found -> found.stream().map(outcome -> Http.JSON.readTree(outcome.value()).path("eventId").asString())
                                .distinct().count() == eventIds.size());
        outcomes.forEach(EventContract::assertConforms);
        assertThat(outcomes).allSatisfy(outcome -> {
            assertThat(header(outcome, "ce_type")).isEqualTo("concord.notification.delivered");
            assertThat(Http.JSON.readTree(outcome.value()).path("attempts").asInt()).isEqualTo(1);
        });
    }
}
