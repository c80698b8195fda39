package org.concord.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.concord.gateway.support.TestSystem;
import org.concord.gateway.support.WithConcordSystem;
import org.concord.testsupport.http.Http;
import org.concord.testsupport.http.Http.Response;
import org.concord.testsupport.security.Tokens;
import org.concord.testsupport.seed.NanningSigning;
import org.concord.testsupport.seed.NanningInForce;
import org.concord.testsupport.seed.SeedMou;
import org.concord.testsupport.webhooks.WebhookReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Through the gateway, every REST call of the README's walkthrough works as it does on the services' own ports; so do
 * the live feed and the API page. The services stay reachable directly, and no other origin is let in.
 */
@WithConcordSystem
class WalkthroughThroughGatewayIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static TestSystem system;
    private static Http gateway;
    private static NanningSigning nanning;
    private static WebhookReceiver receiver;

    @BeforeAll
    static void connect(TestSystem running) {
        system = running;
        gateway = running.gateway();
        nanning = NanningSigning.through(gateway);
        receiver = WebhookReceiver.start();
    }

    @AfterAll
    static void stopTheReceiver() {
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void every_call_of_the_readme_walkthrough_works_through_the_gateway() {
        String admin = Tokens.admin();
        String viewer = Tokens.viewer();

        // 1. tokens: any token reads; none is refused by the service, through the gateway
        Response yunnan = gateway.get("/api/regions/CN-YN", viewer);
        assertThat(yunnan.status()).as("%s", yunnan).isEqualTo(200);
        assertThat(yunnan.body().path("name").asString()).isEqualTo("Yunnan Province");
        assertThat(yunnan.body().path("signingAuthority").asString()).isEqualTo("Department of Commerce of Yunnan Province");
        Response anonymous = gateway.get("/api/regions/CN-YN", null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.body().path("detail").asString()).startsWith("a valid bearer token is required");

        // 3. a webhook receiver subscribes to every agreement event
        Response subscription = gateway.post("/api/subscriptions", admin, Map.of(
                "url", receiver.url(), "eventTypes", List.of("concord.agreement.*"), "regions", List.of()));
        assertThat(subscription.status()).as("%s", subscription).isEqualTo(201);
        assertThat(subscription.body().path("status").asString()).isEqualTo("ACTIVE");
        assertThat(subscription.body().path("secret").asString()).startsWith("whsec_");
        String subscriptionId = subscription.body().path("id").asString();

        // 4. Guangxi drafts the MoU
        Response draft = nanning.drafted();
        assertThat(draft.body().path("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.body().path("version").asLong()).isEqualTo(1);
        assertThat(draft.body().path("parties").size()).isEqualTo(12);
        String agreement = draft.body().path("id").asString();

        // 5. opened for signature
        Response opened = gateway.post("/api/agreements/" + agreement + "/open", admin, Map.of());
        assertThat(opened.status()).as("%s", opened).isEqualTo(200);
        assertThat(opened.body().path("status").asString()).isEqualTo("OPEN");
        String hash = opened.body().path("contentHash").asString();
        assertThat(hash).matches("sha256:[0-9a-f]{64}");

        // 6. Yunnan signs; the same token cannot sign for Sichuan
        Response signed = nanning.sign(agreement, hash, "CN-YN");
        assertThat(signed.status()).as("%s", signed).isEqualTo(200);
        assertThat(signedRegions(signed.body())).containsExactly("CN-YN");
        Response refused = gateway.post("/api/agreements/" + agreement + "/signatures", Tokens.signatory("CN-YN"),
                SeedMou.signature("CN-SC", hash, "Department of Commerce of Sichuan Province"));
        assertThat(refused.status()).as("%s", refused).isEqualTo(403);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.body().path("detail").asString()).contains("cannot sign").contains("for CN-SC");

        // 7. the other eleven sign; the last signature concludes the MoU and puts it in force
        Response last = null;
        for (String party : SeedMou.PARTIES) {
            if (!party.equals("CN-YN")) {
                last = nanning.sign(agreement, hash, party);
                assertThat(last.status()).as("%s signs: %s", party, last).isEqualTo(200);
            }
        }
        assertThat(last.body().path("status").asString()).isEqualTo("IN_FORCE");

        // 8. concluded and in force, and the audit trail
        Response concluded = gateway.get("/api/agreements/" + agreement, viewer);
        assertThat(concluded.body().path("status").asString()).isEqualTo("IN_FORCE");
        assertThat(concluded.body().path("concludedAt").isNull()).isFalse();
        assertThat(signedRegions(concluded.body())).hasSize(12);
        Response history = gateway.get("/api/agreements/" + agreement + "/history", viewer);
        List<String> types = new ArrayList<>();
        history.body().path("entries").forEach(entry -> types.add(entry.path("type").asString()));
        assertThat(types).hasSize(17).startsWith("drafted", "opened", "signature-recorded", "signature-refused")
                .endsWith("signed", "entered-into-force");

        // 10. Guangxi's inbox, newest first; the receiver got every event, once, at the first attempt
        await("Guangxi's inbox ends with the entry into force").atMost(PATIENCE).untilAsserted(() -> {
            Response inbox = gateway.get("/api/notifications?region=CN-GX&size=3", viewer);
            assertThat(inbox.status()).isEqualTo(200);
            assertThat(inbox.body().path("items").get(0).path("message").asString())
                    .contains("entered into force");
            assertThat(inbox.body().path("items").get(0).path("agreementId").asString()).isEqualTo(agreement);
        });
        await("sixteen deliveries, all delivered").atMost(PATIENCE).untilAsserted(() -> {
            Response deliveries = gateway.get("/api/subscriptions/" + subscriptionId + "/deliveries?size=100", admin);
            assertThat(deliveries.status()).isEqualTo(200);
            Map<String, Integer> delivered = new TreeMap<>();
            deliveries.body().path("items").forEach(d -> {
                assertThat(d.path("status").asString()).isEqualTo("DELIVERED");
                assertThat(d.path("attemptCount").asInt()).isEqualTo(1);
                assertThat(d.path("lastStatusCode").asInt()).isEqualTo(204);
                delivered.merge(d.path("eventType").asString(), 1, Integer::sum);
            });
            assertThat(delivered).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "concord.agreement.drafted", 1, "concord.agreement.opened", 1,
                    "concord.agreement.signature-recorded", 12, "concord.agreement.signed", 1,
                    "concord.agreement.entered-into-force", 1));
        });
        assertThat(receiver.received()).hasSize(16);

        // 11. Yunnan's portfolio and partners
        await("Yunnan's portfolio has the MoU, in force").atMost(PATIENCE).untilAsserted(() -> {
            Response portfolio = gateway.get("/api/regions/CN-YN/agreements?size=100", viewer);
            JsonNode mou = find(portfolio.body().path("items"), "id", agreement);
            assertThat(mou).as("%s", portfolio).isNotNull();
            assertThat(mou.path("status").asString()).isEqualTo("IN_FORCE");
            assertThat(mou.path("signed").asBoolean()).isTrue();
            assertThat(mou.path("partyCount").asInt()).isEqualTo(12);
            Response partners = gateway.get("/api/regions/CN-YN/partners?size=100", viewer);
            List<String> codes = new ArrayList<>();
            partners.body().path("items").forEach(p -> codes.add(p.path("region").asString()));
            assertThat(codes).containsAll(SeedMou.PARTIES.stream().filter(p -> !p.equals("CN-YN")).toList())
                    .doesNotContain("CN-YN");
        });

        // 13. an amendment by protocol, signed by the twelve: the text in force becomes version 2
        NanningInForce inForce = NanningInForce.against(gateway, nanning);
        Response protocol = inForce.openFirstProtocol(agreement);
        assertThat(protocol.status()).as("%s", protocol).isEqualTo(200);
        String amended = protocol.body().path("openAmendment").path("contentHash").asString();
        Response adopted = null;
        for (String party : SeedMou.PARTIES) {
            adopted = inForce.signAmendment(agreement, 1, amended, party);
            assertThat(adopted.status()).as("%s signs amendment 1: %s", party, adopted).isEqualTo(200);
        }
        assertThat(adopted.body().path("textVersion").asInt()).isEqualTo(2);
        assertThat(adopted.body().path("contentHash").asString()).isEqualTo(amended);

        // 14. Qinghai gives notice of withdrawal, effective after the notice period; a second notice is refused
        Response notice = inForce.notifyWithdrawal(agreement, "CN-QH", "moves to another framework");
        assertThat(notice.status()).as("%s", notice).isEqualTo(200);
        JsonNode qinghai = find(notice.body().path("parties"), "region", "CN-QH");
        assertThat(qinghai.path("withdrawal").path("effectiveOn").asString()).isNotEmpty();
        assertThat(qinghai.path("withdrawnOn").isNull()).isTrue();
        Response again = inForce.notifyWithdrawal(agreement, "CN-QH", "again");
        assertThat(again.status()).as("%s", again).isEqualTo(409);
        assertThat(again.body().path("rule").asString()).isEqualTo("notice-given-once");

        // 15. clean up
        Response deleted = gateway.delete("/api/subscriptions/" + subscriptionId, admin);
        assertThat(deleted.status()).as("%s", deleted).isEqualTo(204);
    }

    @Test
    void the_live_feed_streams_through_the_gateway_with_its_token_in_the_query() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(gateway.base().resolve(
                        "/api/notifications/stream?region=CN-GX&access_token=" + Tokens.viewer()))
                .header("Accept", "text/event-stream").GET().build();
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<InputStream> stream = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            assertThat(stream.statusCode()).isEqualTo(200);
            assertThat(stream.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
            assertThat(lines.readLine()).as("the feed's first comment").isEqualTo(":connected");

            String agreement = nanning.drafted().body().path("id").asString();
            CompletableFuture<String> notification = CompletableFuture.supplyAsync(() -> {
                try {
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        if (line.startsWith("data:") && line.contains(agreement)) {
                            return line;
                        }
                    }
                    return null;
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            assertThat(notification.get(30, TimeUnit.SECONDS))
                    .contains("\"type\":\"concord.agreement.drafted\"").contains("\"region\":\"CN-GX\"");
        }
    }

    @Test
    void the_api_page_lists_the_three_services_documents_served_through_the_gateway() {
        Response page = gateway.send(gateway.request("/swagger-ui.html", null).GET());
        assertThat(page.status()).isEqualTo(302);
        assertThat(gateway.send(gateway.request(page.header("Location"), null).GET()).text()).contains("swagger-ui");

        Response config = gateway.get("/v3/api-docs/swagger-config", null);
        List<String> documents = new ArrayList<>();
        config.body().path("urls").forEach(url -> documents.add(url.path("url").asString()));
        assertThat(documents).containsExactlyInAnyOrder("/api-docs/regions-service", "/api-docs/agreements-service",
                "/api-docs/notifications-service");

        Map<String, String> ownPath = Map.of("regions-service", "/api/regions/{code}",
                "agreements-service", "/api/agreements/{id}", "notifications-service", "/api/subscriptions/{id}");
        ownPath.forEach((service, path) -> {
            Response document = gateway.get("/api-docs/" + service, null);
            assertThat(document.status()).as("%s: %s", service, document).isEqualTo(200);
            assertThat(document.body().path("openapi").asString()).startsWith("3.");
            assertThat(document.body().path("paths").has(path)).as("%s documents %s", service, path).isTrue();
            // "Try it out" goes through the gateway: the document's server is this origin
            assertThat(document.body().path("servers").size()).isEqualTo(1);
            assertThat(document.body().path("servers").get(0).path("url").asString()).isEqualTo("/");
            // the gateway's own answers, 429 and 503, are listed with the service's
            assertThat(document.body().path("paths").path(path).path("get").path("responses").has("429")).isTrue();
        });
    }

    @Test
    void a_page_of_another_origin_is_given_no_cors_permission() {
        Response preflight = gateway.send(gateway.request("/api/agreements", null)
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://elsewhere.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type"));
        assertThat(preflight.header("Access-Control-Allow-Origin")).as("%s %s", preflight, preflight.headers()).isNull();
        assertThat(preflight.header("Access-Control-Allow-Methods")).isNull();

        Response read = gateway.send(gateway.request("/api/regions/CN-YN", Tokens.viewer()).GET()
                .header("Origin", "https://elsewhere.example"));
        assertThat(read.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void the_services_stay_reachable_on_their_own_ports() {
        Map<String, String> resources = Map.of("regions-service", "/api/regions/CN-GX",
                "agreements-service", "/api/agreements?size=1", "notifications-service", "/api/notifications?size=1");
        resources.forEach((service, path) -> {
            Response direct = system.service(service).get(path, Tokens.viewer());
            assertThat(direct.status()).as("%s directly: %s", service, direct).isEqualTo(200);
            assertThat(gateway.get(path, Tokens.viewer()).status()).as("%s through the gateway", service).isEqualTo(200);
        });
        assertThat(system.service("regions-service").get("/api/regions/CN-GX", Tokens.viewer()).body())
                .isEqualTo(gateway.get("/api/regions/CN-GX", Tokens.viewer()).body());
    }

    @Test
    void the_console_is_served_on_the_same_origin_and_may_talk_to_nothing_else() {
        Response console = gateway.send(gateway.request("/", null).setHeader("Accept", "text/html").GET());
        assertThat(console.status()).isEqualTo(200);
        assertThat(console.header("Content-Type")).startsWith("text/html");
        assertThat(console.text()).contains("<title>Concord console</title>").contains("/console/app.js");
        assertThat(console.header("Content-Security-Policy")).contains("connect-src 'self'").contains("script-src 'self'");
        assertThat(console.header("Referrer-Policy")).isEqualTo("no-referrer");
        Response script = gateway.send(gateway.request("/console/app.js", null).GET());
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.header("Content-Type")).contains("javascript");
    }

    private static List<String> signedRegions(JsonNode agreement) {
        List<String> signed = new ArrayList<>();
        agreement.path("parties").forEach(p -> {
            if (p.path("signed").asBoolean()) {
                signed.add(p.path("region").asString());
            }
        });
        return signed;
    }

    private static JsonNode find(JsonNode items, String field, String value) {
        for (JsonNode item : items) {
            if (value.equals(item.path(field).asString())) {
                return item;
            }
        }
        return null;
    }
}
