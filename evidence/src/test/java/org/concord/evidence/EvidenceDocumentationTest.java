package org.concord.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.concord.evidence.VerificationReport.Status;
import org.junit.jupiter.api.Test;

/**
 * docs/evidence.md tells the truth about docs/evidence-example.json: every value its worked example quotes is the
 * one this module computes from the file, and the file verifies. (After rewriting the example with
 * EvidenceExample, this test names each quote to bring up to date.)
 */
class EvidenceDocumentationTest {

    private static final Path DOCS = repositoryRoot().resolve("docs");

    private final byte[] example = read("evidence-example.json");
    private final String documentation = new String(read("evidence.md"), StandardCharsets.UTF_8);
    private final Map<String, Object> bundle = JsonFields.object(Json.parse(example), "the example");

    @Test
    void the_example_verifies_with_xizang_marked_as_signed_by_bearer_token() {
        VerificationReport report = new Verifier().verify(example);

        assertThat(report.passed()).isTrue();
        assertThat(report.withStatus(Status.UNVERIFIED)).extracting(VerificationReport.Finding::subject)
                .containsExactly("signature CN-XZ #9", "service key");
        assertThat(report.agreementId()).isEqualTo(EvidenceExample.AGREEMENT_ID);
    }

    @Test
    void the_documentation_shows_the_verifiers_report_on_the_example_as_it_is() {
        assertThat(documentation).contains(new Verifier().verify(example).toText());
    }

    @Test
    void the_documentation_quotes_the_content_hash_and_the_first_entry_with_its_hash() {
        var first = new java.util.LinkedHashMap<>(entry(1));
        String hash = (String) first.remove("hash");

        assertThat(documentation).contains("contentHash.value = \"" + TextHash.of(object(bundle, "text")) + "\"")
                .contains(CanonicalJson.canonicalize(first))
                .contains("its `hash`, `" + hash + "`")
                .contains(hash + "  -");
        assertThat(hash).isEqualTo(HashChain.hashOf(entry(1))).isEqualTo(entry(2).get("previousHash"));
    }

    @Test
    void the_documentation_quotes_yunnans_entry_jws_and_key_as_they_are() {
        Map<String, Object> entry = entry(3);
        Jws jws = Jws.parse((String) VerifierTest.signatureOf(entry).get("jws"));
        JwkSet keys = JwkSet.fromBundleJson(object(object(bundle, "regionKeys"), "CN-YN"), "CN-YN");

        assertThat(documentation).contains(Json.writePretty(entry).strip())
                .contains("header `" + Json.write(jws.header()) + "`")
                .contains("payload\n`" + new String(jws.payload(), StandardCharsets.UTF_8) + "`")
                .contains("\"x\": \"" + keys.keys().get(0).toJson().get("x") + "\"")
                .contains("thumbprint is `" + jws.verify(keys).thumbprint() + "`");
    }

    @Test
    void the_documentation_quotes_guangxis_r_and_s_and_key_as_they_are() {
        Jws jws = Jws.parse((String) VerifierTest.signatureOf(entry(5)).get("jws"));
        String signature = HexFormat.of().formatHex(Base64Url.decode(jws.compact().split("\\.")[2], "signature"));
        var key = JwkSet.fromBundleJson(object(object(bundle, "regionKeys"), "CN-GX"), "CN-GX").keys().get(0).toJson();

        assertThat(jws.header()).containsEntry("alg", "ES256");
        assertThat(documentation).contains("R = `" + signature.substring(0, 64) + "`")
                .contains("S = `" + signature.substring(64) + "`")
                .contains("\"x\": \"" + key.get("x") + "\", \"y\": \"" + key.get("y") + "\"");
    }

    @Test
    void the_documentation_quotes_the_checkpoint_as_it_is() {
        Jws checkpoint = Jws.parse((String) bundle.get("checkpoint"));

        assertThat(documentation).contains("header `" + Json.write(checkpoint.header()) + "`")
                .contains(new String(checkpoint.payload(), StandardCharsets.UTF_8));
        assertThat(HistoryHead.fromJson(bundle.get("historyHead"), "historyHead"))
                .isEqualTo(Checkpoint.fromJson(checkpoint.payloadJson()).historyHead());
    }

    private Map<String, Object> entry(int seq) {
        @SuppressWarnings("unchecked")
        var history = (List<Map<String, Object>>) (List<?>) bundle.get("history");
        return history.get(seq - 1);
    }

    private static Map<String, Object> object(Map<String, Object> parent, String member) {
        return JsonFields.object(parent.get(member), member);
    }

    private static byte[] read(String name) {
        try {
            return Files.readAllBytes(DOCS.resolve(name));
        } catch (IOException e) {
            throw new AssertionError("docs/" + name + " cannot be read", e);
        }
    }

    /** The repository root: the build runs in the module's directory. */
    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("docs/evidence.md"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new AssertionError("docs/evidence.md not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
