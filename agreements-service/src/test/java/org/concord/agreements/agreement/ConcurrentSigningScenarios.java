package org.concord.agreements.agreement;

import org.concord.agreements.agreement.application.AgreementService;
import org.concord.agreements.agreement.domain.Agreement;
import org.concord.agreements.agreement.domain.AgreementStatus;
import org.concord.agreements.agreement.domain.ContentHash;
import org.concord.agreements.agreement.domain.RegionCode;
import org.concord.agreements.agreement.domain.Signatory;
import org.concord.agreements.agreement.domain.Signer;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import java.util.UUID;

import org.concord.agreements.AgreementsScenarioSupport;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Flux;
import org.concord.platform.domain.ExpectedVersion;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import org.concord.testsupport.contract.EventContract;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;

/** Twelve parties signing at the same moment: nobody's signature is lost, and the agreement is concluded once. */
abstract class ConcurrentSigningScenarios extends AgreementsScenarioSupport {

    private static final Pattern SIGNATURE_COUNT = Pattern.compile("\"signatureCount\":(\\d+)");
    private static final Pattern VERSION = Pattern.compile("\"version\":(\\d+)");

    @Autowired
    AgreementService service;

    @Test
    void twelve_parties_signing_at_the_same_moment_all_succeed_and_conclude_the_agreement_once() throws Exception {
        Map<String, Object> open = openSeed();
        Object id = open.get("id");
        String hash = (String) open.get("contentHash");

        List<HttpStatusCode> statuses = signAllAtOnce(id, hash);

        assertThat(statuses).hasSize(12).allSatisfy(status -> assertThat(status.value()).isEqualTo(200));
        Map<String, Object> signed = get(id);
        assertThat(signed).containsEntry("status", "IN_FORCE").containsEntry("version", 14);
        assertThat((List<Map<String, Object>>) signed.get("parties")).allSatisfy(p -> assertThat(p).containsEntry("signed", true));

        awaitEvents(id, "concord.agreement.entered-into-force", 1);
        List<ConsumerRecord<String, String>> signatures = awaitEvents(id, "concord.agreement.signature-recorded", 12);
        assertThat(signatures).hasSize(12);
        assertThat(signatures).extracting(record -> number(SIGNATURE_COUNT, record.value()))
                .as("signature-recorded events in order, n of 12").containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        assertThat(signatures).extracting(record -> record.value().replaceAll(".*\"party\":\"([A-Z-]+)\".*", "$1"))
                .containsExactlyInAnyOrderElementsOf(SEED_PARTIES);

        List<ConsumerRecord<String, String>> all = eventsAbout(id);
        assertThat(types(all)).filteredOn("concord.agreement.signed"::equals).hasSize(1);
        assertThat(types(all)).last().isEqualTo("concord.agreement.entered-into-force");
        assertThat(all).extracting(record -> number(VERSION, record.value().substring(record.value().lastIndexOf("\"version\""))))
                .as("snapshot versions never go back").isSorted();
        all.forEach(EventContract::assertConforms);

        Map<String, Object> history = web.get().uri("/api/agreements/" + id + "/history").exchange()
                .expectStatus().isOk().expectBody(JSON_OBJECT).returnResult().getResponseBody();
        assertThat((List<Map<String, Object>>) history.get("entries")).extracting(e -> e.get("type"))
                .filteredOn("signature-recorded"::equals).hasSize(12);
    }

