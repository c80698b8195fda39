package org.concord.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concord.evidence.NanningEvidence.REGION_KEYS;
import static org.concord.evidence.NanningEvidence.SERVICE_KEY;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.concord.evidence.VerificationReport.Finding;
import org.concord.evidence.VerificationReport.Status;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each way of tampering with the evidence of the Nanning signing (twelve regions, each with its own key) is
 * detected, and says where. Tampering "as the operator" means the one who holds the service's key rewrites what it
 * can: re-links the chain and signs a new checkpoint; what still catches it is what does not rest on that key.
 */
class VerifierTest {

    private static final EvidenceBundle NANNING = NanningEvidence.bundle();
    private static final int ENTRIES = NANNING.history().size();

    private final Map<String, Object> bundle = NanningEvidence.json(NANNING);

    @Test
    void the_evidence_of_the_whole_nanning_signing_verifies() {
        VerificationReport report = verify(bundle);

        assertThat(report.failures()).isEmpty();
        assertThat(report.passed()).isTrue();
        assertThat(report.agreementId()).isEqualTo(NANNING.agreementId());
        assertThat(status(report, "content hash")).isEqualTo(Status.HOLDS);
        assertThat(finding(report, "content hash").message()).contains(NanningEvidence.SEED_CONTENT_HASH);
        assertThat(finding(report, "history").message()).startsWith(ENTRIES + " entries");
        assertThat(report.about("signature")).hasSize(12).allMatch(f -> f.status() == Status.HOLDS);
        assertThat(finding(report, "signature CN-YN #3").message())
                .contains("EdDSA JWS by key 'cn-yn-2024'", REGION_KEYS.get("CN-YN").publicJwk().thumbprint());
        assertThat(status(report, "checkpoint")).isEqualTo(Status.HOLDS);
        assertThat(status(report, "service key")).isEqualTo(Status.UNVERIFIED);
        assertThat(report.toText()).contains("VERIFIED: ").doesNotContain("NOT VERIFIED");
        assertThat(ENTRIES).isEqualTo(16);
    }

    // ---- the text ---------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"title", "summary", "counterpart", "convener"})
    void a_changed_byte_in_the_text_is_detected(String member) {
        var text = object(bundle, "text");
        text.put(member, flipLastCharacter((String) text.get(member)));

        VerificationReport report = verify(bundle);

        assertThat(report.passed()).isFalse();
        assertThat(finding(report, "content hash").status()).isEqualTo(Status.FAILS);
        assertThat(finding(report, "content hash").message())
                .contains("the bundle says " + NanningEvidence.SEED_CONTENT_HASH);
        assertThat(status(report, "opened #2")).isEqualTo(Status.FAILS);
        assertThat(report.about("signature")).hasSize(12).allMatch(f -> f.status() == Status.FAILS);
    }

    @Test
    void a_changed_text_with_its_hash_changed_to_match_still_fails_every_signature() {
        var text = object(bundle, "text");
        text.put("commitments", List.of("Exchange e-commerce expertise"));
        object(bundle, "contentHash").put("value", TextHash.of(text));

        VerificationReport report = verify(bundle);

        assertThat(status(report, "content hash")).isEqualTo(Status.HOLDS);
        assertThat(report.about("signature")).hasSize(12).allMatch(f -> f.status() == Status.FAILS
                && f.message().startsWith("names content hash " + NanningEvidence.SEED_CONTENT_HASH));
        assertThat(status(report, "opened #2")).isEqualTo(Status.FAILS);
    }

    // ---- the history ------------------------------------------------------------------------------------------

    static IntStream everyEntry() {
        return IntStream.rangeClosed(1, ENTRIES);
    }

    @ParameterizedTest(name = "entry #{0}")
    @MethodSource("everyEntry")
    void a_changed_byte_in_any_history_entry_is_detected_at_that_entry(int seq) {
        var entry = entry(bundle, seq);
        entry.put("at", flipLastCharacter((String) entry.get("at")));

        VerificationReport report = verify(bundle);

        assertThat(report.passed()).isFalse();
        assertThat(brokenEntries(report)).containsExactly("history #" + seq);
        assertThat(finding(report, "history #" + seq).message()).contains("its content hashes to");
    }

