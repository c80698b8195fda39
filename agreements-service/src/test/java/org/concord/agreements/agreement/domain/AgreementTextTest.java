package org.concord.agreements.agreement.domain;

import org.concord.agreements.agreement.domain.AgreementRefusals.InvalidDraft;
import org.concord.agreements.agreement.domain.AgreementRefusals.InvalidValue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.concord.agreements.agreement.domain.SeedAgreement.GUANGXI;
import static org.concord.agreements.agreement.domain.SeedAgreement.HAINAN;
import static org.concord.agreements.agreement.domain.SeedAgreement.SICHUAN;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** What makes a well-formed agreement text. */
class AgreementTextTest {

    private static final AgreementText SEED = SeedAgreement.text();

    @Test
    void the_seed_text_is_well_formed_and_keeps_the_order_of_parties_and_commitments() {
        assertThat(SEED.parties()).containsExactlyElementsOf(SeedAgreement.PARTIES);
        assertThat(SEED.commitments()).hasSize(5).first().asString().startsWith("Enhance exchanges");
    }

    @Test
    void surrounding_whitespace_is_not_part_of_the_text_and_blank_optionals_are_absent() {
        var text = new AgreementText("  Title \n", Kind.MOU, SEED.areas(), "   ", List.of(" one "), "",
                GUANGXI, List.of(GUANGXI, SICHUAN), SEED.signingEvent(), SEED.term());

        assertThat(text.title()).isEqualTo("Title");
        assertThat(text.summary()).isNull();
        assertThat(text.counterpart()).isNull();
        assertThat(text.commitments()).containsExactly("one");
    }

    @Test
    void an_agreement_needs_at_least_two_distinct_parties() {
        assertThatThrownBy(() -> withParties(GUANGXI, List.of(GUANGXI)))
                .isInstanceOf(InvalidDraft.class).hasMessageContaining("at least two parties");
        assertThatThrownBy(() -> withParties(GUANGXI, List.of(GUANGXI, GUANGXI)))
                .isInstanceOf(InvalidDraft.class).hasMessageContaining("CN-GX more than once");
        assertThatThrownBy(() -> withParties(GUANGXI, List.of()))
                .isInstanceOf(InvalidDraft.class);
        assertThatThrownBy(() -> withParties(GUANGXI, null))
                .isInstanceOf(InvalidDraft.class);
        assertThatThrownBy(() -> withParties(GUANGXI, Arrays.asList(GUANGXI, null)))
                .isInstanceOf(InvalidDraft.class);
    }

    @Test
    void the_convener_is_one_of_the_parties() {
        assertThatThrownBy(() -> withParties(HAINAN, List.of(GUANGXI, SICHUAN)))
                .isInstanceOf(InvalidDraft.class).hasMessageContaining("convener CN-HI must be one of the parties");
    }

    @Test
    void areas_and_commitments_are_required_and_areas_are_distinct() {
        assertThatThrownBy(() -> new AgreementText("T", Kind.MOU, List.of(), null, List.of("c"), null, GUANGXI,
                List.of(GUANGXI, SICHUAN), SEED.signingEvent(), SEED.term())).isInstanceOf(InvalidDraft.class);
        assertThatThrownBy(() -> new AgreementText("T", Kind.MOU,
                List.of(CooperationArea.TRADE, CooperationArea.TRADE), null, List.of("c"), null, GUANGXI,
                List.of(GUANGXI, SICHUAN), SEED.signingEvent(), SEED.term()))
                .isInstanceOf(InvalidDraft.class).hasMessageContaining("TRADE more than once");
        assertThatThrownBy(() -> new AgreementText("T", Kind.MOU, SEED.areas(), null, List.of(), null, GUANGXI,
                List.of(GUANGXI, SICHUAN), SEED.signingEvent(), SEED.term())).isInstanceOf(InvalidDraft.class);
        assertThatThrownBy(() -> new AgreementText("T", Kind.MOU, SEED.areas(), null, List.of("ok", " "), null,
                GUANGXI, List.of(GUANGXI, SICHUAN), SEED.signingEvent(), SEED.term())).isInstanceOf(InvalidDraft.class);
    }