    /**
     * Refused attempts (a signatory signing for another region) are kept in the history in transactions of their own,
     * racing the signatures: still one unbroken chain, every entry in its own place.
     */
    @Test
    void signatures_and_refused_attempts_racing_each_other_leave_one_unbroken_hash_chain() throws Exception {
        Map<String, Object> open = openSeed();
        Object id = open.get("id");
        String hash = (String) open.get("contentHash");
        CyclicBarrier start = new CyclicBarrier(SEED_PARTIES.size() * 2);
        ExecutorService pool = Executors.newFixedThreadPool(SEED_PARTIES.size() * 2);
        List<Future<Integer>> statuses = new ArrayList<>();
        try {
            for (String party : SEED_PARTIES) {
                statuses.add(pool.submit(() -> {
                    start.await();
                    return postSignature("/api/agreements/" + id, signature(party, hash)).returnResult(String.class)
                            .getStatus().value();
                }));
                statuses.add(pool.submit(() -> {
                    start.await();
                    return web.post().uri("/api/agreements/" + id + "/signatures")
                            .headers(headers -> headers.setBearerAuth(org.concord.testsupport.security.Tokens.signatory(HAINAN)))
                            .contentType(MediaType.APPLICATION_JSON).bodyValue(signature(party, hash)).exchange()
                            .returnResult(String.class).getStatus().value();
                }));
            }
            List<Integer> answered = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                answered.add(status.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertThat(answered).filteredOn(status -> status == 200).hasSize(12);
            assertThat(answered).filteredOn(status -> status == 403).hasSize(12);
        } finally {
            pool.shutdownNow();
        }

        byte[] bundle = web.get().uri("/api/agreements/" + id + "/evidence").exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();
        var report = new org.concord.evidence.Verifier().verify(bundle);
        assertThat(report.passed()).as(report.toText()).isTrue();
        assertThat(report.about("history").get(0).message()).startsWith("28 entries"); // drafted, opened, 12 + 12, signed, entered-into-force
    }

    /**
     * The same race one level down: the sign use case started on twelve threads at once, so that the transactions
     * really overlap whatever the web server's threading (on H2 a request runs on its event-loop thread).
     */
    @Test
    void twelve_signing_transactions_racing_each_other_all_commit_and_exactly_one_concludes() {
        Map<String, Object> open = openSeed();
        UUID id = UUID.fromString((String) open.get("id"));
        ContentHash hash = ContentHash.of((String) open.get("contentHash"));

        List<Agreement> results = Flux.fromIterable(SEED_PARTIES)
                .flatMap(party -> Mono.defer(() -> service.sign(id, ExpectedVersion.NONE,
                        new Signer("signatory-" + party, RegionCode.of(party)), RegionCode.of(party),
                                new Signatory("Signatory of " + party, "Director-General", "Department of Commerce"), hash, null))
                        .subscribeOn(Schedulers.boundedElastic()), SEED_PARTIES.size())
                .collectList()
                .block(Duration.ofSeconds(60));

        assertThat(results).hasSize(12);
        assertThat(results).extracting(Agreement::version).containsExactlyInAnyOrder(3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L,
                11L, 12L, 13L, 14L);
        assertThat(results).filteredOn(a -> a.status() == AgreementStatus.IN_FORCE).hasSize(1)
                .first().satisfies(a -> assertThat(a.version()).isEqualTo(14));
        awaitEvents(id, "concord.agreement.signed", 1);
        List<ConsumerRecord<String, String>> signatures = awaitEvents(id, "concord.agreement.signature-recorded", 12);
        assertThat(signatures).extracting(record -> number(SIGNATURE_COUNT, record.value()))
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        assertThat(types(eventsAbout(id))).filteredOn("concord.agreement.signed"::equals).hasSize(1);
    }

    private List<HttpStatusCode> signAllAtOnce(Object id, String hash) throws Exception {
        CyclicBarrier start = new CyclicBarrier(SEED_PARTIES.size());
        ExecutorService pool = Executors.newFixedThreadPool(SEED_PARTIES.size());
        try {
            List<Future<HttpStatusCode>> results = new ArrayList<>();
            for (String party : SEED_PARTIES) {
                results.add(pool.submit(() -> {
                    start.await();
                    return postSignature("/api/agreements/" + id, signature(party, hash))
                            .returnResult(String.class).getStatus();
                }));
            }
            List<HttpStatusCode> statuses = new ArrayList<>();
            for (Future<HttpStatusCode> result : results) {
                statuses.add(result.get(Duration.ofSeconds(60).toSeconds(), java.util.concurrent.TimeUnit.SECONDS));
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    private static int number(Pattern pattern, String json) {
        Matcher matcher = pattern.matcher(json);
        assertThat(matcher.find()).as(pattern + " in " + json).isTrue();
        return Integer.parseInt(matcher.group(1));
    }
}
