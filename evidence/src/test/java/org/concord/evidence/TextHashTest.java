package org.concord.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

class TextHashTest {

    @Test
    void the_seed_mou_hashes_to_the_content_hash_agreements_service_fixes() {
        // both values from agreements-service/docs/content-hash.md, computed there with Python
        String canonical = "{\"areas\":[\"CROSS_BORDER_E_COMMERCE\",\"E_COMMERCE\"],\"commitments\":[\"Enhance exchanges"
                + " and cooperation in Silk Road e-commerce\",\"Explore the potential for trade cooperation between"
                + " China and ASEAN nations\",\"Exchange e-commerce expertise\",\"Facilitate the entry of high-quality"
                + " products from ASEAN countries into China\",\"Boost consumption upgrading\"],\"convener\":\"CN-GX\","
                + "\"counterpart\":\"ASEAN\",\"kind\":\"MOU\",\"parties\":[\"CN-CQ\",\"CN-GS\",\"CN-GX\",\"CN-GZ\",\"CN-NM\","
                + "\"CN-NX\",\"CN-QH\",\"CN-SC\",\"CN-SN\",\"CN-XJ\",\"CN-XZ\",\"CN-YN\"],\"signingEvent\":{\"date\":"
                + "\"2024-09-24\",\"name\":\"2024 China-ASEAN Silk Road (Cross-border) E-commerce Open Cooperation"
                + " Promotion Event\",\"venue\":\"Nanning\"},\"summary\":\"Twelve provincial-level regions pledge exchanges"
                + " and cooperation in e-commerce and cross-border e-commerce with ASEAN.\",\"term\":{\"effectiveFrom\":"
                + "\"2024-09-24\",\"until\":null},\"title\":\"Memorandum of Understanding on Silk Road E-commerce"
                + " Cooperation with ASEAN\"}";

        assertThat(TextHash.canonicalForm(NanningEvidence.text())).isEqualTo(canonical);
        assertThat(TextHash.of(NanningEvidence.text()))
                .isEqualTo("sha256:f97dab985986b9b47007836a4afdd5f8f2be2ebb5d2e585d0e40a1a869205760");
    }

    @Test
    void the_order_of_areas_and_parties_is_not_part_of_the_text_but_the_order_of_commitments_is() {
        var text = NanningEvidence.text();
        var parties = new ArrayList<>(NanningEvidence.PARTIES);
        Collections.reverse(parties);
        text.put("parties", parties);
        text.put("areas", List.of("CROSS_BORDER_E_COMMERCE", "E_COMMERCE"));
        assertThat(TextHash.of(text)).isEqualTo(NanningEvidence.SEED_CONTENT_HASH);

        var commitments = new ArrayList<>((List<?>) text.get("commitments"));
        Collections.swap(commitments, 0, 1);
        text.put("commitments", commitments);
        assertThat(TextHash.of(text)).isNotEqualTo(NanningEvidence.SEED_CONTENT_HASH);
    }

    @Test
    void every_member_counts_even_when_null() {
        var text = NanningEvidence.text();
        text.put("counterpart", null);
        String withNull = TextHash.of(text);
        text.remove("counterpart");

        assertThat(withNull).isNotEqualTo(NanningEvidence.SEED_CONTENT_HASH);
        assertThat(TextHash.of(text)).isNotEqualTo(withNull);
    }

    @Test
    void parties_that_are_not_an_array_of_strings_are_refused() {
        var text = NanningEvidence.text();
        text.put("parties", List.of("CN-GX", 7));
        assertThatThrownBy(() -> TextHash.of(text)).isInstanceOf(EvidenceException.class)
                .hasMessage("text.parties must hold strings only");
        text.put("parties", "CN-GX");
        assertThatThrownBy(() -> TextHash.of(text)).hasMessage("text.parties must be an array");
    }
}