    @Test
    void title_kind_signing_event_and_term_are_required() {
        assertThatThrownBy(() -> new AgreementText(" ", Kind.MOU, SEED.areas(), null, SEED.commitments(), null,
                GUANGXI, SEED.parties(), SEED.signingEvent(), SEED.term())).isInstanceOf(InvalidDraft.class);
        assertThatThrownBy(() -> new AgreementText("T", null, SEED.areas(), null, SEED.commitments(), null,
                GUANGXI, SEED.parties(), SEED.signingEvent(), SEED.term())).isInstanceOf(InvalidDraft.class);
        assertThatThrownBy(() -> new AgreementText("T", Kind.MOU, SEED.areas(), null, SEED.commitments(), null,
                GUANGXI, SEED.parties(), null, SEED.term())).isInstanceOf(InvalidDraft.class);
        assertThatThrownBy(() -> new AgreementText("T", Kind.MOU, SEED.areas(), null, SEED.commitments(), null,
                GUANGXI, SEED.parties(), SEED.signingEvent(), null)).isInstanceOf(InvalidDraft.class);
        assertThatThrownBy(() -> new AgreementText("T", Kind.MOU, SEED.areas(), null, SEED.commitments(), null,
                null, SEED.parties(), SEED.signingEvent(), SEED.term())).isInstanceOf(InvalidDraft.class);
    }

    @Test
    void a_term_ends_after_it_begins() {
        LocalDate day = LocalDate.parse("2024-09-24");
        assertThatThrownBy(() -> new Term(day, day)).isInstanceOf(InvalidDraft.class)
                .hasMessageContaining("must be after");
        assertThatThrownBy(() -> new Term(day, day.minusDays(1))).isInstanceOf(InvalidDraft.class);
        assertThatThrownBy(() -> new Term(null, null)).isInstanceOf(InvalidDraft.class);
        assertThat(new Term(day, day.plusDays(1)).firstDayOutOfForce()).isEqualTo(day.plusDays(2));
        assertThat(new Term(day, null).firstDayOutOfForce()).isNull();
    }

    @Test
    void a_signing_event_and_a_signatory_are_complete() {
        assertThatThrownBy(() -> new SigningEvent("", "Nanning", LocalDate.now())).isInstanceOf(InvalidDraft.class);
        assertThatThrownBy(() -> new SigningEvent("Event", "Nanning", null)).isInstanceOf(InvalidDraft.class);
        assertThatThrownBy(() -> new Signatory("Li Wei", " ", "Department")).isInstanceOf(InvalidDraft.class);
    }

    @Test
    void region_codes_follow_iso_3166() {
        assertThat(RegionCode.of("CN-GX").value()).isEqualTo("CN-GX");
        assertThat(RegionCode.of("VN").value()).isEqualTo("VN");
        for (String bad : new String[] {"cn-gx", "CN_GX", "CN-ABCD", "C", "", null}) {
            assertThatThrownBy(() -> RegionCode.of(bad)).isInstanceOf(InvalidValue.class);
        }
    }

    @Test
    void fields_changed_are_named_in_declaration_order() {
        var other = new AgreementText("Other", Kind.MOU, SEED.areas(), SEED.summary(), SEED.commitments(),
                "VN", GUANGXI, SEED.parties(), SEED.signingEvent(), new Term(SEED.term().effectiveFrom(), LocalDate.parse("2030-01-01")));

        assertThat(SEED.fieldsChangedIn(other)).containsExactly("title", "counterpart", "term");
        assertThat(SEED.fieldsChangedIn(SEED)).isEmpty();
    }

    private static AgreementText withParties(RegionCode convener, List<RegionCode> parties) {
        return new AgreementText("T", Kind.MOU, SEED.areas(), null, SEED.commitments(), null, convener, parties,
                SEED.signingEvent(), SEED.term());
    }

    @Test
    void a_lone_surrogate_anywhere_in_the_text_is_malformed_because_it_cannot_be_hashed() {
        String lone = "Silk Road \uD83D e-commerce";

        assertThatThrownBy(() -> new AgreementText(lone, Kind.MOU, SEED.areas(), null, SEED.commitments(), null,
                GUANGXI, List.of(GUANGXI, SICHUAN), SEED.signingEvent(), SEED.term()))
                .isInstanceOf(InvalidValue.class).hasMessageContaining("title holds a lone surrogate (U+D83D at character 11)");
        assertThatThrownBy(() -> new AgreementText("Title", Kind.MOU, SEED.areas(), null, List.of("ok", "\uDE00 first"),
                null, GUANGXI, List.of(GUANGXI, SICHUAN), SEED.signingEvent(), SEED.term()))
                .isInstanceOf(InvalidValue.class).hasMessageContaining("each commitment holds a lone surrogate (U+DE00");
        assertThatThrownBy(() -> new Signatory("Li \uD800", "Director", "Department"))
                .isInstanceOf(InvalidValue.class).hasMessageContaining("signatory.name");
    }

    @Test
    void a_surrogate_pair_is_a_character_like_any_other() {
        var text = new AgreementText("Silk Road \uD83D\uDE00", Kind.MOU, SEED.areas(), null, SEED.commitments(), null,
                GUANGXI, List.of(GUANGXI, SICHUAN), SEED.signingEvent(), SEED.term());

        assertThat(ContentHash.canonicalForm(text)).contains("\"title\":\"Silk Road \uD83D\uDE00\"");
    }
}
