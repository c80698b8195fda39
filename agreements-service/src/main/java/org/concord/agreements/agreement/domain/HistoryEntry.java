package org.concord.agreements.agreement.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.concord.evidence.CanonicalJson;
import org.concord.evidence.HashChain;
import org.concord.evidence.HistoryHead;
import org.concord.evidence.Json;

/**
 * One entry of an agreement's history, a link of its hash chain (docs/evidence.md, "the hash-chained history"):
 * {@code seq} counts the agreement's entries from 1, {@code previousHash} is the hash of the entry before (64 zeros
 * for the first), and {@code hash} the SHA-256 of the RFC 8785 form of every member but {@code hash}. That form is
 * kept as it was hashed ({@code hashed}), so the entry is never serialised a second time to be checked. A new kind
 * of entry (an amendment of a signed agreement, its entry into force) is one more {@code type} with its own
 * {@code details}: the chain takes any.
 *
 * @param eventId the ce_id of the event published for it (null for an entry that publishes nothing)
 * @param details what changed, as JSON
 * @param hashed  the RFC 8785 form of the entry without {@code hash}: the bytes {@code hash} is the SHA-256 of
 */
public record HistoryEntry(UUID agreementId, long seq, String type, Instant at, long version, String eventId,
        String details, String previousHash, String hash, String hashed) {

    public HistoryEntry {
        Objects.requireNonNull(agreementId, "agreementId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(hashed, "hashed");
    }

    /**
     * The entry that follows {@code head} (the chain so far: {@link HashChain#GENESIS} and 0 for a new one), linked
     * to it and hashed.
     *
     * @param details what changed, as a JSON object
     */
    public static HistoryEntry after(HistoryHead head, UUID agreementId, String type, Instant at, long version,
            String eventId, String details) {
        var entry = new LinkedHashMap<String, Object>();
        entry.put("agreementId", agreementId.toString());
        entry.put("seq", head.length() + 1);
        entry.put("type", type);
        entry.put("at", at.toString());
        entry.put("version", version);
        entry.put("eventId", eventId);
        entry.put("details", Json.parse(details));
        Map<String, Object> linked = HashChain.link(entry, head.hash());
        String hash = (String) linked.remove("hash");
        return new HistoryEntry(agreementId, head.length() + 1, type, at, version, eventId, details, head.hash(),
                hash, CanonicalJson.canonicalize(linked));
    }

    /** The head of the chain that ends with this entry: what the event published for it carries. */
    public HistoryHead head() {
        return new HistoryHead(hash, seq);
    }

    /** The entry as the evidence bundle holds it: the members as hashed, and its {@code hash}. */
    public Map<String, Object> toJson() {
        @SuppressWarnings("unchecked")
        var json = (Map<String, Object>) Json.parse(hashed);
        json.put("hash", hash);
        return json;
    }
}
