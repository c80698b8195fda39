package org.concord.testsupport.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/** The contract module is complete and consistent: every event type has its AsyncAPI message, schema and example. */
class ContractCatalogueTest {

    /** The event types of docs/events.md, by topic. */
    private static final Map<String, List<String>> TYPES_BY_TOPIC = Map.of(
            "regions.v1", List.of("concord.region.registered", "concord.region.updated", "concord.region.deactivated"),
            "agreements.v1", List.of("concord.agreement.drafted", "concord.agreement.opened",
                    "concord.agreement.signature-recorded", "concord.agreement.signed", "concord.agreement.party-acceded",
                    "concord.agreement.withdrawn", "concord.agreement.terminated", "concord.agreement.expired",
                    "concord.agreement.entered-into-force", "concord.agreement.withdrawal-notified",
                    "concord.agreement.party-withdrawn", "concord.agreement.amendment-opened",
                    "concord.agreement.amendment-signed", "concord.agreement.amendment-adopted",
                    "concord.agreement.term-ending", "concord.agreement.renewal-objected", "concord.agreement.renewed"),
            "notifications.v1", List.of("concord.notification.delivered", "concord.notification.failed"));

    private static Map<String, Object> asyncApi;

    @BeforeAll
    static void readAsyncApi() throws IOException {
        try (InputStream in = resource("contract/asyncapi.yaml")) {
            asyncApi = new Yaml().load(in);
        }
    }

    static Stream<String> designTypes() {
        return TYPES_BY_TOPIC.values().stream().flatMap(List::stream);
    }

    @Test
    void the_contract_knows_exactly_the_twenty_two_event_types_of_the_design() {
        assertThat(EventContract.eventTypes()).containsExactlyInAnyOrderElementsOf(designTypes().toList());
        assertThat(EventContract.eventTypes()).hasSize(22);
    }

