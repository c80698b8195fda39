package org.concord.evidence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.concord.evidence.VerificationReport.Finding;
import org.concord.evidence.VerificationReport.Status;

/**
 * Checks an evidence bundle offline (docs/evidence.md): that the text hashes to the content hash, that the history
 * is an unbroken hash chain of this agreement, that each signatory's JWS verifies with its region's bundled key and
 * names this agreement, the version of the text it signs and this party, that each version of the text (format 2)
 * is the one the history proposed and adopted and that every party in force signed it, and that the checkpoint is
 * the service's signature over this agreement's head. A format 1 bundle (no versions) is checked as it always was.
 * It never throws on a bad bundle: whatever cannot be read is a failing finding.
 */
public final class Verifier {

    private static final List<String> SIGNATURE_ENTRIES = List.of("signature-recorded", "party-acceded");

    static final String AMENDMENT_SIGNED = "amendment-signed";

    private final Options options;

    public Verifier() {
        this(Options.DEFAULT);
    }

    public Verifier(Options options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * What to check beyond the bundle itself.
     *
     * @param strict             fail on what rests on the operator's word (bearer-token signatures, a checkpoint
     *                           key no one vouched for) instead of noting it
     * @param knownHeads         heads the reader pinned earlier (e.g. from the events' {@code historyHead}): the
     *                           history must pass through each
     * @param trustedServiceKeys the service's published keys (got elsewhere than from the bundle), or null: the
     *                           checkpoint must be signed by one of them
     */
    public record Options(boolean strict, List<HistoryHead> knownHeads, JwkSet trustedServiceKeys) {

        public static final Options DEFAULT = new Options(false, List.of(), null);

        public Options {
            knownHeads = List.copyOf(knownHeads);
        }

        public Options strictly() {
            return new Options(true, knownHeads, trustedServiceKeys);
        }

        public Options knowingHead(HistoryHead head) {
            var heads = new ArrayList<>(knownHeads);
            heads.add(head);
            return new Options(strict, heads, trustedServiceKeys);
        }

        public Options trustingServiceKeys(JwkSet keys) {
            return new Options(strict, knownHeads, keys);
        }
    }

    /** Checks a bundle as a file holds it (UTF-8). */
    public VerificationReport verify(byte[] bundle) {
        return verifyParsed(() -> Json.parse(bundle));
    }

    public VerificationReport verify(String bundle) {
        return verifyParsed(() -> Json.parse(bundle));
    }

    /** Checks a bundle already read as plain JSON values (see {@link Json}). */
    public VerificationReport verify(Object bundle) {
        if (!(bundle instanceof Map<?, ?>)) {
            return unreadable("an evidence bundle is a JSON object");
        }
        var members = JsonFields.object(bundle, "the bundle");
        Object format = members.get("format");
        if (!EvidenceBundle.FORMAT.equals(format) && !EvidenceBundle.FORMAT_1.equals(format)) {
            return unreadable("the format is " + (format == null ? "not named" : "'" + format + "'") + ", not '"
                    + EvidenceBundle.FORMAT + "' (nor '" + EvidenceBundle.FORMAT_1 + "')");
        }
        if (!(members.get("agreementId") instanceof String agreementId)) {
            return unreadable("the bundle names no agreementId");
        }
        try {
            return new Check(members, agreementId).run();
        } catch (RuntimeException e) { // each check reports its own faults: this is the net under the net
            return new VerificationReport(agreementId, List.of(new Finding(Status.FAILS, "bundle",
                    "cannot be read: " + e)));
        }
    }

    private VerificationReport verifyParsed(Supplier<Object> parse) {
        Object json;
        try {
            json = parse.get();
        } catch (EvidenceException e) {
            return unreadable(e.getMessage());
        }
        return verify(json);
    }

    private static VerificationReport unreadable(String why) {
        return new VerificationReport(null, List.of(new Finding(Status.FAILS, "bundle", why)));
    }

    /** One run over one bundle. */
    private final class Check {

        private final Map<String, Object> bundle;
        private final String agreementId;
        private final List<Finding> findings = new ArrayList<>();
        private final Map<String, JwkSet> regionKeys = new TreeMap<>();
        private final Map<String, String> unreadableRegionKeys = new TreeMap<>();
        private String textHash;
        private List<Map<String, Object>> history = List.of();
        private Jwk checkpointKey;
        /** The text versions, when the bundle has them (format 2): null for a format 1 bundle. */
        private TextVersions versions;

        Check(Map<String, Object> bundle, String agreementId) {
            this.bundle = bundle;
            this.agreementId = agreementId;
        }

        VerificationReport run() {
            check("content hash", this::contentHash);
            check("history", this::history);
            check("history head", this::historyHead);
            openedEntries();
            if (bundle.containsKey("versions") || EvidenceBundle.FORMAT.equals(bundle.get("format"))) {
                check("versions", () -> {
                    versions = TextVersions.read(bundle, history, textHash, findings);
                    return versions.summary();
                });
            }
            check("region keys", this::regionKeys);
            signatures();
            if (versions != null) {
                versions.adoptions(history).forEach(findings::add);
            }
            check("parties", this::parties);
            checkpoint();
            for (HistoryHead head : options.knownHeads()) {
                check("known head " + head.length(), () -> knownHead(head));
            }
            return new VerificationReport(agreementId, findings);
        }

        // ---- the text -----------------------------------------------------------------------------------------

        private Finding contentHash() {
            var declared = JsonFields.object(bundle, "contentHash", "the bundle");
            String method = JsonFields.string(declared, "method", "contentHash");
            if (!TextHash.METHOD.equals(method)) {
                return fails("content hash", "unknown method '" + method + "' (this verifier knows "
                        + TextHash.METHOD + ")");
            }
            String value = JsonFields.string(declared, "value", "contentHash");
            textHash = TextHash.of(JsonFields.object(bundle, "text", "the bundle"));
            return textHash.equals(value)
                    ? holds("content hash", "the text hashes to " + value + " (" + method + ")")
                    : fails("content hash", "the text hashes to " + textHash + ", the bundle says " + value);
        }

        private void openedEntries() {
            for (int i = 0; i < history.size(); i++) {
                int seq = i + 1;
                Map<String, Object> entry = history.get(i);
                if ("opened".equals(entry.get("type"))) {
                    check("opened #" + seq, () -> opened(entry, seq));
                }
            }
        }

        private Finding opened(Map<String, Object> entry, int seq) {
            String subject = "opened #" + seq;
            String fixed = JsonFields.string(JsonFields.object(entry, "details", "history #" + seq), "contentHash",
                    "history #" + seq + ".details");
            if (textHash == null) {
                return fails(subject, "fixed content hash " + fixed + ", but the text could not be hashed");
            }
            return fixed.equals(textHash) ? holds(subject, "opening fixed the same content hash")
                    : fails(subject, "opening fixed content hash " + fixed + ", not the text's " + textHash);
        }

        // ---- the history --------------------------------------------------------------------------------------

        private Finding history() {
            var entries = new ArrayList<Map<String, Object>>();
            for (Object entry : JsonFields.array(bundle, "history", "the bundle")) {
                entries.add(entry instanceof Map<?, ?> ? JsonFields.object(entry, "an entry") : Map.of());
            }
            history = entries;
            if (entries.isEmpty()) {
                return fails("history", "the history is empty: every agreement has at least its drafted entry");
            }
            int broken = 0;
            String previous = HashChain.GENESIS;
            Object previousSeq = 0;
            for (int i = 0; i < entries.size(); i++) {
                List<String> problems = entryProblems(entries.get(i), i + 1, previous, previousSeq);
                previousSeq = entries.get(i).get("seq");
                if (!problems.isEmpty()) {
                    findings.add(fails("history #" + (i + 1), String.join("; ", problems)));
                    broken++;
                }
                previous = entries.get(i).get("hash") instanceof String hash ? hash : null;
            }
            return broken == 0
                    ? holds("history", entries.size() + " entries, each hash recomputed and each linked to the one"
                            + " before; head " + previous)
                    : fails("history", broken + " of " + entries.size() + " entries do not hold (above)");
        }

        /**
         * What is wrong with the entry at position {@code seq}. Its seq must follow the seq of the entry before (1
         * for the first), so that a dropped or moved entry shows where it happened rather than at every later entry.
         */
        private List<String> entryProblems(Map<String, Object> entry, int seq, String previous, Object previousSeq) {
            var problems = new ArrayList<String>();
            if (entry.isEmpty()) {
                return List.of("not a JSON object, or an empty one");
            }
            if (!agreementId.equals(entry.get("agreementId"))) {
                problems.add("belongs to agreement " + entry.get("agreementId") + ", not this one");
            }
            Object entrySeq = entry.get("seq");
            long expected = seq == 1 || !(previousSeq instanceof Number n) ? seq : n.longValue() + 1;
            if (!(entrySeq instanceof Number number) || number.doubleValue() != expected) {
                problems.add("its seq is " + entrySeq + ", not " + expected
                        + (seq == 1 ? " (the first entry's)" : " (one more than the entry before)"));
            }
            if (!(entry.get("type") instanceof String)) {
                problems.add("it has no type");
            }
            Object previousHash = entry.get("previousHash");
            if (previous == null || !previous.equals(previousHash)) {
                problems.add("previousHash " + previousHash + " is not the hash of "
                        + (seq == 1 ? "nothing (" + HashChain.GENESIS_DESCRIPTION + ")" : "entry #" + (seq - 1)));
            }
            Object hash = entry.get("hash");
            try {
                String recomputed = HashChain.hashOf(entry);
                if (!recomputed.equals(hash)) {
                    problems.add("its content hashes to " + recomputed + ", but it says " + hash);
                }
            } catch (EvidenceException e) {
                problems.add("it cannot be hashed: " + e.getMessage());
            }
            return problems;
        }

        private Finding historyHead() {
            HistoryHead declared = HistoryHead.fromJson(bundle.get("historyHead"), "historyHead");
            Object last = history.isEmpty() ? HashChain.GENESIS : history.get(history.size() - 1).get("hash");
            return declared.hash().equals(last) && declared.length() == history.size()
                    ? holds("history head", declared.hash() + ", length " + declared.length())
                    : fails("history head", "the bundle says " + declared + ", the history ends at " + last
                            + " (length " + history.size() + ")");
        }

        private Finding knownHead(HistoryHead head) {
            String subject = "known head " + head.length();
            if (head.length() < 1 || head.length() > history.size()) {
                return fails(subject, "the history has " + history.size() + " entries: it does not reach entry #"
                        + head.length());
            }
            Object hash = history.get((int) head.length() - 1).get("hash");
            return head.hash().equals(hash)
                    ? holds(subject, "entry #" + head.length() + " has the hash " + head.hash() + " pinned earlier")
                    : fails(subject, "entry #" + head.length() + " has the hash " + hash + ", not " + head.hash()
                            + " pinned earlier: the history was rewritten");
        }

        // ---- the signatures -----------------------------------------------------------------------------------

        private Finding regionKeys() {
            var sets = JsonFields.object(bundle, "regionKeys", "the bundle");
            var regionOfKey = new LinkedHashMap<String, String>();
            var shared = new ArrayList<String>();
            for (var region : sets.entrySet()) {
                try {
                    JwkSet keys = JwkSet.fromBundleJson(region.getValue(), "regionKeys." + region.getKey());
                    regionKeys.put(region.getKey(), keys);
                    for (Jwk key : keys.keys()) {
                        String other = regionOfKey.putIfAbsent(key.thumbprint(), region.getKey());
                        if (other != null) {
                            shared.add("key " + key.thumbprint() + " is registered for both " + other + " and "
                                    + region.getKey());
                        }
                    }
                } catch (EvidenceException e) {
                    unreadableRegionKeys.put(region.getKey(), e.getMessage());
                    findings.add(fails("keys of " + region.getKey(), e.getMessage()));
                }
            }
            if (!shared.isEmpty()) {
                return fails("region keys", String.join("; ", shared) + ": one region could sign as another");
            }
            return holds("region keys", regionKeys.size() + (regionKeys.size() == 1 ? " region" : " regions")
                    + ", no key shared between regions");
        }

        private void signatures() {
            for (int i = 0; i < history.size(); i++) {
                int seq = i + 1;
                Map<String, Object> entry = history.get(i);
                if (entry.get("type") instanceof String type && (SIGNATURE_ENTRIES.contains(type)
                        || versions != null && AMENDMENT_SIGNED.equals(type))) {
                    String party = partyOf(entry);
                    String subject = (AMENDMENT_SIGNED.equals(type) ? "amendment signature " : "signature ") + party
                            + " #" + seq;
                    check(subject, () -> signature(entry, seq, party, subject));
                }
            }
        }

        /** Who signed how, against the parties of the text: what a reader wants to know first. */
        private Finding parties() {
            var methods = new LinkedHashMap<String, String>();
            for (var entry : history) {
                if (entry.get("type") instanceof String type && SIGNATURE_ENTRIES.contains(type)
                        && entry.get("details") instanceof Map<?, ?> details
                        && details.get("signature") instanceof Map<?, ?> signature) {
                    methods.put(partyOf(entry), String.valueOf(signature.get("method")));
                }
            }
            var parties = new ArrayList<String>();
            for (Object party : JsonFields.array(JsonFields.object(bundle, "text", "the bundle"), "parties", "text")) {
                parties.add(String.valueOf(party));
            }
            var unsigned = parties.stream().filter(p -> !methods.containsKey(p)).toList();
            var acceded = methods.keySet().stream().filter(p -> !parties.contains(p)).toList();
            var byToken = methods.entrySet().stream()
                    .filter(m -> m.getValue().equals(SignatureMethod.BEARER_TOKEN.value())).map(Map.Entry::getKey)
                    .toList();
            long byJws = methods.values().stream().filter(SignatureMethod.JWS.value()::equals).count();
            return holds("parties", parties.size() + " parties in the text" + (acceded.isEmpty() ? "" : ", "
                    + acceded.size() + " acceded (" + String.join(", ", acceded) + ")") + "; " + byJws
                    + " signatures by JWS (each checked above)"
                    + (byToken.isEmpty() ? "" : ", " + byToken.size() + " by bearer token only ("
                            + String.join(", ", byToken) + ")")
                    + (unsigned.isEmpty() ? "; every party signed" : "; not signed: " + String.join(", ", unsigned)));
        }

        /** The party a signature entry names, or "?" (the check then says what is missing). */
        private static String partyOf(Map<String, Object> entry) {
            if (entry.get("details") instanceof Map<?, ?> details && details.get("signature") instanceof Map<?, ?> s
                    && s.get("party") instanceof String party) {
                return party;
            }
            return "?";
        }

        private Finding signature(Map<String, Object> entry, int seq, String party, String subject) {
            String what = "history #" + seq + ".details.signature";
            var signature = JsonFields.object(JsonFields.object(entry, "details", "history #" + seq), "signature",
                    "history #" + seq + ".details");
            JsonFields.string(signature, "party", what);
            String named = JsonFields.string(signature, "contentHash", what);
            TextVersions.Signed text = versions == null ? new TextVersions.Signed("the text", textHash)
                    : versions.signedBy(entry, seq, textHash);
            String expected = text.contentHash();
            if (expected == null) {
                return fails(subject, "names content hash " + named + ", but " + text.name()
                        + " could not be hashed");
            }
            if (!named.equals(expected)) {
                return fails(subject, "names content hash " + named + ", not " + text.name() + "'s " + expected);
            }
            String method = JsonFields.string(signature, "method", what);
            SignatureMethod known = SignatureMethod.of(method).orElse(null);
            if (known == SignatureMethod.BEARER_TOKEN) {
                String message = "signed with a bearer token only: the service's record of it, which no one can"
                        + " check offline";
                message += "the text".equals(text.name()) ? "" : " (over " + text.name() + ")";
                return options.strict() ? fails(subject, message + " (strict)") : unverified(subject, message);
            }
            if (known != SignatureMethod.JWS) {
                return fails(subject, "unknown signature method '" + method + "'");
            }
            Jws jws = Jws.parse(JsonFields.string(signature, "jws", what));
            JwkSet keys = regionKeys.get(party);
            if (keys == null) {
                return fails(subject, unreadableRegionKeys.containsKey(party)
                        ? "the keys of " + party + " cannot be read" : "the bundle has no keys for " + party);
            }
            Jwk key = jws.verify(keys);
            var payload = SignaturePayload.fromJson(jws.payloadJson());
            var mismatches = new ArrayList<String>();
            if (!payload.agreementId().equals(agreementId)) {
                mismatches.add("agreement " + payload.agreementId());
            }
            if (!payload.contentHash().equals(expected)) {
                mismatches.add("content hash " + payload.contentHash());
            }
            if (!payload.party().equals(party)) {
                mismatches.add("party " + payload.party());
            }
            if (!mismatches.isEmpty()) {
                return fails(subject, "the JWS verifies with key '" + key.kid() + "' but was made for "
                        + String.join(", ", mismatches) + ", not this one");
            }
            String over = "the text".equals(text.name()) ? "this text" : text.name();
            return holds(subject, key.algorithm().jwsName() + " JWS by key '" + key.kid() + "' (thumbprint "
                    + key.thumbprint() + ") over this agreement, " + over + " and " + party);
        }

        // ---- the checkpoint -----------------------------------------------------------------------------------

        private void checkpoint() {
            check("checkpoint", this::checkpointFinding);
            if (checkpointKey != null) {
                check("service key", () -> serviceKey(checkpointKey));
            }
        }

        private Finding checkpointFinding() {
            JwkSet serviceKeys = JwkSet.fromBundleJson(bundle.get("serviceKeys"), "serviceKeys");
            Jws jws = Jws.parse(JsonFields.string(bundle, "checkpoint", "the bundle"));
            Jwk key = jws.verify(serviceKeys);
            checkpointKey = key;
            Checkpoint checkpoint = Checkpoint.fromJson(jws.payloadJson());
            if (!checkpoint.agreementId().equals(agreementId)) {
                return fails("checkpoint", "signed by service key '" + key.kid() + "', but for agreement "
                        + checkpoint.agreementId() + ", not this one");
            }
            HistoryHead head = checkpoint.historyHead();
            Object last = history.isEmpty() ? null : history.get(history.size() - 1).get("hash");
            if (head.length() != history.size() || !head.hash().equals(last)) {
                return fails("checkpoint", "signed by service key '" + key.kid() + "' for head " + head
                        + ", but the history ends at " + last + " (length " + history.size() + ")");
            }
            return holds("checkpoint", "signed by service key '" + key.kid() + "' at " + checkpoint.time()
                    + " for head " + head.hash() + ", length " + head.length());
        }

        private Finding serviceKey(Jwk key) {
            String thumbprint = key.thumbprint();
            if (options.trustedServiceKeys() == null) {
                String message = "the bundle's own key (thumbprint " + thumbprint + "): compare it with the key the"
                        + " service publishes";
                return options.strict() ? fails("service key", message + " (strict: pass the published keys)")
                        : unverified("service key", message);
            }
            boolean trusted = options.trustedServiceKeys().keys().stream().anyMatch(key::sameKeyAs);
            return trusted ? holds("service key", "thumbprint " + thumbprint + " is one of the published keys")
                    : fails("service key", "thumbprint " + thumbprint + " is not one of the published keys");
        }

        // ---- findings -----------------------------------------------------------------------------------------

        /** Runs one check; whatever it cannot read fails it, with the reason. */
        private void check(String subject, Supplier<Finding> check) {
            try {
                findings.add(check.get());
            } catch (EvidenceException e) {
                findings.add(fails(subject, e.getMessage()));
            } catch (RuntimeException e) {
                findings.add(fails(subject, "cannot be read: " + e));
            }
        }

        private Finding holds(String subject, String message) {
            return new Finding(Status.HOLDS, subject, message);
        }

        private Finding fails(String subject, String message) {
            return new Finding(Status.FAILS, subject, message);
        }

        private Finding unverified(String subject, String message) {
            return new Finding(Status.UNVERIFIED, subject, message);
        }
    }
}
