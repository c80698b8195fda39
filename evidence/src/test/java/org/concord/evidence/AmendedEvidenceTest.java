package org.concord.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concord.evidence.NanningEvidence.SIGNING_ORDER;
import static org.concord.evidence.VerifierTest.history;
import static org.concord.evidence.VerifierTest.object;
import static org.concord.evidence.VerifierTest.relinkAsTheOperator;
import static org.concord.evidence.VerifierTest.renumber;

import java.util.List;
import java.util.Map;

import org.concord.evidence.VerificationReport.Finding;
import org.concord.evidence.VerificationReport.Status;
import org.junit.jupiter.api.Test;

/**
 * The evidence of an agreement amended by protocol: eleven parties sign the Nanning MoU, amend it (each signs the new
 * text's content hash with its key), and Ningxia signs late, the text then in force. Every version of the text is
 * checked against the history, each signature against the version it names, and each adoption against the parties
 * in force; a bundle of the first format still verifies as it did.
 */
class AmendedEvidenceTest {

    private static final List<String> ELEVEN = SIGNING_ORDER.subList(0, 11);
    private static final EvidenceBundle AMENDED = NanningEvidence.signing().signers(ELEVEN.toArray(String[]::new))
            .amended().lateSigners("CN-NX").build();

    private final Map<String, Object> bundle = NanningEvidence.json(AMENDED);

    @Test
    void an_amended_agreement_with_a_late_signer_verifies_version_by_version() {
        VerificationReport report = verify(bundle);

        assertThat(report.failures()).isEmpty();
        assertThat(AMENDED.versions()).extracting(TextVersion::version).containsExactly(1, 2);
        assertThat(finding(report, "version 1").message()).contains(NanningEvidence.SEED_CONTENT_HASH,
                "as opened at #2");
        assertThat(finding(report, "version 2").message())
                .contains(TextHash.of(NanningEvidence.amendedText()), "amendment 1 proposed at #");
        assertThat(report.about("amendment signature")).hasSize(11).allSatisfy(f -> {
            assertThat(f.status()).isEqualTo(Status.HOLDS);
            assertThat(f.message()).contains("JWS by key", "the text of amendment 1");
        });
        assertThat(report.about("adoption")).singleElement().satisfies(f -> assertThat(f.message())
                .contains("amendment 1 was signed by every party in force"));
        Finding late = report.about("signature CN-NX").get(0);
        assertThat(late.status()).isEqualTo(Status.HOLDS);
        assertThat(late.message()).contains("version 2 of the text");
        assertThat(report.about("signature CN-YN").get(0).message()).contains("version 1 of the text");
    }

    @Test
    void a_tampered_amendment_text_fails_its_version_with_a_clear_line() {
        var version = object(versions(bundle).get(1), "text");
        version.put("title", "A Memorandum nobody signed");

        VerificationReport report = verify(bundle);

        assertThat(report.passed()).isFalse();
        assertThat(finding(report, "version 2").status()).isEqualTo(Status.FAILS);
        assertThat(finding(report, "version 2").message()).contains("its text hashes to",
                "the bundle says " + TextHash.of(NanningEvidence.amendedText()),
                "it is not the text amendment 1 proposed");
    }

    @Test
    void a_tampered_amendment_text_in_the_history_fails_every_amendment_signature_and_the_late_one() {
        var opened = history(bundle).stream().filter(e -> e.get("type").equals("amendment-opened")).findFirst()
                .orElseThrow();
        object(object(opened, "details"), "text").put("title", "A Memorandum nobody signed");
        relinkAsTheOperator(bundle);

        VerificationReport report = verify(bundle);

        assertThat(report.passed()).isFalse();
        assertThat(finding(report, "version 2").message()).contains("it is not the text amendment 1 proposed");
        assertThat(report.about("amendment signature")).hasSize(11).allSatisfy(f -> assertThat(f.message())
                .contains("not the text of amendment 1's"));
    }

    @Test
    void an_amendment_adopted_without_one_partys_signature_fails_its_adoption() {
        var history = history(bundle);
        history.removeIf(e -> e.get("type").equals("amendment-signed")
                && VerifierTest.signatureOf(e).get("party").equals("CN-SC"));
        renumber(bundle);
        relinkAsTheOperator(bundle);
        bundle.put("versions", List.of(versions(bundle).get(0), withAdoptedAt(versions(bundle).get(1), -1)));

        VerificationReport report = verify(bundle);

        assertThat(report.passed()).isFalse();
        assertThat(report.about("adoption")).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(Status.FAILS);
            assertThat(f.message()).contains("amendment 1 was adopted without the signature of CN-SC");
        });
    }

    @Test
    void an_adoption_with_no_version_in_the_bundle_fails() {
        bundle.put("versions", List.of(versions(bundle).get(0)));

        VerificationReport report = verify(bundle);

        assertThat(finding(report, "versions").status()).isEqualTo(Status.FAILS);
        assertThat(finding(report, "versions").message()).contains("no version of the bundle is that text");
    }

    @Test
    void an_opened_text_with_no_version_in_the_bundle_fails() {
        bundle.put("versions", List.of());

        VerificationReport report = verify(bundle);

        assertThat(finding(report, "versions").message()).contains("opened the text at #2, but the bundle has no"
                + " version 1", "no version of the bundle is that text");
    }

    @Test
    void a_bundle_of_the_first_format_verifies_exactly_as_before() {
        var unamended = NanningEvidence.json(NanningEvidence.bundle());
        VerificationReport now = verify(unamended);
        unamended.put("format", EvidenceBundle.FORMAT_1);
        unamended.remove("versions");

        VerificationReport first = verify(unamended);

        assertThat(first.passed()).isTrue();
        assertThat(first.findings()).isEqualTo(now.findings().stream()
                .filter(f -> !f.subject().startsWith("version")).toList());
    }

    @Test
    void a_first_format_bundle_of_an_amended_agreement_checks_signatures_against_the_first_text_only() {
        bundle.put("format", EvidenceBundle.FORMAT_1);
        bundle.remove("versions");

        VerificationReport report = verify(bundle);

        assertThat(report.about("amendment signature")).isEmpty();
        assertThat(report.about("adoption")).isEmpty();
        assertThat(report.about("signature CN-NX").get(0).message()).contains("not the text's");
    }

    @Test
    void a_second_format_bundle_without_versions_fails() {
        bundle.remove("versions");

        assertThat(finding(verify(bundle), "versions").status()).isEqualTo(Status.FAILS);
    }

    private static Map<String, Object> withAdoptedAt(Map<String, Object> version, long delta) {
        version.put("adoptedAt", ((Number) version.get("adoptedAt")).longValue() + delta);
        return version;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> versions(Map<String, Object> bundle) {
        return (List<Map<String, Object>>) (List<?>) bundle.get("versions");
    }

    private static VerificationReport verify(Map<String, Object> bundle) {
        return new Verifier().verify(Json.writePretty(bundle));
    }

    private static Finding finding(VerificationReport report, String subject) {
        return report.findings().stream().filter(f -> f.subject().equals(subject)).findFirst()
                .orElseThrow(() -> new AssertionError("no finding about " + subject + " in\n" + report.toText()));
    }
}
