package org.concord.evidence;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The head of an agreement's hash-chained history: the hash of its last entry and how many entries it has. An
 * event that carries it lets a consumer pin the history as it was; a checkpoint signs it.
 */
public record HistoryHead(String hash, long length) {

    public HistoryHead {
        if (hash == null || !HashChain.isHash(hash)) {
            throw new IllegalArgumentException("a history head's hash is 64 lower-case hex digits, not " + hash);
        }
        if (length < 0) {
            throw new IllegalArgumentException("a history's length cannot be negative: " + length);
        }
    }

    /** {@code {"hash": ..., "length": ...}} */
    public Map<String, Object> toJson() {
        var json = new LinkedHashMap<String, Object>();
        json.put("hash", hash);
        json.put("length", length);
        return json;
    }

    /** Reads {@code {"hash": ..., "length": ...}}. */
    public static HistoryHead fromJson(Object json, String what) {
        var object = JsonFields.object(json, what);
        String hash = JsonFields.string(object, "hash", what);
        if (!HashChain.isHash(hash)) {
            throw new EvidenceException(what + ".hash is not 64 lower-case hex digits: " + hash);
        }
        long length = JsonFields.integer(object, "length", what);
        if (length < 0) {
            throw new EvidenceException(what + ".length is negative: " + length);
        }
        return new HistoryHead(hash, length);
    }

    @Override
    public String toString() {
        return hash + " (length " + length + ")";
    }
}
