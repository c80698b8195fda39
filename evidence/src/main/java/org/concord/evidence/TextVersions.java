package org.concord.evidence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.concord.evidence.VerificationReport.Finding;
import org.concord.evidence.VerificationReport.Status;

/**
 * The text versions of a bundle (format 2) checked against its history: each version's text hashes to its content
 * hash and is the text its history entries fixed (version 1: the {@code opened} entry; version n + 1: the text
 * {@code amendment-opened} proposed, adopted by {@code amendment-adopted}); which version each signature signs; and
 * that each adopted amendment was signed by every party in force.
 */
final class TextVersions {

    private static final String OPENED = "amendment-opened";
    private static final String ADOPTED = "amendment-adopted";

    /** What a signature should name: a version of the text, or an amendment's proposed text. */
    record Signed(String name, String contentHash) {
    }

    private final List<TextVersion> versions;
    /** Per version number, what its text hashes to (null when it cannot be hashed). */
    private final Map<Integer, String> recomputed = new HashMap<>();
    /** Per amendment number, the seq of its amendment-opened entry and what its proposed text hashes to. */
    private final Map<Long, Long> openedAt = new HashMap<>();
    private final Map<Long, String> proposed = new HashMap<>();
    /** What the history adopted that no version holds. */
    private List<String> missing = List.of();

    private TextVersions(List<TextVersion> versions) {
        this.versions = versions;
    }

    /** Reads and checks the versions, adding a finding per version to {@code findings}; returns them checked. */
    static TextVersions read(Map<String, Object> bundle, List<Map<String, Object>> history, String textHash,
            List<Finding> findings) {
        var versions = new ArrayList<TextVersion>();
        List<Object> json = JsonFields.array(bundle, "versions", "the bundle");
        for (int i = 0; i < json.size(); i++) {
            versions.add(TextVersion.fromJson(json.get(i), "versions[" + i + "]"));
        }
        var checked = new TextVersions(versions);
        checked.readAmendments(history);
        for (int i = 0; i < versions.size(); i++) {
            findings.add(checked.version(versions.get(i), i + 1, history, textHash));
        }
        checked.missing = checked.unversionedAdoptions(history);
        return checked;
    }

    private void readAmendments(List<Map<String, Object>> history) {
        for (Map<String, Object> entry : history) {
            if (OPENED.equals(entry.get("type")) && entry.get("details") instanceof Map<?, ?> d
                    && entry.get("seq") instanceof Number seq) {
                var details = JsonFields.object(d, "history #" + seq + ".details");
                try {
                    long number = TextVersion.amendmentNumber(details, seq.longValue());
                    openedAt.put(number, seq.longValue());
                    proposed.put(number, TextHash.of(JsonFields.object(details, "text", "history #" + seq
                            + ".details")));
                } catch (EvidenceException e) {
                    // the amendment's signatures and adoption then say what is missing
                }
            }
        }
    }

    Finding summary() {
        if (!missing.isEmpty()) {
            return fails("versions", String.join("; ", missing));
        }
        return versions.isEmpty() ? holds("versions", "none: the text was never opened")
                : holds("versions", versions.size() + (versions.size() == 1 ? " version" : " versions")
                        + " of the text, each adopted by an entry of the history (above)");
    }

    private Finding version(TextVersion version, int position, List<Map<String, Object>> history, String textHash) {
        String subject = "version " + position;
        var problems = new ArrayList<String>();
        if (version.version() != position) {
            problems.add("it is numbered " + version.version() + ", not " + position);
        }
        String hash;
        try {
            hash = TextHash.of(version.text());
        } catch (EvidenceException e) {
            return fails(subject, "its text cannot be hashed: " + e.getMessage());
        }
        recomputed.put(position, hash);
        if (!hash.equals(version.contentHash())) {
            problems.add("its text hashes to " + hash + ", the bundle says " + version.contentHash());
        }
        long seq = version.adoptedAt();
        Map<String, Object> entry = seq >= 1 && seq <= history.size() ? history.get((int) seq - 1) : Map.of();
        String adoption = position == 1 ? firstAdoption(entry, seq, hash, textHash, problems)
                : amendmentAdoption(entry, seq, position, hash, problems);
        return problems.isEmpty() ? holds(subject, "the text hashes to " + hash + ", " + adoption)
                : fails(subject, String.join("; ", problems));
    }

    private static String firstAdoption(Map<String, Object> entry, long seq, String hash, String textHash,
            List<String> problems) {
        if (!"opened".equals(entry.get("type"))) {
            problems.add("it says it was adopted at #" + seq + ", which is not the opened entry");
        }
        if (!hash.equals(textHash)) {
            problems.add("its text is not the bundle's text (which hashes to " + textHash + ")");
        }
        return "the text as opened at #" + seq;
    }

    private String amendmentAdoption(Map<String, Object> entry, long seq, int position, String hash,
            List<String> problems) {
        if (!ADOPTED.equals(entry.get("type"))) {
            problems.add("it says it was adopted at #" + seq + ", which is not an amendment-adopted entry");
            return "";
        }
        var details = JsonFields.object(entry, "details", "history #" + seq);
        long number = TextVersion.amendmentNumber(details, seq);
        var amendment = JsonFields.object(details, "amendment", "history #" + seq + ".details");
        if (JsonFields.integer(details, "textVersion", "history #" + seq + ".details") != position) {
            problems.add("entry #" + seq + " adopted text version " + details.get("textVersion") + ", not "
                    + position);
        }
        if (!hash.equals(amendment.get("contentHash"))) {
            problems.add("entry #" + seq + " adopted content hash " + amendment.get("contentHash") + ", not this"
                    + " text's");
        }
        String before = recomputed.get(position - 1);
        if (before != null && !before.equals(amendment.get("previousContentHash"))) {
            problems.add("entry #" + seq + " replaced content hash " + amendment.get("previousContentHash")
                    + ", not version " + (position - 1) + "'s " + before);
        }
        if (!openedAt.containsKey(number)) {
            problems.add("the history never opened amendment " + number);
        } else if (!hash.equals(proposed.get(number))) {
            problems.add("it is not the text amendment " + number + " proposed at #" + openedAt.get(number)
                    + " (which hashes to " + proposed.get(number) + ")");
        }
        return "the text amendment " + number + " proposed at #" + openedAt.get(number) + ", adopted at #" + seq;
    }