    @Test
    void a_changed_byte_deep_in_an_entry_is_detected() {
        var signatory = object(object(object(entry(bundle, 3), "details"), "signature"), "signatory");
        signatory.put("organisation", "Department of Commerce of Yunnan Province.");

        assertThat(brokenEntries(verify(bundle))).containsExactly("history #3");
    }

    @Test
    void an_entry_whose_hash_was_recomputed_breaks_the_link_of_the_next() {
        var entry = entry(bundle, 5);
        entry.put("type", "signature-withdrawn");
        entry.put("hash", HashChain.hashOf(entry));

        VerificationReport report = verify(bundle);

        assertThat(brokenEntries(report)).containsExactly("history #6");
        assertThat(finding(report, "history #6").message()).contains("is not the hash of entry #5");
    }

    @Test
    void entries_reordered_are_detected() {
        Collections.swap(history(bundle), 5, 6);

        VerificationReport report = verify(bundle);

        assertThat(brokenEntries(report)).containsExactly("history #6", "history #7", "history #8");
        assertThat(finding(report, "history #6").message()).contains("its seq is 7, not 6",
                "is not the hash of entry #5");
        assertThat(finding(report, "history #8").message()).contains("previousHash "
                + entry(bundle, 6).get("hash") + " is not the hash of entry #7");
    }

    @Test
    void entries_reordered_renumbered_and_relinked_are_caught_by_the_signed_checkpoint() {
        Collections.swap(history(bundle), 5, 6);
        renumber(bundle);
        relink(bundle);

        VerificationReport report = verify(bundle);

        assertThat(report.failures()).extracting(Finding::subject).containsExactly("checkpoint");
        assertThat(finding(report, "checkpoint").message()).contains("but the history ends at");
    }

    @ParameterizedTest(name = "entry #{0}")
    @ValueSource(ints = {1, 8, 16})
    void an_entry_dropped_is_detected(int seq) {
        history(bundle).remove(seq - 1);

        VerificationReport report = verify(bundle);

        assertThat(report.passed()).isFalse();
        if (seq == ENTRIES) { // the rest of the chain still links: the head and the checkpoint do not match
            assertThat(status(report, "history head")).isEqualTo(Status.FAILS);
            assertThat(finding(report, "checkpoint").message())
                    .contains("length " + ENTRIES + ")", "(length " + (ENTRIES - 1) + ")");
        } else {
            assertThat(brokenEntries(report)).containsExactly("history #" + seq);
            assertThat(finding(report, "history #" + seq).message()).contains("its seq is " + (seq + 1) + ", not "
                    + seq, "is not the hash of " + (seq == 1 ? "nothing (64 zeros)" : "entry #" + (seq - 1)));
        }
    }

    @Test
    void an_entry_of_another_agreement_is_detected_even_when_linked_in() {
        var other = NanningEvidence.json(NanningEvidence.signing().build());
        history(bundle).set(0, entry(other, 1));
        relinkAsTheOperator(bundle);

        VerificationReport report = verify(bundle);

        assertThat(brokenEntries(report)).containsExactly("history #1");
        assertThat(finding(report, "history #1").message()).contains("belongs to agreement");
    }

    @Test
    void a_history_rewritten_by_the_operator_is_caught_by_a_head_pinned_earlier_and_by_the_published_service_key() {
        String pinned = (String) entry(bundle, 4).get("hash");
        history(bundle).remove(3); // the refused attempt disappears
        renumber(bundle);
        relink(bundle);
        var impostor = SigningKey.generate(Algorithm.ES256, "agreements-service-1");
        signCheckpoint(bundle, impostor);

        assertThat(verify(bundle).passed()).as("internally consistent").isTrue();

        VerificationReport pinnedHead = verify(bundle, Verifier.Options.DEFAULT.knowingHead(new HistoryHead(pinned, 4)));
        assertThat(status(pinnedHead, "known head 4")).isEqualTo(Status.FAILS);
        assertThat(finding(pinnedHead, "known head 4").message()).contains("the history was rewritten");

        VerificationReport published = verify(bundle,
                Verifier.Options.DEFAULT.trustingServiceKeys(JwkSet.of(SERVICE_KEY.publicJwk())));
        assertThat(status(published, "service key")).isEqualTo(Status.FAILS);
    }

