package org.concord.evidence;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The hash chain of an agreement's history. Each entry carries {@code previousHash}, the {@code hash} of the entry
 * before it ({@value #GENESIS_DESCRIPTION} for the first), and its own {@code hash}: the lower-case hex SHA-256 of
 * the UTF-8 RFC 8785 form of the entry without its {@code hash} member. Changing, dropping, inserting or reordering
 * an entry breaks every later link, so the head (last hash and length) stands for the whole history.
 */
public final class HashChain {

    /** The previousHash of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    static final String GENESIS_DESCRIPTION = "64 zeros";

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    private HashChain() {
    }

    /** The hash an entry must carry: SHA-256 of the canonical form of all its members but {@code hash}. */
    public static String hashOf(Map<String, ?> entry) {
        var hashed = new LinkedHashMap<String, Object>(entry);
        hashed.remove("hash");
        return Sha256.hex(CanonicalJson.canonicalBytes(hashed));
    }

    /**
     * The entry linked after {@code previousHash}: a copy of {@code entry} with {@code previousHash} and
     * {@code hash} set (appended after its other members; their order does not change the hash).
     */
    public static Map<String, Object> link(Map<String, ?> entry, String previousHash) {
        if (!isHash(previousHash)) {
            throw new IllegalArgumentException("previousHash must be 64 lower-case hex digits: " + previousHash);
        }
        var linked = new LinkedHashMap<String, Object>(entry);
        linked.remove("hash");
        linked.put("previousHash", previousHash);
        linked.put("hash", hashOf(linked));
        return linked;
    }

    /** The entry linked after the head of {@code history} (the entries already linked, oldest first). */
    public static Map<String, Object> append(List<? extends Map<String, ?>> history, Map<String, ?> entry) {
        return link(entry, head(history).hash());
    }

    /** The head of a linked history: its last entry's hash and its length ({@link #GENESIS} and 0 when empty). */
    public static HistoryHead head(List<? extends Map<String, ?>> history) {
        if (history.isEmpty()) {
            return new HistoryHead(GENESIS, 0);
        }
        Object hash = history.get(history.size() - 1).get("hash");
        if (!(hash instanceof String s) || !isHash(s)) {
            throw new IllegalArgumentException("the last entry is not linked: its hash is " + hash);
        }
        return new HistoryHead(s, history.size());
    }

    static boolean isHash(String value) {
        return value != null && HASH.matcher(value).matches();
    }
}
