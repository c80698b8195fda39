package org.concord.agreements.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.concord.agreements.AgreementsScenarioSupport;
import org.concord.platform.web.IdempotentRequests;
import org.concord.testsupport.security.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/** A client that retries a creating POST with the same Idempotency-Key gets the first response, not a duplicate. */
abstract class IdempotencyScenarios extends AgreementsScenarioSupport {

    private EntityExchangeResult<byte[]> draftWithKey(String key, Map<String, Object> body, int expectedStatus) {
        return web.post().uri("/api/agreements").contentType(MediaType.APPLICATION_JSON)
                .header(IdempotentRequests.HEADER, key).bodyValue(body).exchange()
                .expectStatus().isEqualTo(expectedStatus)
                .expectBody().returnResult();
    }

    @Test
    void the_same_key_and_body_get_the_first_response_again_and_draft_once() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = seedMou();
        body.put("title", "Idempotent MoU " + key);

        EntityExchangeResult<byte[]> first = draftWithKey(key, body, 201);
        EntityExchangeResult<byte[]> again = draftWithKey(key, body, 201);

        assertThat(again.getResponseBody()).isEqualTo(first.getResponseBody());
        assertThat(again.getResponseHeaders().getLocation()).isEqualTo(first.getResponseHeaders().getLocation());
        assertThat(again.getResponseHeaders().getETag()).isEqualTo("\"1\"");
        assertThat(again.getResponseHeaders().getFirst(IdempotentRequests.REPLAYED)).isEqualTo("true");
        assertThat(first.getResponseHeaders().getFirst(IdempotentRequests.REPLAYED)).isNull();
        assertThat(again.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
        String id = first.getResponseHeaders().getLocation().toString().replace("/api/agreements/", "");
        awaitEvents(id, "concord.agreement.drafted", 1);
        Map<String, Object> listed = web.get().uri("/api/agreements?party=CN-GX&size=100").exchange()
                .expectBody(JSON_OBJECT).returnResult().getResponseBody();
        assertThat((List<Map<String, Object>>) listed.get("items")).filteredOn(a -> body.get("title").equals(a.get("title")))
                .hasSize(1);
    }

    @Test
    void the_same_key_with_another_body_is_422() {
        String key = UUID.randomUUID().toString();
        draftWithKey(key, seedMou(), 201);
        Map<String, Object> other = seedMou();
        other.put("title", "Another MoU");

        web.post().uri("/api/agreements").contentType(MediaType.APPLICATION_JSON)
                .header(IdempotentRequests.HEADER, key).bodyValue(other).exchange()
                .expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains(key));
    }

    @Test
    void a_refused_request_stores_nothing_and_can_be_corrected_under_the_same_key() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> unknownParty = seedMou();
        unknownParty.put("parties", List.of("CN-GX", "XX-ZZZ"));
        draftWithKey(key, unknownParty, 422);

        draftWithKey(key, seedMou(), 201);
    }

    @Test
    void a_key_that_is_too_long_is_400() {
        draftWithKey("k".repeat(256), seedMou(), 400);
    }

    @Test
    void the_same_signature_sent_twice_with_a_key_is_recorded_once() {
        Map<String, Object> open = openSeed();
        String uri = "/api/agreements/" + open.get("id") + "/signatures";
        String key = UUID.randomUUID().toString();
        Map<String, Object> signature = signature("CN-SC", (String) open.get("contentHash"));

        byte[] first = web.post().uri(uri).contentType(MediaType.APPLICATION_JSON).header(IdempotentRequests.HEADER, key)
                .headers(h -> h.setBearerAuth(Tokens.signatory("CN-SC")))
                .bodyValue(signature).exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
        byte[] again = web.post().uri(uri).contentType(MediaType.APPLICATION_JSON).header(IdempotentRequests.HEADER, key)
                .headers(h -> h.setBearerAuth(Tokens.signatory("CN-SC")))
                .bodyValue(signature).exchange().expectStatus().isOk()
                .expectHeader().valueEquals(IdempotentRequests.REPLAYED, "true")
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"3\"")
                .expectBody().returnResult().getResponseBody();

        assertThat(again).isEqualTo(first);
        assertThat(get(open.get("id"))).containsEntry("version", 3);
        postSignature("/api/agreements/" + open.get("id"), signature).expectStatus().isEqualTo(409);
    }

    @Test
    void concurrent_requests_with_one_key_draft_one_agreement() throws Exception {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = seedMou();
        body.put("title", "Raced MoU " + key);
        int clients = 4;
        CyclicBarrier start = new CyclicBarrier(clients);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<EntityExchangeResult<byte[]>>> results = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return draftWithKey(key, body, 201);
                }));
            }
            List<Object> locations = new ArrayList<>();
            for (var result : results) {
                locations.add(result.get(60, TimeUnit.SECONDS).getResponseHeaders().getLocation());
            }
            assertThat(locations).hasSize(clients).containsOnly(locations.get(0));
        } finally {
            pool.shutdownNow();
        }
    }
}
