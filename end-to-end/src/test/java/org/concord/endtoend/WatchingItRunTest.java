package org.concord.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.concord.testsupport.kafka.TopicRecords.header;
import static org.concord.testsupport.kafka.TopicRecords.keyed;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.concord.testsupport.http.Http;
import org.concord.testsupport.http.Http.Response;
import org.concord.testsupport.kafka.TopicRecords;
import org.concord.testsupport.security.Tokens;
import org.concord.testsupport.seed.NanningSigning;
import org.concord.testsupport.seed.SeedMou;
import org.concord.testsupport.system.ConcordSystem;
import org.concord.testsupport.webhooks.WebhookReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What an operator watches, on the whole system after a signature sent with a {@code traceparent} of the caller's:
 * one trace from the request to the webhook, a Prometheus scrape of every service that promtool accepts and that
 * shows the pipeline at work, and a Grafana dashboard whose every panel queries meters the services export.
 */
class WatchingItRunTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String SIGNATURE_RECORDED = "concord.agreement.signature-recorded";

    private static WebhookReceiver receiver;
    private static ConcordSystem concord;
    private static String traceId;
    private static String callerSpanId;
    private static ConsumerRecord<String, String> signatureRecorded;

    @BeforeAll
    static void signWithATraceparentOfTheCallers() {
        receiver = WebhookReceiver.start();
        Map<String, Object> notifications = new LinkedHashMap<>(TracingCapture.settings());
        notifications.putAll(Map.of("concord.webhooks.allowed-hosts", "localhost,127.0.0.1",
                "concord.webhooks.poll-interval", "100ms", "concord.metrics.refresh-interval", "500ms"));
        Map<String, Object> others = new LinkedHashMap<>(TracingCapture.settings());
        others.put("concord.metrics.refresh-interval", "500ms");
        concord = TheServices.builder()
                .settings(TheServices.AGREEMENTS, others)
                .settings(TheServices.REGIONS, others)
                .settings(TheServices.NOTIFICATIONS, notifications)
                .start();
        Http regions = concord.service(TheServices.REGIONS).http();
        Http agreements = concord.service(TheServices.AGREEMENTS).http();
        Response subscription = concord.service(TheServices.NOTIFICATIONS).http().post("/api/subscriptions", Tokens.admin(),
                Map.of("url", receiver.url(), "eventTypes", List.of(SIGNATURE_RECORDED), "regions", List.of()));
        assertThat(subscription.status()).as("subscription %s", subscription).isEqualTo(201);

        NanningSigning nanning = NanningSigning.against(regions, agreements);
        Response opened = nanning.opened();
        String id = opened.body().path("id").asString();
        String party = SeedMou.PARTIES.get(0);
        traceId = HexFormat.of().formatHex(randomBytes(16));
        callerSpanId = HexFormat.of().formatHex(randomBytes(8));
        Response signed = agreements.post("/api/agreements/" + id + "/signatures", Tokens.signatory(party),
                SeedMou.signature(party, opened.body().path("contentHash").asString(), nanning.signingAuthority(party)),
                Map.of("traceparent", "00-" + traceId + "-" + callerSpanId + "-01"));
        assertThat(signed.status()).as("signature: %s", signed).isEqualTo(200);
        signatureRecorded = TopicRecords.await(concord.topics().agreements(),
                keyed(id).and(record -> SIGNATURE_RECORDED.equals(header(record, "ce_type"))), 1, PATIENCE).get(0);
    }

    @AfterAll
    static void stop() {
        if (concord != null) {
            concord.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void a_signature_is_one_trace_from_the_request_through_every_service_to_the_webhook() {
        assertThat(header(signatureRecorded, "traceparent")).as("the record on agreements.v1").contains(traceId);
        WebhookReceiver.Received webhook = await("the webhook of the signature").atMost(PATIENCE)
                .until(() -> receiver.received().stream()
                        .filter(request -> header(signatureRecorded, "ce_id").equals(request.webhookId())).findFirst(),
                        Optional::isPresent).get();
        assertThat(webhook.header("traceparent")).as("the webhook's traceparent").startsWith("00-" + traceId + "-");

        SpanData request = span("the request's server span", SpanKind.SERVER, TheServices.AGREEMENTS, callerSpanId);
        assertThat(request.getName()).contains("/api/agreements/{id}/signatures");
        SpanData publish = span("the relay's publish span", SpanKind.PRODUCER, TheServices.AGREEMENTS, request.getSpanId());
        assertThat(TracingCapture.spans()).as("no other span of the trace in agreements-service")
                .filteredOn(span -> span.getTraceId().equals(traceId) && TheServices.AGREEMENTS.equals(serviceOf(span)))
                .extracting(SpanData::getSpanId).containsExactlyInAnyOrder(request.getSpanId(), publish.getSpanId());
        assertThat(publish.getName()).isEqualTo("publish " + concord.topics().agreements());
        assertThat(header(signatureRecorded, "traceparent")).as("the record carries the publish span")
                .isEqualTo("00-" + traceId + "-" + publish.getSpanId() + "-01");
        span("regions-service's consumer span", SpanKind.CONSUMER, TheServices.REGIONS, publish.getSpanId());
        SpanData consumed = span("notifications-service's consumer span", SpanKind.CONSUMER, TheServices.NOTIFICATIONS,
                publish.getSpanId());
        SpanData function = span("notifications-service's function span", SpanKind.INTERNAL, TheServices.NOTIFICATIONS,
                consumed.getSpanId());
        assertThat(function.getName()).isEqualTo("agreementEvents process");
        SpanData post = span("the webhook POST", SpanKind.CLIENT, TheServices.NOTIFICATIONS, function.getSpanId());
        assertThat(post.getName()).isEqualTo("webhook POST");
        assertThat(webhook.header("traceparent")).as("the receiver sees the POST's span")
                .isEqualTo("00-" + traceId + "-" + post.getSpanId() + "-01");

        // what a consumer's work publishes further carries the trace on: the delivery's outcome on notifications.v1
        ConsumerRecord<String, String> outcome = TopicRecords.await(concord.topics().notifications(),
                record -> Http.JSON.readTree(record.value()).path("eventId").asString()
                        .equals(header(signatureRecorded, "ce_id")), 1, PATIENCE).get(0);
        assertThat(header(outcome, "traceparent")).contains(traceId);
    }

    @Test
    void every_scrape_passes_promtool_and_shows_the_pipeline_at_work() throws Exception {
        Path promtool = Path.of("/usr/bin/promtool");
        assumeTrue(Files.isExecutable(promtool) || onPath("promtool"),
                "promtool is not installed (Debian: apt-get install -y prometheus; .ci/run installs it)");
        for (String service : List.of(TheServices.AGREEMENTS, TheServices.REGIONS, TheServices.NOTIFICATIONS)) {
            Scrape scrape = scrape(service);
            Files.createDirectories(Path.of("target", "scrapes"));
            Files.writeString(Path.of("target", "scrapes", service + ".txt"), scrape.text());
            Process check = new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true).start();
            try (var in = check.getOutputStream()) {
                in.write(scrape.text().getBytes(StandardCharsets.UTF_8));
            }
            String said = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(check.waitFor()).as("promtool check metrics of %s said:%n%s", service, said).isZero();
            assertThat(scrape.names()).as(service + "'s scrape").contains("http_server_requests_seconds_count",
                    "jvm_memory_used_bytes", "r2dbc_pool_acquired_connections", "concord_outbox_backlog_rows",
                    "concord_outbox_oldest_age_seconds", "concord_consumer_lag_records", "concord_consumer_records_total");
        }
        await("the pipeline's meters after the signature").atMost(PATIENCE).untilAsserted(() -> {
            Scrape agreements = scrape(TheServices.AGREEMENTS);
            assertThat(agreements.sum("concord_agreements_signatures_total")).isGreaterThanOrEqualTo(1);
            assertThat(agreements.sum("concord_agreements", "status=\"OPEN\"")).isGreaterThanOrEqualTo(1);
            assertThat(agreements.sum("concord_outbox_relay_publish_seconds_count")).isPositive();
            assertThat(agreements.sum("concord_outbox_relay_batch_size_rows_sum")).isPositive();
            assertThat(agreements.sum("concord_outbox_relay_delay_seconds_count")).isPositive();
            assertThat(agreements.sum("concord_consumer_records_total", "outcome=\"applied\"")).isPositive();
            assertThat(agreements.samples()).as("lag per group and partition").containsKey(lagOf(TheServices.AGREEMENTS,
                    concord.topics().regions(), 0));
            Scrape regions = scrape(TheServices.REGIONS);
            assertThat(regions.sum("concord_consumer_records_total", "consumer=\"regions-service.agreementEvents\"",
                    "outcome=\"applied\"")).isPositive();
            assertThat(regions.sum("concord_outbox_relay_publish_seconds_count")).isPositive();
            Scrape notifications = scrape(TheServices.NOTIFICATIONS);
            assertThat(notifications.sum("concord_consumer_records_total",
                    "consumer=\"notifications-service.agreementEvents\"", "outcome=\"applied\"")).isPositive();
            assertThat(notifications.sum("concord_webhook_attempts_seconds_count", "outcome=\"delivered\"",
                    "attempt=\"1\"")).isPositive();
            assertThat(notifications.has("concord_feed_readers")).isTrue();
            assertThat(notifications.has("concord_dead_letters_records")).isTrue();
            assertThat(notifications.has("concord_webhook_pending_deliveries")).isTrue();
            assertThat(notifications.has("concord_webhook_oldest_due_age_seconds")).isTrue();
        });
    }

    @Test
    void every_panel_of_the_dashboard_queries_meters_the_services_export() {
        Dashboard dashboard = Dashboard.read();
        assertThat(dashboard.panels()).extracting(Dashboard.Panel::title).contains("Signing rate", "HTTP p99 latency",
                "Outbox: age of the oldest unpublished event", "Webhook queue: age of the oldest due delivery",
                "Webhook queue: pending deliveries", "Consumer lag", "Dead letters", "Webhook success",
                "Webhook latency p99");
        await("a scrape with every meter the dashboard reads").atMost(PATIENCE).untilAsserted(() -> {
            Set<String> exported = new TreeSet<>();
            List.of(TheServices.AGREEMENTS, TheServices.REGIONS, TheServices.NOTIFICATIONS)
                    .forEach(service -> exported.addAll(scrape(service).names()));
            for (Dashboard.Panel panel : dashboard.panels()) {
                for (String query : panel.queries()) {
                    assertThat(Dashboard.metrics(query)).as("panel '%s' queries %s", panel.title(), query)
                            .isNotEmpty().isSubsetOf(exported);
                }
            }
        });
    }

    @Test
    void the_dashboard_check_finds_a_meter_nobody_exports() {
        assertThat(Dashboard.metrics("histogram_quantile(0.99, sum by (le, application) "
                + "(rate(http_server_requests_seconds_bucket{status=~\"5..\"}[$__rate_interval])))"))
                .containsExactly("http_server_requests_seconds_bucket");
        assertThat(Dashboard.metrics("sum(rate(concord_webhook_attempt_total[5m])) / sum(concord_feed_readers)"))
                .containsExactly("concord_feed_readers", "concord_webhook_attempt_total");
    }

    private static String lagOf(String service, String topic, int partition) {
        return "concord_consumer_lag_records{application=\"" + service + "\",group=\"" + concord.service(service).context()
                .getEnvironment().getProperty("concord.messaging.group") + "\",partition=\"" + partition + "\",topic=\""
                + topic + "\"}";
    }

    /** The service's Prometheus scrape, as an admin reads it on the API's port. */
    static Scrape scrape(String service) {
        Http http = concord.service(service).http();
        Response response = http.send(http.request("/actuator/prometheus", Tokens.admin())
                .setHeader("Accept", "text/plain;version=0.0.4"));
        assertThat(response.status()).as("scrape of %s: %s", service, response).isEqualTo(200);
        return Scrape.of(service, response.text());
    }

    private static boolean onPath(String command) {
        return java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }

    /** The one span of the trace of this kind, in this service, under this parent (waits until it is exported). */
    private static SpanData span(String what, SpanKind kind, String service, String parentSpanId) {
        try {
            return await(what).atMost(PATIENCE).until(() -> TracingCapture.spans().stream()
                    .filter(span -> span.getTraceId().equals(traceId) && span.getKind() == kind
                            && service.equals(serviceOf(span)) && span.getParentSpanId().equals(parentSpanId))
                    .toList(), spans -> spans.size() == 1).get(0);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("no single " + what + " (" + kind + " in " + service + ", child of " + parentSpanId
                    + ") in trace " + traceId + ", whose spans are:\n" + String.join("\n", TracingCapture.spans().stream()
                            .filter(span -> span.getTraceId().equals(traceId))
                            .map(span -> serviceOf(span) + " " + span.getKind() + " '" + span.getName() + "' "
                                    + span.getSpanId() + " <- " + span.getParentSpanId())
                            .toList()), e);
        }
    }

    private static String serviceOf(SpanData span) {
        return span.getResource().getAttribute(AttributeKey.stringKey("service.name"));
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
