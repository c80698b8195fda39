package org.concord.evidence;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The service's signed statement that an agreement's history had this head at this time:
 * {@code {"agreementId", "historyHead": {"hash", "length"}, "time"}}, the payload of a compact JWS by the service's
 * own key.
 */
public record Checkpoint(String agreementId, HistoryHead historyHead, Instant time) {

    public Checkpoint {
        Objects.requireNonNull(agreementId, "agreementId");
        Objects.requireNonNull(historyHead, "historyHead");
        Objects.requireNonNull(time, "time");
    }

    public Map<String, Object> toJson() {
        var json = new LinkedHashMap<String, Object>();
        json.put("agreementId", agreementId);
        json.put("historyHead", historyHead.toJson());
        json.put("time", time.toString());
        return json;
    }

    /** The compact JWS of this checkpoint (its RFC 8785 form) by the service's key. */
    public String sign(SigningKey serviceKey) {
        return Jws.sign(toJson(), serviceKey);
    }

    /** Reads a checkpoint payload; {@code time} is an RFC 3339 date-time. */
    public static Checkpoint fromJson(Object json) {
        String what = "the checkpoint";
        var members = JsonFields.object(json, what);
        String time = JsonFields.string(members, "time", what);
        try {
            return new Checkpoint(JsonFields.string(members, "agreementId", what),
                    HistoryHead.fromJson(members.get("historyHead"), what + ".historyHead"), Instant.parse(time));
        } catch (DateTimeParseException e) {
            throw new EvidenceException(what + ".time is not an RFC 3339 date-time: " + time);
        }
    }
}
