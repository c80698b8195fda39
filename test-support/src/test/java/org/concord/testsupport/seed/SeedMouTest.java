package org.concord.testsupport.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The seed MoU is the article's: twelve parties in its order, Guangxi convening, five commitments, Nanning. */
@SuppressWarnings("unchecked")
class SeedMouTest {

    @Test
    void the_draft_is_the_mou_signed_in_nanning() {
        Map<String, Object> draft = SeedMou.draft();

        assertThat(SeedMou.PARTIES).hasSize(12).startsWith("CN-GX", "CN-SC", "CN-SN", "CN-YN").endsWith("CN-NX");
        assertThat(draft).containsEntry("convener", "CN-GX").containsEntry("counterpart", "ASEAN")
                .containsEntry("title", SeedMou.TITLE);
        assertThat((Map<String, Object>) draft.get("signingEvent")).containsEntry("venue", "Nanning").containsEntry("date", "2024-09-24");
        assertThat(SeedMou.COMMITMENTS).hasSize(5);
    }

    @Test
    void a_demo_run_drafts_under_a_title_of_its_own_and_leaves_the_seed_alone() {
        Map<String, Object> run = SeedMou.draft("MoU (demo run 2024-09-24 02:00:00 UTC)");

        assertThat(run).containsEntry("title", "MoU (demo run 2024-09-24 02:00:00 UTC)");
        assertThat(SeedMou.draft()).containsEntry("title", SeedMou.TITLE);
        assertThat(run.get("parties")).isEqualTo(List.copyOf(SeedMou.PARTIES));
    }

    @Test
    void a_signature_names_the_department_that_signs() {
        Map<String, Object> signature = SeedMou.signature("CN-YN", "sha256:abc", "Department of Commerce of Yunnan Province");

        assertThat(signature).containsEntry("party", "CN-YN").containsEntry("contentHash", "sha256:abc");
        assertThat((Map<String, Object>) signature.get("signatory")).containsEntry("organisation", "Department of Commerce of Yunnan Province");
        assertThat(SeedMou.shortName("CN-NM")).isEqualTo("Inner Mongolia");
    }
}
