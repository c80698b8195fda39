package org.concord.evidence;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Evidence bundles of the Nanning signing, made with this module's own signing code: the seed MoU
 * (agreements-service/docs/content-hash.md), twelve regions with keys of their own (ES256 and EdDSA in turn), a
 * history as agreements-service writes it (drafted, opened, a signature per party, one refused attempt, signed) and
 * a checkpoint by the service's key. Keys are made once per test run.
 */
final class NanningEvidence {

    static final List<String> PARTIES = List.of("CN-GX", "CN-SC", "CN-SN", "CN-YN", "CN-GZ", "CN-XZ", "CN-CQ",
            "CN-NM", "CN-GS", "CN-QH", "CN-XJ", "CN-NX");

    /** The order in which they sign (Yunnan first, as in the README's walkthrough). */
    static final List<String> SIGNING_ORDER = List.of("CN-YN", "CN-GX", "CN-SC", "CN-SN", "CN-GZ", "CN-XZ",
            "CN-CQ", "CN-NM", "CN-GS", "CN-QH", "CN-XJ", "CN-NX");

    static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("CN-GX", "Guangxi Zhuang Autonomous Region"), Map.entry("CN-SC", "Sichuan Province"),
            Map.entry("CN-SN", "Shaanxi Province"), Map.entry("CN-YN", "Yunnan Province"),
            Map.entry("CN-GZ", "Guizhou Province"), Map.entry("CN-XZ", "Xizang Autonomous Region"),
            Map.entry("CN-CQ", "Chongqing Municipality"), Map.entry("CN-NM", "Inner Mongolia Autonomous Region"),
            Map.entry("CN-GS", "Gansu Province"), Map.entry("CN-QH", "Qinghai Province"),
            Map.entry("CN-XJ", "Xinjiang Uygur Autonomous Region"), Map.entry("CN-NX", "Ningxia Hui Autonomous Region"));

    /** The content hash of the seed MoU, computed independently (agreements-service/docs/content-hash.md). */
    static final String SEED_CONTENT_HASH = "sha256:f97dab985986b9b47007836a4afdd5f8f2be2ebb5d2e585d0e40a1a869205760";

    static final Map<String, SigningKey> REGION_KEYS = regionKeys();

    static final SigningKey SERVICE_KEY = SigningKey.generate(Algorithm.ES256, "agreements-service-1");

    static final Instant SIGNING_DAY = Instant.parse("2024-09-24T02:00:00Z");

    private NanningEvidence() {
    }

    /** The seed MoU as the bundle's {@code text}: parties in the order of the draft. */
    static Map<String, Object> text() {
        var signingEvent = new LinkedHashMap<String, Object>();
        signingEvent.put("name", "2024 China-ASEAN Silk Road (Cross-border) E-commerce Open Cooperation Promotion Event");
        signingEvent.put("venue", "Nanning");
        signingEvent.put("date", "2024-09-24");
        var term = new LinkedHashMap<String, Object>();
        term.put("effectiveFrom", "2024-09-24");
        term.put("until", null);
        var text = new LinkedHashMap<String, Object>();
        text.put("title", "Memorandum of Understanding on Silk Road E-commerce Cooperation with ASEAN");
        text.put("kind", "MOU");
        text.put("areas", List.of("E_COMMERCE", "CROSS_BORDER_E_COMMERCE"));
        text.put("summary", "Twelve provincial-level regions pledge exchanges and cooperation in e-commerce and"
                + " cross-border e-commerce with ASEAN.");
        text.put("commitments", List.of("Enhance exchanges and cooperation in Silk Road e-commerce",
                "Explore the potential for trade cooperation between China and ASEAN nations",
                "Exchange e-commerce expertise",
                "Facilitate the entry of high-quality products from ASEAN countries into China",
                "Boost consumption upgrading"));
        text.put("counterpart", "ASEAN");
        text.put("convener", "CN-GX");
        text.put("parties", PARTIES);
        text.put("signingEvent", signingEvent);
        text.put("term", term);
        return text;
    }

    /** The seed MoU as amendment 1 makes it: one more commitment. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> amendedText() {
        var text = text();
        var commitments = new ArrayList<>((List<String>) text.get("commitments"));
        commitments.add("Hold a yearly review of the cooperation");
        text.put("commitments", commitments);
        return text;
    }

    static Builder signing() {
        return new Builder();
    }

    /** A bundle of the whole Nanning signing, every region with its own key. */
    static EvidenceBundle bundle() {
        return signing().build();
    }

    /** The bundle as mutable JSON values, to alter in tests. */
    static Map<String, Object> json(EvidenceBundle bundle) {
        return JsonFields.object(Json.parse(bundle.write()), "bundle");
    }

    static String kidOf(String region) {
        return region.toLowerCase() + "-2024";
    }

    /** How one signing goes. */
    static final class Builder {

        private String agreementId = UUID.randomUUID().toString();
        private List<String> signers = SIGNING_ORDER;
        private final Set<String> bearerTokenOnly = new LinkedHashSet<>();
        private boolean refusedAttempt = true;
        private boolean deterministicIds;
        private boolean amended;
        private List<String> lateSigners = List.of();

        Builder agreementId(String id) {
            this.agreementId = id;
            return this;
        }

        /** Only these parties sign (in this order); the agreement stays open unless all of them do. */
        Builder signers(String... parties) {
            this.signers = List.of(parties);
            return this;
        }

        /** These parties sign with a bearer token only, no key of their own. */
        Builder withBearerTokenOnly(String... parties) {
            this.bearerTokenOnly.addAll(List.of(parties));
            return this;
        }

        /** Once signed, the parties who signed amend the text by protocol (amendment 1: one more commitment). */
        Builder amended() {
            this.amended = true;
            return this;
        }

        /** After the amendment (if any), these parties sign too: the text in force then. */
        Builder lateSigners(String... parties) {
            this.lateSigners = List.of(parties);
            return this;
        }

        Builder withoutRefusedAttempt() {
            this.refusedAttempt = false;
            return this;
        }

        /** Event ids derived from the agreement id, so that a rebuilt example differs only in its signatures. */
        Builder deterministicIds() {
            this.deterministicIds = true;
            return this;
        }

        EvidenceBundle build() {
            Map<String, Object> text = text();
            String contentHash = TextHash.of(text);
            var history = new ArrayList<Map<String, Object>>();
            Instant at = SIGNING_DAY;
            append(history, "drafted", at.minus(Duration.ofDays(7)), 1, true, new LinkedHashMap<>());
            var opened = new LinkedHashMap<String, Object>();
            opened.put("contentHash", contentHash);
            append(history, "opened", at.minus(Duration.ofDays(1)), 2, true, opened);

            long version = 2;
            int count = 0;
            for (String party : signers) {
                at = at.plusSeconds(60).plusMillis(137);
                version++;
                count++;
                var details = new LinkedHashMap<String, Object>();
                details.put("signature", signature(party, contentHash, at));
                details.put("signatureCount", count);
                details.put("partyCount", PARTIES.size());
                append(history, "signature-recorded", at, version, true, details);
                if (refusedAttempt && count == 1 && signers.size() > 1) {
                    var refused = new LinkedHashMap<String, Object>();
                    refused.put("party", "CN-SC");
                    refused.put("signer", "signatory-" + party + "@local");
                    refused.put("actsFor", party);
                    append(history, "signature-refused", at.plusSeconds(5), version, false, refused);
                }
            }
            if (count == PARTIES.size()) {
                var signed = new LinkedHashMap<String, Object>();
                signed.put("concludedAt", at.toString());
                signed.put("partyCount", PARTIES.size());
                append(history, "signed", at, version, true, signed);
            }
            String inForce = contentHash;
            if (amended) {
                at = at.plus(Duration.ofDays(30));
                version += 3;
                inForce = amend(history, contentHash, at, version);
                at = at.plus(Duration.ofDays(1));
            }
            for (String party : lateSigners) {
                at = at.plusSeconds(60);
                var details = new LinkedHashMap<String, Object>();
                details.put("signature", signature(party, inForce, at));
                count++;
                version++;
                details.put("signatureCount", count);
                details.put("partyCount", PARTIES.size());
                append(history, "signature-recorded", at, version, true, details);
            }
            var keys = new LinkedHashMap<String, JwkSet>();
            for (String party : concat(signers, lateSigners)) {
                if (!bearerTokenOnly.contains(party)) {
                    keys.put(party, JwkSet.of(REGION_KEYS.get(party).publicJwk()));
                }
            }
            return EvidenceBundle.assemble(agreementId, text, history, keys, SERVICE_KEY, at.plusSeconds(3600));
        }

        /** Amendment 1 opened, signed by every party who signed, adopted; returns its content hash. */
        private String amend(List<Map<String, Object>> history, String previous, Instant at, long version) {
            Map<String, Object> text = amendedText();
            String hash = TextHash.of(text);
            var opening = amendment(hash);
            opening.put("previousContentHash", previous);
            opening.put("parties", signers);
            var opened = new LinkedHashMap<String, Object>();
            opened.put("amendment", opening);
            opened.put("text", text);
            append(history, "amendment-opened", at, version - 2, true, opened);
            int count = 0;
            Instant signedAt = at;
            for (String party : signers) {
                signedAt = signedAt.plusSeconds(60);
                count++;
                var details = new LinkedHashMap<String, Object>();
                details.put("amendment", amendment(hash));
                details.put("signature", signature(party, hash, signedAt));
                details.put("signatureCount", count);
                details.put("partyCount", signers.size());
                append(history, "amendment-signed", signedAt, version - 1, true, details);
            }
            var adoption = amendment(hash);
            adoption.put("previousContentHash", previous);
            var adopted = new LinkedHashMap<String, Object>();
            adopted.put("amendment", adoption);
            adopted.put("textVersion", 2);
            append(history, "amendment-adopted", signedAt, version, true, adopted);
            return hash;
        }

        private static Map<String, Object> amendment(String contentHash) {
            var amendment = new LinkedHashMap<String, Object>();
            amendment.put("number", 1);
            amendment.put("contentHash", contentHash);
            return amendment;
        }

        private static List<String> concat(List<String> a, List<String> b) {
            var all = new ArrayList<>(a);
            all.addAll(b);
            return all;
        }

        private Map<String, Object> signature(String party, String contentHash, Instant at) {
            var signatory = new LinkedHashMap<String, Object>();
            signatory.put("name", "Signatory of " + party);
            signatory.put("title", "Authorised representative");
            signatory.put("organisation", "Department of Commerce of " + NAMES.get(party));
            var signature = new LinkedHashMap<String, Object>();
            signature.put("party", party);
            signature.put("signatory", signatory);
            signature.put("signedAt", at.toString());
            signature.put("contentHash", contentHash);
            if (bearerTokenOnly.contains(party)) {
                signature.put("method", SignatureMethod.BEARER_TOKEN.value());
            } else {
                signature.put("method", SignatureMethod.JWS.value());
                signature.put("jws", new SignaturePayload(agreementId, contentHash, party).sign(REGION_KEYS.get(party)));
            }
            return signature;
        }

        private void append(List<Map<String, Object>> history, String type, Instant at, long version,
                boolean published, Map<String, Object> details) {
            var entry = new LinkedHashMap<String, Object>();
            entry.put("agreementId", agreementId);
            entry.put("seq", history.size() + 1);
            entry.put("type", type);
            entry.put("at", at.toString());
            entry.put("version", version);
            entry.put("eventId", published ? eventId(history.size() + 1) : null);
            entry.put("details", details);
            history.add(HashChain.append(history, entry));
        }

        private String eventId(int seq) {
            return deterministicIds
                    ? UUID.nameUUIDFromBytes((agreementId + "/" + seq).getBytes(StandardCharsets.UTF_8)).toString()
                    : UUID.randomUUID().toString();
        }
    }

    private static Map<String, SigningKey> regionKeys() {
        var keys = new LinkedHashMap<String, SigningKey>();
        for (int i = 0; i < PARTIES.size(); i++) {
            String region = PARTIES.get(i);
            keys.put(region, SigningKey.generate(i % 2 == 0 ? Algorithm.ES256 : Algorithm.EDDSA, kidOf(region)));
        }
        return Map.copyOf(keys);
    }
}
