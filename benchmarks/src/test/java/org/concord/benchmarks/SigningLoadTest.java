package org.concord.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.concord.testsupport.seed.SeedMou;
import org.junit.jupiter.api.Test;

class SigningLoadTest {

    @Test
    void consecutive_signatures_go_to_different_agreements_and_every_party_signs_every_agreement_once() {
        List<String[]> agreements = new ArrayList<>();
        for (int i = 0; i < 2 * SigningLoad.BLOCK; i++) {
            agreements.add(new String[] {"agreement-" + i, "hash-" + i});
        }

        List<SigningLoad.Signature> order = SigningLoad.order(agreements);

        assertThat(order).hasSize(agreements.size() * SeedMou.PARTIES.size());
        assertThat(order.stream().map(SigningLoad.Signature::key).distinct()).hasSize(order.size());
        for (int i = 1; i < order.size(); i++) {
            assertThat(order.get(i).agreementId()).isNotEqualTo(order.get(i - 1).agreementId());
        }
        assertThat(order.get(0).contentHash()).isEqualTo("hash-0");
    }
}