    private List<String> unversionedAdoptions(List<Map<String, Object>> history) {
        var adoptedAt = versions.stream().map(TextVersion::adoptedAt).toList();
        var problems = new ArrayList<String>();
        for (Map<String, Object> entry : history) {
            if ("opened".equals(entry.get("type")) && versions.isEmpty()) {
                problems.add("the history opened the text at #" + entry.get("seq") + ", but the bundle has no"
                        + " version 1");
            }
            if (ADOPTED.equals(entry.get("type")) && entry.get("seq") instanceof Number seq
                    && !adoptedAt.contains(seq.longValue())) {
                problems.add("the history adopts an amendment at #" + seq + ", but no version of the bundle is that"
                        + " text");
            }
        }
        return problems;
    }

    /** The text the signature of {@code entry} names: the amendment's (amendment-signed), else the version in force. */
    Signed signedBy(Map<String, Object> entry, int seq, String textHash) {
        if (Verifier.AMENDMENT_SIGNED.equals(entry.get("type"))) {
            long number = TextVersion.amendmentNumber(JsonFields.object(entry, "details", "history #" + seq), seq);
            String hash = proposed.get(number);
            if (hash == null) {
                throw new EvidenceException("signs amendment " + number + ", which the history never opened");
            }
            return new Signed("the text of amendment " + number, hash);
        }
        for (int i = versions.size() - 1; i > 0; i--) {
            if (versions.get(i).adoptedAt() < seq) {
                return new Signed("version " + (i + 1) + " of the text", recomputed.get(i + 1));
            }
        }
        // version 1 is the bundle's text (checked above): a signature over it names the text's hash, as in format 1
        return new Signed(versions.size() > 1 ? "version 1 of the text" : "the text", textHash);
    }

    /** Per amendment-adopted entry: whether every party in force at adoption had signed the amendment. */
    List<Finding> adoptions(List<Map<String, Object>> history) {
        var findings = new ArrayList<Finding>();
        for (Map<String, Object> entry : history) {
            if (ADOPTED.equals(entry.get("type")) && entry.get("seq") instanceof Number seq) {
                String subject = "adoption #" + seq;
                try {
                    findings.add(adoption(history, entry, seq.intValue(), subject));
                } catch (EvidenceException e) {
                    findings.add(fails(subject, e.getMessage()));
                }
            }
        }
        return findings;
    }

    private Finding adoption(List<Map<String, Object>> history, Map<String, Object> entry, int seq, String subject) {
        long number = TextVersion.amendmentNumber(JsonFields.object(entry, "details", "history #" + seq), seq);
        Long opened = openedAt.get(number);
        if (opened == null || opened >= seq) {
            return fails(subject, "adopts amendment " + number + ", which the history did not open before");
        }
        var details = JsonFields.object(history.get(opened.intValue() - 1), "details", "history #" + opened);
        Set<String> inForce = new LinkedHashSet<>();
        for (Object party : JsonFields.array(JsonFields.object(details, "amendment", "history #" + opened
                + ".details"), "parties", "history #" + opened + ".details.amendment")) {
            inForce.add(String.valueOf(party));
        }
        Set<String> signed = new LinkedHashSet<>();
        for (Map<String, Object> between : history.subList(opened.intValue(), seq - 1)) {
            followParties(between, number, inForce, signed);
        }
        var unsigned = inForce.stream().filter(p -> !signed.contains(p)).toList();
        return unsigned.isEmpty()
                ? holds(subject, "amendment " + number + " was signed by every party in force ("
                        + String.join(", ", inForce) + ") before it was adopted")
                : fails(subject, "amendment " + number + " was adopted without the signature of "
                        + String.join(", ", unsigned) + " (parties in force: " + String.join(", ", inForce) + ")");
    }

    /** Who entered into force, withdrew, or signed amendment {@code number} in {@code entry}. */
    private static void followParties(Map<String, Object> entry, long number, Set<String> inForce, Set<String> signed) {
        if (!(entry.get("details") instanceof Map<?, ?> details)) {
            return;
        }
        Object type = entry.get("type");
        if ("entered-into-force".equals(type) && details.get("party") instanceof String party) {
            inForce.add(party);
        } else if ("party-withdrawn".equals(type) && details.get("party") instanceof String party) {
            inForce.remove(party);
        } else if (Verifier.AMENDMENT_SIGNED.equals(type) && details.get("amendment") instanceof Map<?, ?> amendment
                && amendment.get("number") instanceof Number n && n.longValue() == number
                && details.get("signature") instanceof Map<?, ?> signature
                && signature.get("party") instanceof String party) {
            signed.add(party);
        }
    }

    private static Finding holds(String subject, String message) {
        return new Finding(Status.HOLDS, subject, message);
    }

    private static Finding fails(String subject, String message) {
        return new Finding(Status.FAILS, subject, message);
    }
}
