package org.concord.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * No byte of a bundle can change unnoticed: for every position of a small bundle (two signatures, one EdDSA, one
 * by bearer token; five entries; the ES256 checkpoint; the keys), one bit flipped there makes the bundle fail. This
 * covers what no single tampering test names: a byte of a key, of a member name, of a number, of the format.
 * (The bundle is written compact: a flipped space or newline between values is no longer JSON, see JsonTest.)
 */
class EveryByteTest {

    @Test
    void a_bit_flipped_anywhere_in_a_bundle_makes_it_fail() {
        // the signature of CN-SC is EdDSA, the checkpoint ES256: both algorithms, and as few verifications as that
        EvidenceBundle bundle = NanningEvidence.signing().signers("CN-SC", "CN-SN").withBearerTokenOnly("CN-SN").build();
        byte[] original = Json.write(bundle.toJson()).getBytes(StandardCharsets.UTF_8);
        Verifier verifier = new Verifier();
        assertThat(verifier.verify(original).passed()).isTrue();

        List<String> unnoticed = new ArrayList<>();
        for (int i = 0; i < original.length; i++) {
            byte[] flipped = original.clone();
            flipped[i] ^= 1;
            if (verifier.verify(flipped).passed()) {
                unnoticed.add(i + ": " + context(original, i));
            }
        }

        assertThat(original.length).isGreaterThan(3000);
        assertThat(unnoticed).isEmpty();
    }

    private static String context(byte[] bytes, int i) {
        int from = Math.max(0, i - 30);
        int to = Math.min(bytes.length, i + 30);
        return new String(bytes, from, to - from, StandardCharsets.UTF_8).replace('\n', ' ');
    }
}