    @Test
    void a_head_pinned_earlier_and_the_published_service_key_hold_for_the_true_history() {
        var options = Verifier.Options.DEFAULT
                .knowingHead(new HistoryHead((String) entry(bundle, 4).get("hash"), 4))
                .trustingServiceKeys(JwkSet.of(SERVICE_KEY.publicJwk()));

        VerificationReport report = verify(bundle, options);

        assertThat(report.failures()).isEmpty();
        assertThat(status(report, "known head 4")).isEqualTo(Status.HOLDS);
        assertThat(status(report, "service key")).isEqualTo(Status.HOLDS);
        assertThat(report.withStatus(Status.UNVERIFIED)).isEmpty();
    }

    // ---- the signatures ---------------------------------------------------------------------------------------

    @Test
    void a_changed_byte_in_a_signature_is_detected() {
        var signature = signatureOf(entry(bundle, 3));
        String jws = (String) signature.get("jws");
        signature.put("jws", jws.substring(0, jws.length() - 2) + (jws.charAt(jws.length() - 2) == 'A' ? 'B' : 'A')
                + jws.charAt(jws.length() - 1));

        VerificationReport report = verify(bundle);

        assertThat(finding(report, "signature CN-YN #3").message()).isEqualTo(
                "the signature does not verify with key 'cn-yn-2024'");
        assertThat(brokenEntries(report)).containsExactly("history #3");
    }

    @Test
    void a_signature_forged_by_the_operator_fails_though_the_operator_relinks_and_signs_the_checkpoint() {
        var forger = SigningKey.generate(Algorithm.EDDSA, "cn-yn-2024");
        signatureOf(entry(bundle, 3)).put("jws",
                new SignaturePayload(NANNING.agreementId(), NanningEvidence.SEED_CONTENT_HASH, "CN-YN").sign(forger));
        relinkAsTheOperator(bundle);

        VerificationReport report = verify(bundle);

        assertThat(report.failures()).extracting(Finding::subject).containsExactly("signature CN-YN #3");
    }

    @Test
    void a_forger_who_also_replaces_the_regions_key_shows_a_thumbprint_the_region_does_not_know() {
        var forger = SigningKey.generate(Algorithm.EDDSA, "cn-yn-2024");
        signatureOf(entry(bundle, 3)).put("jws",
                new SignaturePayload(NANNING.agreementId(), NanningEvidence.SEED_CONTENT_HASH, "CN-YN").sign(forger));
        object(bundle, "regionKeys").put("CN-YN", JwkSet.of(forger.publicJwk()).toJson());
        relinkAsTheOperator(bundle);

        VerificationReport report = verify(bundle);

        assertThat(report.passed()).as("only Yunnan can tell: the key is not its own").isTrue();
        assertThat(finding(report, "signature CN-YN #3").message()).contains(forger.publicJwk().thumbprint())
                .doesNotContain(REGION_KEYS.get("CN-YN").publicJwk().thumbprint());
    }

    @Test
    void a_key_swapped_between_two_regions_is_detected() {
        var keys = object(bundle, "regionKeys");
        Object yunnan = keys.get("CN-YN");
        keys.put("CN-YN", keys.get("CN-GX"));
        keys.put("CN-GX", yunnan);

        VerificationReport report = verify(bundle);

        assertThat(report.failures()).extracting(Finding::subject)
                .containsExactly("signature CN-YN #3", "signature CN-GX #5");
        assertThat(finding(report, "signature CN-YN #3").message()).isEqualTo("no key with kid 'cn-yn-2024'");
    }