    @Test
    void the_asyncapi_document_is_version_3_with_the_three_topics_and_their_retention() {
        assertThat(asyncApi.get("asyncapi")).isEqualTo("3.0.0");
        Map<String, Object> channels = map(asyncApi, "channels");
        assertThat(channels.values().stream().map(channel -> asMap(channel).get("address")).toList())
                .containsExactlyInAnyOrder("regions.v1", "agreements.v1", "notifications.v1");

        assertThat(topicConfiguration("regions.v1").get("cleanup.policy")).isEqualTo(List.of("compact"));
        assertThat(topicConfiguration("agreements.v1").get("retention.ms")).isEqualTo(-1);
        assertThat(topicConfiguration("notifications.v1").get("retention.ms")).isEqualTo(7 * 24 * 60 * 60 * 1000);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("designTypes")
    void every_event_type_has_an_asyncapi_message_on_its_topic_with_cloudevents_headers_schema_and_example(String ceType) {
        Map<String, Object> message = messageNamed(ceType);
        String topic = TYPES_BY_TOPIC.entrySet().stream()
                .filter(entry -> entry.getValue().contains(ceType)).findFirst().orElseThrow().getKey();

        assertThat(EventContract.topicOf(ceType)).isEqualTo(topic);
        assertThat(message.get("headers").toString())
                .contains("./schemas/cloudevents-headers.schema.json")
                .contains("const=" + ceType);
        assertThat(map(message, "payload").get("$ref")).isEqualTo("./schemas/" + ceType + ".schema.json");
        assertThat(message.get("examples").toString())
                .contains("./examples/" + ceType + ".json#/headers")
                .contains("./examples/" + ceType + ".json#/data");
        assertThat(resourceExists("contract/schemas/" + ceType + ".schema.json")).as("schema of " + ceType).isTrue();
        assertThat(resourceExists("contract/examples/" + ceType + ".json")).as("example of " + ceType).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("designTypes")
    void every_event_type_is_sent_by_exactly_one_operation(String ceType) {
        Map<String, Object> operations = map(asyncApi, "operations");
        long senders = operations.values().stream().map(ContractCatalogueTest::asMap)
                .filter(operation -> "send".equals(operation.get("action")))
                .filter(operation -> operation.get("messages").toString().contains("/messages/" + messageKey(ceType) + "}"))
                .count();

        assertThat(senders).as("operations sending " + ceType).isEqualTo(1);
    }

    @Test
    void every_local_reference_of_the_asyncapi_document_resolves_to_a_file_on_the_classpath() {
        Set<String> references = new LinkedHashSet<>();
        collectReferences(asyncApi, references);

        assertThat(references).isNotEmpty();
        for (String reference : references) {
            String file = reference.replaceFirst("^\\./", "").replaceFirst("#.*$", "");
            assertThat(resourceExists("contract/" + file)).as(reference).isTrue();
        }
    }

    @Test
    void every_schema_file_is_draft_2020_12_and_every_relative_reference_resolves() throws Exception {
        Path schemas = directory("contract/schemas");
        try (Stream<Path> files = Files.list(schemas)) {
            for (Path file : files.toList()) {
                Map<String, Object> schema = new Yaml().load(Files.readString(file));
                assertThat(schema.get("$schema")).as(file.getFileName().toString())
                        .isEqualTo("https://json-schema.org/draft/2020-12/schema");
                Set<String> references = new LinkedHashSet<>();
                collectReferences(schema, references);
                for (String reference : references) {
                    assertThat(Files.exists(schemas.resolve(reference.replaceFirst("#.*$", ""))))
                            .as(file.getFileName() + " -> " + reference).isTrue();
                }
            }
        }
    }

    @Test
    void there_is_no_example_without_an_event_type() throws Exception {
        try (Stream<Path> files = Files.list(directory("contract/examples"))) {
            assertThat(files.map(file -> file.getFileName().toString().replaceFirst("\\.json$", "")))
                    .containsExactlyInAnyOrderElementsOf(EventContract.eventTypes());
        }
    }

    @Test
    void examples_are_distinct_events_with_unique_ids() {
        assertThat(ContractExamples.all()).extracting(ContractExample::ceId).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(UUID.fromString(id).toString()).isEqualTo(id));
    }

    @Test
    void examples_tell_the_nanning_mou_of_24_september_2024() {
        ContractExample signed = ContractExamples.example("concord.agreement.signed");
        var agreement = signed.dataNode().path("agreement");

        assertThat(agreement.path("convener").asString()).isEqualTo("CN-GX");
        assertThat(agreement.path("counterpart").asString()).isEqualTo("ASEAN");
        assertThat(agreement.path("parties").values()).extracting(party -> party.path("region").asString())
                .containsExactly("CN-GX", "CN-SC", "CN-SN", "CN-YN", "CN-GZ", "CN-XZ", "CN-CQ", "CN-NM", "CN-GS",
                        "CN-QH", "CN-XJ", "CN-NX");
        assertThat(signed.dataNode().path("concludedAt").asString()).startsWith("2024-09-24");
    }

    private static Map<String, Object> topicConfiguration(String address) {
        Map<String, Object> channel = map(asyncApi, "channels").values().stream().map(ContractCatalogueTest::asMap)
                .filter(candidate -> address.equals(candidate.get("address"))).findFirst().orElseThrow();
        return map(map(map(channel, "bindings"), "kafka"), "topicConfiguration");
    }

    private static Map<String, Object> messageNamed(String ceType) {
        return asMap(map(map(asyncApi, "components"), "messages").get(messageKey(ceType)));
    }

    /** The key of the message in components.messages whose name is the type. */
    private static String messageKey(String ceType) {
        return map(map(asyncApi, "components"), "messages").entrySet().stream()
                .filter(entry -> ceType.equals(asMap(entry.getValue()).get("name")))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no AsyncAPI message named " + ceType));
    }

    private static void collectReferences(Object node, Set<String> references) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if ("$ref".equals(key) && value instanceof String reference && !reference.startsWith("#")) {
                    references.add(reference);
                } else {
                    collectReferences(value, references);
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collectReferences(item, references));
        }
    }

    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        return asMap(parent.get(key));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static boolean resourceExists(String resource) {
        return ContractCatalogueTest.class.getClassLoader().getResource(resource) != null;
    }

    private static InputStream resource(String resource) {
        return ContractCatalogueTest.class.getClassLoader().getResourceAsStream(resource);
    }

    /** The contract's resource folder; the contract module is installed as a jar, so it is read through the filesystem of that jar. */
    private static Path directory(String resource) throws IOException, URISyntaxException {
        URL url = ContractCatalogueTest.class.getClassLoader().getResource(resource);
        assertThat(url).as(resource).isNotNull();
        if ("jar".equals(url.getProtocol())) {
            try {
                java.nio.file.FileSystems.newFileSystem(url.toURI(), Map.of());
            } catch (java.nio.file.FileSystemAlreadyExistsException alreadyOpen) {
                // opened by an earlier test
            }
        }
        return Path.of(url.toURI());
    }
}
