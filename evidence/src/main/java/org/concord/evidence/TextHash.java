package org.concord.evidence;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The content hash of an agreement's text, method {@value #METHOD}: {@code "sha256:"} and the lower-case hex
 * SHA-256 of the UTF-8 RFC 8785 form of the text, its {@code areas} and {@code parties} sorted first (both are
 * sets: their order is not part of the text). This is the content hash agreements-service fixes when an agreement
 * is opened (agreements-service/docs/content-hash.md), computed from the text as JSON.
 */
public final class TextHash {

    /** The name of this way of hashing a text in an evidence bundle. */
    public static final String METHOD = "concord-text/1";

    /** The members of a text: all of them, {@code null} where the text has no value. */
    public static final List<String> MEMBERS = List.of("areas", "commitments", "convener", "counterpart", "kind",
            "parties", "signingEvent", "summary", "term", "title");

    private static final List<String> SETS = List.of("areas", "parties");

    private TextHash() {
    }

    /** The content hash of a text given as a JSON object. */
    public static String of(Map<String, ?> text) {
        return "sha256:" + Sha256.hex(canonicalForm(text).getBytes(StandardCharsets.UTF_8));
    }

    /** What is hashed: the RFC 8785 form of the text with {@code areas} and {@code parties} sorted. */
    public static String canonicalForm(Map<String, ?> text) {
        var sorted = new LinkedHashMap<String, Object>(text);
        for (String set : SETS) {
            if (sorted.get(set) instanceof List<?> list) {
                var values = new ArrayList<String>(list.size());
                for (Object value : list) {
                    if (!(value instanceof String s)) {
                        throw new EvidenceException("text." + set + " must hold strings only");
                    }
                    values.add(s);
                }
                values.sort(null);
                sorted.put(set, values);
            } else if (sorted.containsKey(set)) {
                throw new EvidenceException("text." + set + " must be an array");
            }
        }
        return CanonicalJson.canonicalize(sorted);
    }
}
