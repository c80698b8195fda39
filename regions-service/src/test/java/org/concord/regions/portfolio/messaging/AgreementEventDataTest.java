package org.concord.regions.portfolio.messaging;

import org.concord.regions.portfolio.domain.AgreementView;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.concord.testsupport.contract.ContractExample;
import org.concord.testsupport.contract.ContractExamples;
import org.concord.testsupport.contract.EventContract;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** This service's reading of the agreement events, checked against the contract's examples (no broker needed). */
class AgreementEventDataTest {

    /** As the platform's event consumers read data: properties the consumer does not know are ignored. */
    private final JsonMapper json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    AgreementView read(ContractExample example) {
        return json.readValue(example.data(), AgreementEventData.class).toView();
    }

    @Test
    void every_agreement_example_of_the_contract_reads_as_a_snapshot() {
        var types = EventContract.eventTypes().stream().filter(type -> type.startsWith("concord.agreement.")).toList();

        assertThat(types).hasSize(17);
        for (String type : types) {
            ContractExample example = ContractExamples.example(type);
            AgreementView view = read(example);
            assertThat(view.id()).as(type).isEqualTo(example.ceSubject());
            assertThat(view.status()).as(type).isNotBlank();
            assertThat(view.version()).as(type).isPositive();
            assertThat(view.parties()).as(type).isNotEmpty();
        }
    }

    @Test
    void the_signed_example_carries_every_partys_signing_state() {
        AgreementView signed = read(ContractExamples.example("concord.agreement.signed"));

        assertThat(signed.status()).isEqualTo("SIGNED");
        assertThat(signed.parties()).hasSize(12).allMatch(AgreementView.Party::signed);
        assertThat(signed.parties().get(0)).isEqualTo(
                new AgreementView.Party("CN-GX", true, Instant.parse("2024-09-24T02:10:00Z")));
    }

    @Test
    void a_withdrawal_and_an_adopted_amendment_read_with_their_dates_and_text() {
        AgreementView withdrawn = read(ContractExamples.example("concord.agreement.party-withdrawn"));
        AgreementView adopted = read(ContractExamples.example("concord.agreement.amendment-adopted"));

        assertThat(withdrawn.status()).isEqualTo("IN_FORCE");
        assertThat(withdrawn.parties()).filteredOn(party -> party.withdrawnOn() != null)
                .extracting(AgreementView.Party::region, AgreementView.Party::withdrawnOn)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("CN-XJ", java.time.LocalDate.parse("2026-05-31")));
        assertThat(withdrawn.parties().get(0).inForceSince()).isEqualTo(java.time.LocalDate.parse("2024-09-24"));
        assertThat(adopted.textVersion()).isEqualTo(2);
        assertThat(adopted.contentHash()).isEqualTo(
                ContractExamples.example("concord.agreement.amendment-adopted").dataNode().path("amendment")
                        .path("contentHash").asString());
    }

    @Test
    void a_snapshot_from_before_amendments_has_the_first_text_and_no_withdrawals() {
        AgreementView signed = read(ContractExamples.example("concord.agreement.signed"));

        assertThat(signed.textVersion()).isEqualTo(1);
        assertThat(signed.parties()).allMatch(party -> party.withdrawnOn() == null && party.inForceSince() == null);
    }

    @Test
    void properties_we_do_not_read_are_ignored() {
        ContractExample extended = ContractExamples.example("concord.agreement.drafted").withData(data -> {
            data.put("somethingNew", 42);
            data.withObjectProperty("agreement").put("anotherNewThing", "x");
            return data;
        });

        assertThat(read(extended).status()).isEqualTo("DRAFT");
    }

    @Test
    void an_event_without_a_snapshot_is_refused_as_invalid() {
        assertThatThrownBy(() -> json.readValue("{\"reason\": \"x\"}", AgreementEventData.class).toView())
                .isInstanceOf(Exception.class);
        assertThatThrownBy(() -> json.readValue("{\"agreement\": {\"id\": \"x\"}}", AgreementEventData.class).toView())
                .isInstanceOf(Exception.class);
    }
}
