package org.concord.agreements.agreement.domain;

import org.concord.agreements.agreement.domain.AgreementRefusals.InvalidValue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The canonical form and hash of an agreement's text. The expected values were computed independently of this
 * code (Python: {@code json.dumps(text, sort_keys=True, separators=(',', ':'), ensure_ascii=False)}, then
 * SHA-256 of its UTF-8), as agreements-service/docs/content-hash.md shows.
 */
class ContentHashTest {

    private static final String SEED_CANONICAL_FORM = "{\"areas\":[\"CROSS_BORDER_E_COMMERCE\",\"E_COMMERCE\"],"
            + "\"commitments\":[\"Enhance exchanges and cooperation in Silk Road e-commerce\","
            + "\"Explore the potential for trade cooperation between China and ASEAN nations\","
            + "\"Exchange e-commerce expertise\","
            + "\"Facilitate the entry of high-quality products from ASEAN countries into China\","
            + "\"Boost consumption upgrading\"],"
            + "\"convener\":\"CN-GX\",\"counterpart\":\"ASEAN\",\"kind\":\"MOU\","
            + "\"parties\":[\"CN-CQ\",\"CN-GS\",\"CN-GX\",\"CN-GZ\",\"CN-NM\",\"CN-NX\",\"CN-QH\",\"CN-SC\",\"CN-SN\",\"CN-XJ\",\"CN-XZ\",\"CN-YN\"],"
            + "\"signingEvent\":{\"date\":\"2024-09-24\",\"name\":\"2024 China-ASEAN Silk Road (Cross-border) E-commerce Open Cooperation Promotion Event\",\"venue\":\"Nanning\"},"
            + "\"summary\":\"Twelve provincial-level regions pledge exchanges and cooperation in e-commerce and cross-border e-commerce with ASEAN.\","
            + "\"term\":{\"effectiveFrom\":\"2024-09-24\",\"until\":null},"
            + "\"title\":\"Memorandum of Understanding on Silk Road E-commerce Cooperation with ASEAN\"}";

    @Test
    void the_canonical_form_is_sorted_compact_json_of_the_text() {
        assertThat(ContentHash.canonicalForm(SeedAgreement.text())).isEqualTo(SEED_CANONICAL_FORM);
    }

    @Test
    void the_hash_is_sha256_hex_of_the_canonical_form() {
        assertThat(ContentHash.of(SeedAgreement.text()).value())
                .isEqualTo("sha256:f97dab985986b9b47007836a4afdd5f8f2be2ebb5d2e585d0e40a1a869205760");
    }

    @Test
    void strings_are_escaped_as_rfc_8785_does() {
        AgreementText text = retitled("Quote \" back \\ nl \n tab \t ctl \u0001 \u001f 广西 é");

        assertThat(ContentHash.canonicalForm(text))
                .endsWith("\"title\":\"Quote \\\" back \\\\ nl \\n tab \\t ctl \\u0001 \\u001f 广西 é\"}");
        assertThat(ContentHash.of(text).value())
                .isEqualTo("sha256:c1fd5fcd3f1978bd7a84a04024e50b4d9eeae148605816dad00a213335d2b3e0");
    }

    @Test
    void the_order_of_parties_and_areas_is_not_part_of_the_text() {
        AgreementText text = SeedAgreement.text();
        var parties = new ArrayList<>(text.parties());
        Collections.reverse(parties);
        var areas = new ArrayList<>(text.areas());
        Collections.reverse(areas);
        var reordered = new AgreementText(text.title(), text.kind(), areas,
                text.summary(), text.commitments(), text.counterpart(), text.convener(), parties,
                text.signingEvent(), text.term());

        assertThat(ContentHash.of(reordered)).isEqualTo(ContentHash.of(text));
    }

    @Test
    void the_order_of_commitments_is_part_of_the_text() {
        AgreementText text = SeedAgreement.text();
        var commitments = new ArrayList<>(text.commitments());
        Collections.swap(commitments, 0, 1);
        var reordered = new AgreementText(text.title(), text.kind(), text.areas(), text.summary(), commitments,
                text.counterpart(), text.convener(), text.parties(), text.signingEvent(), text.term());

        assertThat(ContentHash.of(reordered)).isNotEqualTo(ContentHash.of(text));
    }

    @Test
    void every_field_of_the_text_changes_the_hash() {
        AgreementText t = SeedAgreement.text();
        ContentHash seed = ContentHash.of(t);
        List<AgreementText> variants = List.of(
                retitled("Another title"),
                new AgreementText(t.title(), t.kind(), List.of(CooperationArea.TRADE), t.summary(), t.commitments(), t.counterpart(), t.convener(), t.parties(), t.signingEvent(), t.term()),
                new AgreementText(t.title(), t.kind(), t.areas(), "Other summary", t.commitments(), t.counterpart(), t.convener(), t.parties(), t.signingEvent(), t.term()),
                new AgreementText(t.title(), t.kind(), t.areas(), null, t.commitments(), t.counterpart(), t.convener(), t.parties(), t.signingEvent(), t.term()),
                new AgreementText(t.title(), t.kind(), t.areas(), t.summary(), List.of("One commitment"), t.counterpart(), t.convener(), t.parties(), t.signingEvent(), t.term()),
                new AgreementText(t.title(), t.kind(), t.areas(), t.summary(), t.commitments(), "VN", t.convener(), t.parties(), t.signingEvent(), t.term()),
                new AgreementText(t.title(), t.kind(), t.areas(), t.summary(), t.commitments(), t.counterpart(), SeedAgreement.SICHUAN, t.parties(), t.signingEvent(), t.term()),
                new AgreementText(t.title(), t.kind(), t.areas(), t.summary(), t.commitments(), t.counterpart(), t.convener(), t.parties().subList(0, 2), t.signingEvent(), t.term()),
                new AgreementText(t.title(), t.kind(), t.areas(), t.summary(), t.commitments(), t.counterpart(), t.convener(), t.parties(),
                        new SigningEvent(t.signingEvent().name(), "Kunming", t.signingEvent().date()), t.term()),
                new AgreementText(t.title(), t.kind(), t.areas(), t.summary(), t.commitments(), t.counterpart(), t.convener(), t.parties(), t.signingEvent(),
                        new Term(t.term().effectiveFrom(), LocalDate.parse("2029-09-23"))));

        assertThat(variants).extracting(ContentHash::of).doesNotContain(seed).doesNotHaveDuplicates();
    }

    @Test
    void a_content_hash_has_the_contract_format() {
        assertThatThrownBy(() -> ContentHash.of("sha256:ABC")).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> ContentHash.of("md5:" + "0".repeat(64))).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> ContentHash.of("sha256:" + "A".repeat(64))).isInstanceOf(InvalidValue.class);
        assertThat(ContentHash.of("sha256:" + "0".repeat(64)).value()).hasSize(71);
    }

    private static AgreementText retitled(String title) {
        AgreementText t = SeedAgreement.text();
        return new AgreementText(title, t.kind(), t.areas(), t.summary(), t.commitments(), t.counterpart(),
                t.convener(), t.parties(), t.signingEvent(), t.term());
    }
}
