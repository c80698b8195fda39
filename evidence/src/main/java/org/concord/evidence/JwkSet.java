package org.concord.evidence;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A JWK Set (RFC 7517 section 5): {@code {"keys": [...]}}, each key with a kid of its own. */
public record JwkSet(List<Jwk> keys) {

    public JwkSet {
        keys = List.copyOf(keys);
        var kids = new HashSet<String>();
        for (Jwk key : keys) {
            if (!kids.add(key.kid())) {
                throw new EvidenceException("two keys of one JWK set share the kid '" + key.kid() + "'");
            }
        }
    }

    public static JwkSet of(Jwk... keys) {
        return new JwkSet(List.of(keys));
    }

    public Optional<Jwk> find(String kid) {
        return keys.stream().filter(key -> key.kid().equals(kid)).findFirst();
    }

    public Map<String, Object> toJson() {
        var json = new LinkedHashMap<String, Object>();
        json.put("keys", keys.stream().map(Jwk::toJson).toList());
        return json;
    }

    /**
     * Reads a JWK set. Any key that cannot be read makes the whole set unreadable: in evidence a key that is there
     * but unusable is a fault to report, not to pass over.
     */
    public static JwkSet fromJson(Object json, String what) {
        var members = JsonFields.object(json, what);
        var keys = new ArrayList<Jwk>();
        for (Object key : JsonFields.array(members, "keys", what)) {
            keys.add(Jwk.fromJson(key));
        }
        try {
            return new JwkSet(keys);
        } catch (EvidenceException e) {
            throw new EvidenceException(what + ": " + e.getMessage());
        }
    }
}
