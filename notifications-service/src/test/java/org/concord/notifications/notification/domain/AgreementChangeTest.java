package org.concord.notifications.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.concord.testsupport.contract.ContractExamples;
import org.junit.jupiter.api.Test;

/** Who hears of a change: read from the contract's examples. */
class AgreementChangeTest {

    private static final List<String> NANNING_PARTIES = List.of("CN-GX", "CN-SC", "CN-SN", "CN-YN", "CN-GZ", "CN-XZ",
            "CN-CQ", "CN-NM", "CN-GS", "CN-QH", "CN-XJ", "CN-NX");

    private static AgreementChange change(String type) {
        return NotificationMessagesTest.event(ContractExamples.example(type));
    }

    @Test
    void every_party_hears_of_entry_into_force_and_amendments() {
        assertThat(change("concord.agreement.entered-into-force").recipients()).isEqualTo(NANNING_PARTIES);
        assertThat(change("concord.agreement.amendment-opened").recipients()).isEqualTo(NANNING_PARTIES);
        assertThat(change("concord.agreement.amendment-adopted").recipients()).isEqualTo(NANNING_PARTIES);
    }

    @Test
    void a_region_the_snapshot_lists_twice_hears_of_the_change_once() {
        AgreementChange twice = NotificationMessagesTest.event(ContractExamples.example("concord.agreement.entered-into-force")
                .withData(data -> {
                    var parties = data.withObject("agreement").withArray("parties");
                    parties.add(parties.get(0).deepCopy());
                    return data;
                }));

        assertThat(twice.agreement().parties()).hasSize(13);
        assertThat(twice.recipients()).isEqualTo(NANNING_PARTIES);
    }

    @Test
    void the_other_parties_hear_of_a_notice_of_withdrawal_and_the_party_giving_it_is_not_told_its_own() {
        AgreementChange notified = change("concord.agreement.withdrawal-notified");

        assertThat(notified.partyRegions()).as("still a party during its notice").contains("CN-XJ").hasSize(12);
        assertThat(notified.recipients()).hasSize(11).doesNotContain("CN-XJ");
    }

    @Test
    void a_party_that_withdrew_is_no_party_any_more_but_its_subscriptions_still_hear_that_it_left() {
        AgreementChange withdrawn = change("concord.agreement.party-withdrawn");

        assertThat(withdrawn.partyRegions()).hasSize(11).doesNotContain("CN-XJ");
        assertThat(withdrawn.recipients()).isEqualTo(withdrawn.partyRegions());
        assertThat(withdrawn.concernedRegions()).hasSize(12).contains("CN-XJ");
    }

    @Test
    void the_other_party_hears_of_an_objection_to_the_renewal() {
        assertThat(change("concord.agreement.renewal-objected").recipients()).containsExactly("CN-YN");
        assertThat(change("concord.agreement.renewed").recipients()).containsExactly("CN-GX", "CN-YN");
    }
}
