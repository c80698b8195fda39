package org.concord.notifications;

import org.concord.notifications.region.persistence.KnownRegions;
import org.concord.notifications.delivery.domain.Delivery;
import org.concord.notifications.delivery.persistence.DeliveryRepository;
import org.concord.notifications.notification.domain.Notification;
import org.concord.notifications.notification.persistence.NotificationRepository;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import org.concord.notifications.webhook.HostResolver;
import org.concord.platform.messaging.ConcordTopics;
import org.concord.testsupport.contract.ContractExample;
import org.concord.testsupport.contract.ContractExamples;
import org.concord.testsupport.kafka.TestKafka;
import org.concord.testsupport.security.Tokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The service with its real infrastructure (Kafka broker, database of the subclass's kind), fed with the
 * contract's example events. Retries are short here (200 ms apart), responses time out after 2 s, and only
 * "localhost" is allowlisted. Every scenario works on regions and agreements of its own, so scenarios sharing
 * the context never see each other's notifications or deliveries.
 */
@SpringBootTest(classes = NotificationsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.config.name=" + NotificationsApplication.NAME,
                "concord.webhooks.retry-schedule=0s,200ms,200ms,200ms,200ms",
                "concord.webhooks.retry-jitter=0",
                "concord.webhooks.connect-timeout=1s",
                "concord.webhooks.response-timeout=2s",
                "concord.webhooks.poll-interval=100ms",
                "concord.webhooks.allowed-hosts=localhost",
                "concord.webhooks.secret-overlap=1h",
                "concord.notifications.stream.heartbeat=1s"
        })
@Import(NotificationsIntegrationTest.RebindingDns.class)
public abstract class NotificationsIntegrationTest {

    protected static final JsonMapper JSON = JsonMapper.builder().build();
    protected static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    protected ConcordTopics topics;
    @Autowired
    protected NotificationRepository notifications;
    @Autowired
    protected DeliveryRepository deliveries;
    @Autowired
    protected KnownRegions regions;
    @Autowired
    protected DatabaseClient db;
    @LocalServerPort
    protected int port;

    /**
     * DNS for tests: a name under {@code .public.test} resolves to a public (documentation, never routed)
     * address; one under {@code .rebind.test} answers that address the first time it is asked and 127.0.0.1
     * afterwards, as a rebinding attacker's DNS would; other names resolve normally.
     */
    @TestConfiguration
    public static class RebindingDns {

        private final Set<String> asked = ConcurrentHashMap.newKeySet();

        @Bean
        @Primary
        HostResolver rebindingHostResolver() {
            return host -> {
                if (host.endsWith(".public.test")) {
                    return List.of(InetAddress.getByName("203.0.113.10"));
                }
                if (!host.endsWith(".rebind.test")) {
                    return HostResolver.system().resolve(host);
                }
                return List.of(InetAddress.getByName(asked.add(host) ? "203.0.113.10" : "127.0.0.1"));
            };
        }
    }

    /** A client of the service acting as an admin. */
    protected WebTestClient http() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(20))
                .defaultHeaders(headers -> headers.setBearerAuth(Tokens.admin())).build();
    }

    /** A region code nobody else uses in this context, e.g. {@code ZQ-7K2}. */
    protected static String newRegion() {
        var random = ThreadLocalRandom.current();
        String letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        String alnum = letters + "0123456789";
        return "Z" + letters.charAt(random.nextInt(26)) + "-" + alnum.charAt(random.nextInt(36))
                + alnum.charAt(random.nextInt(36)) + alnum.charAt(random.nextInt(36));
    }

    protected static List<String> newRegions(int count) {
        List<String> codes = new ArrayList<>();
        while (codes.size() < count) {
            String code = newRegion();
            if (!codes.contains(code)) {
                codes.add(code);
            }
        }
        return codes;
    }

    /**
     * The contract's example of {@code type} as a new event (new ce_id) about a new agreement among
     * {@code parties}; a signature, if the type has one, is by the first party.
     */
    protected static ContractExample agreementEvent(String type, List<String> parties) {
        String agreementId = UUID.randomUUID().toString();
        return ContractExamples.example(type).withNewId().withSubject(agreementId).withData(data -> {
            ObjectNode agreement = (ObjectNode) data.get("agreement");
            agreement.put("id", agreementId);
            agreement.put("convener", parties.get(0));
            ArrayNode list = agreement.putArray("parties");
            parties.forEach(code -> list.addObject().put("region", code).put("signed", false).putNull("signedAt"));
            if (data.has("signature")) {
                ((ObjectNode) data.get("signature")).put("party", parties.get(0));
            }
            if (data.has("partyCount")) {
                data.put("partyCount", parties.size());
            }
            return data;
        });
    }

    /** The same agreement's next event of {@code type} (new ce_id, same agreement id and parties). */
    protected static ContractExample nextEvent(ContractExample previous, String type) {
        JsonNode agreement = previous.dataNode().get("agreement");
        return ContractExamples.example(type).withNewId().withSubject(previous.key()).withData(data -> {
            data.set("agreement", agreement.deepCopy());
            if (data.has("partyCount")) {
                data.put("partyCount", agreement.get("parties").size());
            }
            if (data.has("signature")) {
                ((ObjectNode) data.get("signature")).put("party", agreement.get("parties").get(0).get("region").asString());
            }
            return data;
        });
    }

    protected void publish(ContractExample event) {
        TestKafka.send(event.toRecord(topics.agreements()));
    }

    /** Publishes a region snapshot on regions.v1 and waits until the replica knows it. */
    protected void publishRegion(String code, String name, String signingAuthority) {
        ContractExample region = ContractExamples.example("concord.region.registered").withNewId().withSubject(code)
                .withData(data -> data.put("code", code).put("name", name).put("signingAuthority", signingAuthority));
        TestKafka.send(region.toRecord(topics.regions()));
        await("region " + code + " in the replica").atMost(PATIENCE)
                .until(() -> regions.find(List.of(code)).block().containsKey(code));
    }

    protected List<Notification> awaitNotifications(String eventId, int count) {
        return await("notifications of event " + eventId).atMost(PATIENCE)
                .until(() -> notifications.ofEvent(eventId).collectList().block(), list -> list.size() >= count);
    }

    protected List<Delivery> deliveriesOf(String eventId) {
        return deliveries.ofEvent(eventId).collectList().block();
    }

    /** Creates a subscription through the API and returns the response body. */
    protected JsonNode subscribe(String url, List<String> eventTypes, List<String> regionCodes) {
        String body = http().post().uri("/api/subscriptions").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("url", url, "eventTypes", eventTypes, "regions", regionCodes))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(String.class).returnResult().getResponseBody();
        return JSON.readTree(body);
    }

    protected JsonNode get(String path) {
        String body = http().get().uri(path).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        return JSON.readTree(body);
    }
}
