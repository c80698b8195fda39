package org.concord.notifications.notification.domain;

import org.concord.notifications.region.domain.KnownRegion;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.concord.testsupport.contract.ContractExample;
import org.concord.testsupport.contract.ContractExamples;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Messages built from the contract's example events and what is known of the regions. */
class NotificationMessagesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TITLE = "'Memorandum of Understanding on Silk Road E-commerce Cooperation with ASEAN'";
    private static final Map<String, KnownRegion> KNOWN = Map.of(
            "CN-XZ", region("CN-XZ", "Xizang Autonomous Region", "Department of Commerce of Xizang Autonomous Region"),
            "CN-GX", region("CN-GX", "Guangxi Zhuang Autonomous Region", "Department of Commerce of Guangxi Zhuang Autonomous Region"));

    @Test
    void signature_names_the_signing_authority_and_the_count() {
        AgreementChange event = event(ContractExamples.example("concord.agreement.signature-recorded")
                .withData(data -> {
                    data.withObject("signature").put("party", "CN-XZ");
                    data.put("signatureCount", 7);
                    return data;
                }));

        assertThat(NotificationMessages.render(event, KNOWN))
                .isEqualTo("Department of Commerce of Xizang Autonomous Region signed " + TITLE + " (7 of 12)");
    }

    @Test
    void region_not_yet_known_falls_back_to_the_event_then_to_its_code() {
        AgreementChange event = event(ContractExamples.example("concord.agreement.signature-recorded"));
        assertThat(NotificationMessages.render(event, Map.of()))
                .isEqualTo("Department of Commerce of Sichuan Province signed " + TITLE + " (2 of 12)");

        AgreementChange anonymous = event(ContractExamples.example("concord.agreement.signature-recorded")
                .withData(data -> {
                    data.withObject("signature").withObject("signatory").putNull("organisation");
                    return data;
                }));
        assertThat(NotificationMessages.render(anonymous, Map.of())).isEqualTo("CN-SC signed " + TITLE + " (2 of 12)");
    }

    @Test
    void every_agreement_event_type_reads_as_a_sentence() {
        assertThat(render("concord.agreement.drafted"))
                .isEqualTo("Department of Commerce of Guangxi Zhuang Autonomous Region drafted " + TITLE + " for 12 parties");
        assertThat(render("concord.agreement.opened")).isEqualTo(TITLE + " is open for signature by 12 parties");
        assertThat(render("concord.agreement.signed")).isEqualTo(TITLE + " concluded: all 12 parties signed");
        assertThat(render("concord.agreement.party-acceded"))
                .isEqualTo("Department of Commerce of Hainan Province acceded to " + TITLE + " (now 13 parties)");
        assertThat(render("concord.agreement.withdrawn")).startsWith("'").contains(" was withdrawn: Merged into ");
        assertThat(render("concord.agreement.terminated")).contains(" was terminated: Superseded by ");
        assertThat(render("concord.agreement.expired")).endsWith(" expired on 2026-01-01");
    }

    @Test
    void entry_into_force_withdrawal_amendment_term_and_renewal_read_as_sentences() {
        String liveStreaming = "'Memorandum of Understanding on Cross-border E-commerce Live-streaming Cooperation'";
        assertThat(render("concord.agreement.entered-into-force")).isEqualTo(TITLE + " entered into force on 2024-09-24");
        assertThat(render("concord.agreement.withdrawal-notified")).isEqualTo("CN-XJ gave notice of withdrawal from "
                + TITLE + ", effective 2026-05-31: The region joins the China-Central Asia e-commerce cooperation framework instead");
        assertThat(render("concord.agreement.party-withdrawn"))
                .isEqualTo("CN-XJ withdrew from " + TITLE + " on 2026-05-31 (11 parties remain)");
        assertThat(render("concord.agreement.amendment-opened"))
                .isEqualTo("Amendment 1 to " + TITLE + " is open for signature by 12 parties");
        assertThat(render("concord.agreement.amendment-signed")).isEqualTo("CN-SC signed amendment 1 to " + TITLE + " (2 of 12)");
        assertThat(render("concord.agreement.amendment-adopted"))
                .isEqualTo("Amendment 1 to " + TITLE + " was adopted: the text is now version 2");
        assertThat(render("concord.agreement.term-ending")).isEqualTo(liveStreaming
                + " ends on 2025-09-23, in 90 days; it renews unless a party objects by 2025-08-24");
        assertThat(render("concord.agreement.renewal-objected")).isEqualTo("Department of Commerce of Guangxi Zhuang "
                + "Autonomous Region objected to the renewal of 'Memorandum of Understanding on Cross-border E-commerce "
                + "Talent Training': The training programme moves to the China-ASEAN digital economy cooperation framework");
        assertThat(render("concord.agreement.renewed")).isEqualTo(liveStreaming + " renewed until 2026-09-23");
    }

    @Test
    void entry_into_force_for_one_party_names_it_and_a_lost_quorum_says_why_the_agreement_ended() {
        AgreementChange ownSignature = event(ContractExamples.example("concord.agreement.entered-into-force")
                .withData(data -> data.put("rule", "ON_OWN_SIGNATURE").put("party", "CN-XZ")));
        AgreementChange quorumLost = event(ContractExamples.example("concord.agreement.terminated")
                .withData(data -> {
                    data.put("cause", "QUORUM_LOST");
                    data.withObject("agreement").put("quorum", 2);
                    return data;
                }));

        assertThat(NotificationMessages.render(ownSignature, KNOWN)).isEqualTo(
                TITLE + " entered into force for Department of Commerce of Xizang Autonomous Region on 2024-09-24");
        assertThat(NotificationMessages.render(quorumLost, KNOWN))
                .endsWith("' ended: fewer parties remain than its quorum of 2");
    }

    @Test
    void a_type_this_service_does_not_know_yet_still_reads_as_a_sentence() {
        AgreementChange future = event(ContractExamples.example("concord.agreement.signed")
                .withHeader("ce_type", "concord.agreement.suspended"));

        assertThat(NotificationMessages.render(future, KNOWN)).isEqualTo(TITLE + " changed (concord.agreement.suspended)");
    }

    private static String render(String type) {
        return NotificationMessages.render(event(ContractExamples.example(type)), KNOWN);
    }

    static AgreementChange event(ContractExample example) {
        AgreementChange.Data data = JSON.readValue(example.data(), AgreementChange.Data.class);
        return new AgreementChange(example.ceId(), example.ceType(), Instant.parse(example.headers().get("ce_time")), data);
    }

    private static KnownRegion region(String code, String name, String authority) {
        return new KnownRegion(code, name, authority, null, true, 1);
    }
}
