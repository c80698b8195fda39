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
