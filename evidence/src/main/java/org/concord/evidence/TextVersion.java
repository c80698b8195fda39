package org.concord.evidence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One version of an agreement's text in an evidence bundle (docs/evidence.md, "text versions"): version 1 is the
 * text as opened, version n + 1 the text amendment n made the agreement's once every party in force had signed it.
 *
 * @param version     1, 2, …
 * @param text        the text as a JSON object, all of {@link TextHash#MEMBERS}
 * @param contentHash its content hash ({@value TextHash#METHOD})
 * @param adoptedAt   the {@code seq} of the history entry that made it the agreement's text: the {@code opened} entry
 *                    for version 1, the {@code amendment-adopted} entry for every later one
 */
public record TextVersion(int version, Map<String, Object> text, String contentHash, long adoptedAt) {

    public TextVersion {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(contentHash, "contentHash");
    }

    /**
     * The versions a history records: the text as opened ({@code textAsOpened}) adopted by the {@code opened} entry,
     * then, per {@code amendment-adopted} entry, the text its {@code amendment-opened} entry proposed. None before
     * the agreement was opened (a draft's text is not fixed).
     */
    public static List<TextVersion> fromHistory(Map<String, Object> textAsOpened, List<Map<String, Object>> history) {
        var versions = new ArrayList<TextVersion>();
        var proposed = new LinkedHashMap<Long, Map<String, Object>>();
        for (Map<String, Object> entry : history) {
            long seq = ((Number) entry.get("seq")).longValue();
            var details = JsonFields.object(entry, "details", "history #" + seq);
            switch (String.valueOf(entry.get("type"))) {
                case "opened" -> {
                    if (versions.isEmpty()) {
                        versions.add(new TextVersion(1, textAsOpened, TextHash.of(textAsOpened), seq));
                    }
                }
                case "amendment-opened" -> proposed.put(amendmentNumber(details, seq),
                        JsonFields.object(details, "text", "history #" + seq + ".details"));
                case "amendment-adopted" -> {
                    var text = proposed.get(amendmentNumber(details, seq));
                    if (text != null) {
                        versions.add(new TextVersion(versions.size() + 1, text, TextHash.of(text), seq));
                    }
                }
                default -> { }
            }
        }
        return List.copyOf(versions);
    }

    /** {@code details.amendment.number} of an amendment entry. */
    static long amendmentNumber(Map<String, Object> details, long seq) {
        return JsonFields.integer(JsonFields.object(details, "amendment", "history #" + seq + ".details"), "number",
                "history #" + seq + ".details.amendment");
    }

    /** Reads a version as the bundle's {@code versions} holds it. */
    static TextVersion fromJson(Object json, String what) {
        var members = JsonFields.object(json, what);
        var hash = JsonFields.object(members, "contentHash", what);
        String method = JsonFields.string(hash, "method", what + ".contentHash");
        if (!TextHash.METHOD.equals(method)) {
            throw new EvidenceException(what + ".contentHash: unknown method '" + method + "' (this verifier knows "
                    + TextHash.METHOD + ")");
        }
        return new TextVersion((int) JsonFields.integer(members, "version", what),
                JsonFields.object(members, "text", what), JsonFields.string(hash, "value", what + ".contentHash"),
                JsonFields.integer(members, "adoptedAt", what));
    }

    public Map<String, Object> toJson() {
        var hash = new LinkedHashMap<String, Object>();
        hash.put("method", TextHash.METHOD);
        hash.put("value", contentHash);
        var json = new LinkedHashMap<String, Object>();
        json.put("version", version);
        json.put("text", text);
        json.put("contentHash", hash);
        json.put("adoptedAt", adoptedAt);
        return json;
    }
}
