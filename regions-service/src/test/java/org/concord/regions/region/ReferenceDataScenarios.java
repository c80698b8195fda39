package org.concord.regions.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concord.testsupport.kafka.TopicRecords.header;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.concord.platform.messaging.ConcordTopics;
import org.concord.regions.RegionsServiceTest;
import org.concord.testsupport.contract.EventContract;
import org.concord.testsupport.kafka.TopicRecords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The registry ships with ISO 3166-2:CN and ASEAN, and publishes them for consumers starting from nothing. */
@RegionsServiceTest
abstract class ReferenceDataScenarios {

    static final List<String> ISO_3166_2_CN = List.of(
            "CN-AH", "CN-BJ", "CN-CQ", "CN-FJ", "CN-GD", "CN-GS", "CN-GX", "CN-GZ", "CN-HA", "CN-HB", "CN-HE", "CN-HI",
            "CN-HK", "CN-HL", "CN-HN", "CN-JL", "CN-JS", "CN-JX", "CN-LN", "CN-MO", "CN-NM", "CN-NX", "CN-QH", "CN-SC",
            "CN-SD", "CN-SH", "CN-SN", "CN-SX", "CN-TJ", "CN-TW", "CN-XJ", "CN-XZ", "CN-YN", "CN-ZJ");
    static final List<String> ASEAN = List.of("BN", "ID", "KH", "LA", "MM", "MY", "PH", "SG", "TH", "TL", "VN");

    @Autowired
    WebTestClient web;
    @Autowired
    ConcordTopics topics;

    record Listed(List<Map<String, Object>> items, int page, int size, long total) {
    }

    /** Every region the query finds, page after page (other tests add regions to the shared registry). */
    Listed list(String query) {
        List<Map<String, Object>> items = new ArrayList<>();
        Listed page;
        int number = 0;
        do {
            page = web.get().uri("/api/regions?size=100&page=" + number++ + "&" + query).exchange()
                    .expectStatus().isOk()
                    .expectBody(new ParameterizedTypeReference<Listed>() { })
                    .returnResult().getResponseBody();
            items.addAll(page.items());
        } while (!page.items().isEmpty() && items.size() < page.total());
        return new Listed(items, 0, items.size(), page.total());
    }

    static List<Object> codes(Listed listed) {
        return listed.items().stream().map(item -> item.get("code")).toList();
    }

    @Test
    void all_34_entries_of_iso_3166_2_cn_are_there_with_their_types() {
        Listed china = list("country=CN");
        List<Map<String, Object>> reference = china.items().stream()
                .filter(item -> ISO_3166_2_CN.contains(item.get("code"))).toList();

        assertThat(reference).extracting(item -> item.get("code")).containsExactlyElementsOf(ISO_3166_2_CN);
        Map<Object, Long> byType = reference.stream()
                .collect(Collectors.groupingBy(item -> item.get("type"), Collectors.counting()));
        assertThat(byType).containsExactlyInAnyOrderEntriesOf(Map.of(
                "PROVINCE", 23L, "AUTONOMOUS_REGION", 5L, "MUNICIPALITY", 4L, "SPECIAL_ADMINISTRATIVE_REGION", 2L));
        assertThat(reference).allSatisfy(region -> {
            assertThat((String) region.get("name")).isNotBlank();
            assertThat((String) region.get("nativeName")).isNotBlank();
            assertThat((String) region.get("capital")).isNotBlank();
            assertThat(region.get("contactEmail")).isNull();
            assertThat(region.get("active")).isEqualTo(true);
        });
    }

    @Test
    void the_eleven_members_of_asean_are_there_as_countries_including_timor_leste() {
        Listed countries = list("type=COUNTRY");

        assertThat(codes(countries)).containsAll(ASEAN);
        assertThat(countries.items()).filteredOn(item -> ASEAN.contains(item.get("code"))).allSatisfy(country -> {
            assertThat(country.get("country")).isEqualTo(country.get("code"));
            assertThat((String) country.get("nativeName")).isNotBlank();
            assertThat((String) country.get("capital")).isNotBlank();
        });
        assertThat(countries.items()).filteredOn(item -> "TL".equals(item.get("code")))
                .singleElement().satisfies(tl -> assertThat(tl.get("capital")).isEqualTo("Dili"));
    }

    @Test
    void xizang_is_the_xizang_autonomous_region_with_capital_lhasa() {
        web.get().uri("/api/regions/CN-XZ").exchange()
                .expectStatus().isOk()
                .expectHeader().valueMatches("ETag", "\"\\d+\"")
                .expectBody()
                .jsonPath("$.code").isEqualTo("CN-XZ")
                .jsonPath("$.name").isEqualTo("Xizang Autonomous Region")
                .jsonPath("$.nativeName").isEqualTo("西藏自治区")
                .jsonPath("$.type").isEqualTo("AUTONOMOUS_REGION")
                .jsonPath("$.country").isEqualTo("CN")
                .jsonPath("$.capital").isEqualTo("Lhasa")
                .jsonPath("$.signingAuthority").isEqualTo("Department of Commerce of Xizang Autonomous Region");
    }

    @Test
    void capitals_an_operator_would_check_are_right() {
        Map<String, String> expected = Map.ofEntries(
                Map.entry("CN-NM", "Hohhot"), Map.entry("CN-GX", "Nanning"), Map.entry("CN-XJ", "Urumqi"),
                Map.entry("CN-NX", "Yinchuan"), Map.entry("CN-QH", "Xining"), Map.entry("CN-GS", "Lanzhou"),
                Map.entry("CN-SN", "Xi'an"), Map.entry("CN-SC", "Chengdu"), Map.entry("CN-YN", "Kunming"),
                Map.entry("CN-GZ", "Guiyang"), Map.entry("CN-CQ", "Chongqing"), Map.entry("VN", "Hanoi"),
                Map.entry("MM", "Nay Pyi Taw"), Map.entry("LA", "Vientiane"));
        Map<Object, Object> capitals = list("").items().stream()
                .collect(Collectors.toMap(item -> item.get("code"), item -> String.valueOf(item.get("capital"))));

        expected.forEach((code, capital) -> assertThat(capitals).containsEntry(code, capital));
    }

    @Test
    void the_reference_data_is_published_as_one_registered_event_per_region() {
        Predicate<ConsumerRecord<String, String>> reference =
                record -> ISO_3166_2_CN.contains(record.key()) || ASEAN.contains(record.key());

        List<ConsumerRecord<String, String>> records = TopicRecords.await(topics.regions(),
                reference.and(record -> "concord.region.registered".equals(header(record, "ce_type"))),
                ISO_3166_2_CN.size() + ASEAN.size(), Duration.ofSeconds(30));

        Map<String, Long> perRegion = records.stream()
                .filter(record -> "concord.region.registered".equals(header(record, "ce_type")))
                .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
        assertThat(perRegion).hasSize(45).allSatisfy((code, count) -> assertThat(count).as(code).isEqualTo(1));
        records.forEach(EventContract::assertConforms);
        assertThat(records).filteredOn(record -> "CN-XZ".equals(record.key())).singleElement()
                .satisfies(record -> assertThat(record.value()).contains("\"capital\":\"Lhasa\"", "\"nativeName\":\"西藏自治区\""));
    }
}
