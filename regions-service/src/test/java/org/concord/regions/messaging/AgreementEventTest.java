package org.concord.regions.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.concord.platform.cloudevents.InvalidCloudEventException;
import org.concord.regions.portfolio.AgreementView;
import org.concord.testsupport.contract.ContractExample;
import org.concord.testsupport.contract.ContractExamples;
import org.concord.testsupport.contract.EventContract;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** This service's reading of the agreement events, checked against the contract's examples (no broker needed). */
class AgreementEventTest {

    private final JsonMapper json = JsonMapper.builder().build();

    AgreementView read(ContractExample example) {
        return json.readValue(example.data(), AgreementEvent.class).toView();
    }

    @Test
    void every_agreement_example_of_the_contract_reads_as_a_snapshot() {
        var types = EventContract.eventTypes().stream().filter(type -> type.startsWith("concord.agreement.")).toList();

        assertThat(types).hasSize(8);
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
        assertThatThrownBy(() -> json.readValue("{\"reason\": \"x\"}", AgreementEvent.class).toView())
                .isInstanceOf(InvalidCloudEventException.class);
        assertThatThrownBy(() -> json.readValue("{\"agreement\": {\"id\": \"x\"}}", AgreementEvent.class).toView())
                .isInstanceOf(InvalidCloudEventException.class);
    }

    @Test
    void only_a_newer_version_supersedes_the_stored_snapshot() {
        assertThat(AgreementView.supersedes(1, null)).isTrue();
        assertThat(AgreementView.supersedes(3, 2L)).isTrue();
        assertThat(AgreementView.supersedes(2, 2L)).isFalse();
        assertThat(AgreementView.supersedes(1, 14L)).isFalse();
    }
}