    @Test
    void a_region_key_replaced_by_another_with_the_same_kid_is_detected() {
        var replacement = SigningKey.generate(Algorithm.EDDSA, "cn-yn-2024").publicJwk();
        object(bundle, "regionKeys").put("CN-YN", JwkSet.of(replacement).toJson());

        VerificationReport report = verify(bundle);

        assertThat(report.failures()).extracting(Finding::subject).containsExactly("signature CN-YN #3");
        assertThat(finding(report, "signature CN-YN #3").message())
                .isEqualTo("the signature does not verify with key 'cn-yn-2024'");
    }

    @Test
    void one_regions_key_slipped_into_another_regions_set_is_detected() {
        var gx = REGION_KEYS.get("CN-GX").publicJwk();
        var smuggled = new Jwk("cn-yn-2025", gx.algorithm(), gx.publicKey());
        object(bundle, "regionKeys").put("CN-YN",
                JwkSet.of(REGION_KEYS.get("CN-YN").publicJwk(), smuggled).toJson());

        VerificationReport report = verify(bundle);

        assertThat(finding(report, "region keys").status()).isEqualTo(Status.FAILS);
        assertThat(finding(report, "region keys").message()).contains("registered for both CN-GX and CN-YN",
                "one region could sign as another");
    }

    @Test
    void a_jws_made_with_another_regions_key_is_detected() {
        String byGuangxi = new SignaturePayload(NANNING.agreementId(), NanningEvidence.SEED_CONTENT_HASH, "CN-YN")
                .sign(REGION_KEYS.get("CN-GX"));
        signatureOf(entry(bundle, 3)).put("jws", byGuangxi);
        relinkAsTheOperator(bundle);

        assertThat(verify(bundle).failures()).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("signature CN-YN #3");
            assertThat(f.message()).isEqualTo("no key with kid 'cn-gx-2024'");
        });
    }

    @Test
    void a_jws_made_with_another_regions_key_that_claims_the_right_kid_is_detected() {
        // Guangxi (ES256) signs for Shaanxi (ES256) under Shaanxi's kid
        var guangxi = REGION_KEYS.get("CN-GX");
        var posingAsShaanxi = new SigningKey(new Jwk("cn-sn-2024", Algorithm.ES256, guangxi.publicJwk().publicKey()),
                guangxi.privateKey());
        int seq = seqOfSignature("CN-SN");
        signatureOf(entry(bundle, seq)).put("jws", new SignaturePayload(NANNING.agreementId(),
                NanningEvidence.SEED_CONTENT_HASH, "CN-SN").sign(posingAsShaanxi));
        relinkAsTheOperator(bundle);

        assertThat(verify(bundle).failures()).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("signature CN-SN #" + seq);
            assertThat(f.message()).isEqualTo("the signature does not verify with key 'cn-sn-2024'");
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"agreement", "content hash", "party"})
    void a_valid_jws_over_something_else_is_detected(String what) {
        String agreementId = what.equals("agreement") ? "another-agreement" : NANNING.agreementId();
        String contentHash = what.equals("content hash") ? "sha256:" + "1".repeat(64) : NanningEvidence.SEED_CONTENT_HASH;
        String party = what.equals("party") ? "CN-SC" : "CN-YN";
        signatureOf(entry(bundle, 3)).put("jws",
                new SignaturePayload(agreementId, contentHash, party).sign(REGION_KEYS.get("CN-YN")));
        relinkAsTheOperator(bundle);

        assertThat(verify(bundle).failures()).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("signature CN-YN #3");
            assertThat(f.message()).startsWith("the JWS verifies with key 'cn-yn-2024' but was made for " + what);
        });
    }

    @Test
    void the_report_says_who_has_signed_and_how() {
        var open = NanningEvidence.json(NanningEvidence.signing().signers("CN-YN", "CN-GX", "CN-XZ")
                .withBearerTokenOnly("CN-XZ").build());

        assertThat(finding(verify(open), "parties").message()).isEqualTo("12 parties in the text; 2 signatures by"
                + " JWS (each checked above), 1 by bearer token only (CN-XZ); not signed: CN-SC, CN-SN, CN-GZ, CN-CQ,"
                + " CN-NM, CN-GS, CN-QH, CN-XJ, CN-NX");
        assertThat(finding(verify(bundle), "parties").message()).isEqualTo("12 parties in the text; 12 signatures"
                + " by JWS (each checked above); every party signed");
    }

    @Test
    void a_signature_made_with_a_bearer_token_only_is_marked_and_fails_only_when_strict() {
        var bearer = NanningEvidence.json(NanningEvidence.signing().withBearerTokenOnly("CN-XZ").build());

        VerificationReport report = verify(bearer);
        VerificationReport strict = verify(bearer, Verifier.Options.DEFAULT.strictly()
                .trustingServiceKeys(JwkSet.of(SERVICE_KEY.publicJwk())));

        assertThat(report.passed()).isTrue();
        Finding xizang = report.about("signature CN-XZ").get(0);
        assertThat(xizang.status()).isEqualTo(Status.UNVERIFIED);
        assertThat(xizang.message()).startsWith("signed with a bearer token only");
        assertThat(report.toText()).contains("  note  signature CN-XZ #");
        assertThat(strict.passed()).isFalse();
        assertThat(strict.failures()).extracting(Finding::subject).singleElement().asString()
                .startsWith("signature CN-XZ");
    }

    @Test
    void a_bearer_token_signature_cannot_stand_in_for_a_missing_jws_without_breaking_the_chain() {
        var signature = signatureOf(entry(bundle, 3));
        signature.put("method", "bearer-token");
        signature.remove("jws");

        assertThat(brokenEntries(verify(bundle))).containsExactly("history #3");
    }

    // ---- the checkpoint ---------------------------------------------------------------------------------------

    @Test
    void a_checkpoint_from_another_agreement_is_detected() {
        var other = NanningEvidence.signing().build();
        bundle.put("checkpoint", other.checkpoint());

        VerificationReport report = verify(bundle);

        assertThat(report.failures()).extracting(Finding::subject).containsExactly("checkpoint");
        assertThat(finding(report, "checkpoint").message()).isEqualTo("signed by service key 'agreements-service-1',"
                + " but for agreement " + other.agreementId() + ", not this one");
    }

    @Test
    void a_checkpoint_of_an_earlier_head_is_detected() {
        var head = HashChain.head(history(bundle).subList(0, ENTRIES - 1));
        bundle.put("checkpoint", new Checkpoint(NANNING.agreementId(), head, Instant.now()).sign(SERVICE_KEY));

        assertThat(finding(verify(bundle), "checkpoint").message())
                .contains("for head " + head + ", but the history ends at");
    }

    @Test
    void a_checkpoint_signed_by_a_key_not_in_the_service_keys_is_detected() {
        signCheckpoint(bundle, SigningKey.generate(Algorithm.ES256, "agreements-service-1"));
        bundle.put("serviceKeys", JwkSet.of(SERVICE_KEY.publicJwk()).toJson());

        assertThat(finding(verify(bundle), "checkpoint").message())
                .isEqualTo("the signature does not verify with key 'agreements-service-1'");
    }

    // ---- what is not evidence at all --------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"", "not json", "[]", "{}", "{\"format\":\"concord-evidence/3\",\"agreementId\":\"a\"}",
            "{\"format\":\"concord-evidence/1\"}"})
    void what_is_not_a_bundle_fails_with_the_reason_and_nothing_else(String text) {
        VerificationReport report = new Verifier().verify(text);

        assertThat(report.passed()).isFalse();
        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("bundle");
            assertThat(f.message()).isNotBlank();
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"text", "contentHash", "history", "historyHead", "regionKeys", "checkpoint",
            "serviceKeys"})
    void a_bundle_without_one_of_its_members_fails_without_throwing(String member) {
        bundle.remove(member);

        VerificationReport report = verify(bundle);

        assertThat(report.passed()).isFalse();
        assertThat(report.failures()).anySatisfy(f -> assertThat(f.message()).contains(member));
    }

    @Test
    void members_of_the_wrong_type_fail_without_throwing() {
        bundle.put("history", List.of("a", 1, List.of()));
        bundle.put("regionKeys", Map.of("CN-YN", "key"));
        bundle.put("text", 42);

        VerificationReport report = verify(bundle);

        assertThat(report.passed()).isFalse();
        assertThat(report.failures()).extracting(Finding::subject).contains("content hash", "history #1",
                "history #2", "history #3", "keys of CN-YN", "checkpoint");
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private static VerificationReport verify(Map<String, Object> bundle) {
        return verify(bundle, Verifier.Options.DEFAULT);
    }

    /** Verifies the bundle as a file would carry it: JSON text. */
    private static VerificationReport verify(Map<String, Object> bundle, Verifier.Options options) {
        return new Verifier(options).verify(Json.writePretty(bundle));
    }

    private static Finding finding(VerificationReport report, String subject) {
        return report.findings().stream().filter(f -> f.subject().equals(subject)).findFirst()
                .orElseThrow(() -> new AssertionError("no finding about " + subject + " in\n" + report.toText()));
    }

    private static Status status(VerificationReport report, String subject) {
        return finding(report, subject).status();
    }

    private static List<String> brokenEntries(VerificationReport report) {
        return report.failures().stream().map(Finding::subject).filter(s -> s.startsWith("history #")).toList();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> history(Map<String, Object> bundle) {
        return (List<Map<String, Object>>) (List<?>) bundle.get("history");
    }

    static Map<String, Object> entry(Map<String, Object> bundle, int seq) {
        return history(bundle).get(seq - 1);
    }

    static Map<String, Object> signatureOf(Map<String, Object> entry) {
        return object(object(entry, "details"), "signature");
    }

    static Map<String, Object> object(Map<String, Object> parent, String member) {
        return JsonFields.object(parent.get(member), member);
    }

    private int seqOfSignature(String party) {
        for (int seq = 1; seq <= ENTRIES; seq++) {
            var entry = entry(bundle, seq);
            if (entry.get("type").equals("signature-recorded") && signatureOf(entry).get("party").equals(party)) {
                return seq;
            }
        }
        throw new AssertionError("no signature of " + party);
    }

    /** Numbers the entries by position again, as an operator hiding a change would. */
    static void renumber(Map<String, Object> bundle) {
        var history = history(bundle);
        for (int i = 0; i < history.size(); i++) {
            history.get(i).put("seq", i + 1);
        }
    }

    /** Re-links every entry and sets the head: what anyone can do. */
    static void relink(Map<String, Object> bundle) {
        var linked = new ArrayList<Map<String, Object>>();
        for (var entry : history(bundle)) {
            linked.add(HashChain.append(linked, entry));
        }
        bundle.put("history", linked);
        bundle.put("historyHead", HashChain.head(linked).toJson());
    }

    /** Re-links and signs a new checkpoint with the service's key: what the operator can do. */
    static void relinkAsTheOperator(Map<String, Object> bundle) {
        relink(bundle);
        signCheckpoint(bundle, SERVICE_KEY);
    }

    static void signCheckpoint(Map<String, Object> bundle, SigningKey key) {
        var checkpoint = new Checkpoint((String) bundle.get("agreementId"), HashChain.head(history(bundle)),
                Instant.parse("2024-09-24T04:00:00Z"));
        bundle.put("checkpoint", checkpoint.sign(key));
        bundle.put("serviceKeys", JwkSet.of(key.publicJwk()).toJson());
    }

    static String flipLastCharacter(String s) {
        char last = s.charAt(s.length() - 1);
        return s.substring(0, s.length() - 1) + (char) (last ^ 1);
    }

    @Nested
    class Reports {

        @Test
        void a_failing_report_says_how_many_checks_fail_and_marks_them() {
            entry(bundle, 2).put("version", 3);

            String text = verify(bundle).toText();

            assertThat(text).startsWith("Evidence bundle of agreement " + NANNING.agreementId() + "\n")
                    .contains("  FAIL  history #2 ").endsWith("NOT VERIFIED: 2 checks fail\n");
        }

        @Test
        void a_passing_report_counts_what_holds_and_what_rests_on_the_operators_word() {
            String text = verify(bundle).toText();

            assertThat(text).contains("  ok    content hash ")
                    .endsWith("VERIFIED: 21 checks hold; 1 note on what rests on the operator's word\n");
        }
    }
}
