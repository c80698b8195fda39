package org.concord.evidence;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a signatory signs with its own key: {@code {"agreementId", "contentHash", "party"}}, the payload of its
 * compact JWS. It binds the signature to one agreement, one text and one party, so it cannot be replayed on
 * another agreement, another text or for another region.
 */
public record SignaturePayload(String agreementId, String contentHash, String party) {

    public SignaturePayload {
        Objects.requireNonNull(agreementId, "agreementId");
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(party, "party");
    }

    public Map<String, Object> toJson() {
        var json = new LinkedHashMap<String, Object>();
        json.put("agreementId", agreementId);
        json.put("contentHash", contentHash);
        json.put("party", party);
        return json;
    }

    /** The compact JWS of this payload (its RFC 8785 form) by {@code key}. */
    public String sign(SigningKey key) {
        return Jws.sign(toJson(), key);
    }

    /** Reads the payload of a signatory's JWS; other members are allowed and ignored. */
    public static SignaturePayload fromJson(Object json) {
        var members = JsonFields.object(json, "the JWS payload");
        return new SignaturePayload(JsonFields.string(members, "agreementId", "the JWS payload"),
                JsonFields.string(members, "contentHash", "the JWS payload"),
                JsonFields.string(members, "party", "the JWS payload"));
    }
}
