package org.concord.evidence;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An evidence bundle, format {@value #FORMAT}: everything needed to check an agreement's signing without the
 * service — the text and its content hash, the hash-chained history with the signatories' JWS in it, the region
 * keys those JWS were made with, and a checkpoint of the history's head signed by the service's key. The format is
 * specified in docs/evidence.md; {@link Verifier} checks a bundle.
 *
 * @param text        the text as first signed (as opened), a JSON object, all of {@link TextHash#MEMBERS}
 * @param versions    every version of the text since it was opened, version 1 (the same as {@code text}) first
 * @param history     the linked entries, oldest first (see {@link HashChain})
 * @param regionKeys  per region code, the JWK set holding the keys its signatures name
 * @param checkpoint  compact JWS of a {@link Checkpoint} by the service's key
 * @param serviceKeys the JWK set holding the service's checkpoint key
 */
public record EvidenceBundle(String agreementId, Map<String, Object> text, String contentHash,
        List<TextVersion> versions, List<Map<String, Object>> history, HistoryHead historyHead,
        Map<String, JwkSet> regionKeys, String checkpoint, JwkSet serviceKeys) {

    public static final String FORMAT = "concord-evidence/2";

    /** The first format, without {@code versions}: its bundles still verify as they did. */
    public static final String FORMAT_1 = "concord-evidence/1";

    public EvidenceBundle {
        Objects.requireNonNull(agreementId, "agreementId");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(historyHead, "historyHead");
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(serviceKeys, "serviceKeys");
        versions = List.copyOf(versions);
        history = List.copyOf(history);
        regionKeys = new TreeMap<>(regionKeys);
    }

    /**
     * Assembles the bundle of an agreement: computes the content hash, the text versions the history adopted and
     * the head, and signs a checkpoint of the head at {@code time} with {@code serviceKey}.
     *
     * @param text the text as opened (before any amendment by protocol)
     */
    public static EvidenceBundle assemble(String agreementId, Map<String, Object> text,
            List<Map<String, Object>> history, Map<String, JwkSet> regionKeys, SigningKey serviceKey, Instant time) {
        HistoryHead head = HashChain.head(history);
        String checkpoint = new Checkpoint(agreementId, head, time).sign(serviceKey);
        return new EvidenceBundle(agreementId, text, TextHash.of(text), TextVersion.fromHistory(text, history),
                history, head, regionKeys, checkpoint,
                JwkSet.of(serviceKey.publicJwk()));
    }

    /** The bundle as a JSON object, members in the order of docs/evidence.md. */
    public Map<String, Object> toJson() {
        var contentHashJson = new LinkedHashMap<String, Object>();
        contentHashJson.put("method", TextHash.METHOD);
        contentHashJson.put("value", contentHash);
        var regionKeysJson = new LinkedHashMap<String, Object>();
        regionKeys.forEach((region, keys) -> regionKeysJson.put(region, keys.toJson()));

        var json = new LinkedHashMap<String, Object>();
        json.put("format", FORMAT);
        json.put("agreementId", agreementId);
        json.put("text", text);
        json.put("contentHash", contentHashJson);
        json.put("versions", versions.stream().map(TextVersion::toJson).toList());
        json.put("history", history);
        json.put("historyHead", historyHead.toJson());
        json.put("regionKeys", regionKeysJson);
        json.put("checkpoint", checkpoint);
        json.put("serviceKeys", serviceKeys.toJson());
        return json;
    }

    /** The bundle as indented JSON text (UTF-8 when written to a file or a response). */
    public String write() {
        return Json.writePretty(toJson());
    }
}
