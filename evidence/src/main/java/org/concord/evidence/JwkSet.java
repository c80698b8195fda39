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
        return fromJson(json, what, false);
    }

    /**
     * Reads a JWK set of an evidence bundle, where every key must also name its {@code alg} and its {@code use}
     * ({@code sig}): optional in RFC 7517, required in a bundle, so that no member of a bundled key can be renamed
     * into one a verifier must ignore.
     */
    public static JwkSet fromBundleJson(Object json, String what) {
        return fromJson(json, what, true);
    }

    private static JwkSet fromJson(Object json, String what, boolean explicit) {
        var members = JsonFields.object(json, what);
        var keys = new ArrayList<Jwk>();
        for (Object key : JsonFields.array(members, "keys", what)) {
            Jwk jwk = Jwk.fromJson(key);
            var keyMembers = JsonFields.object(key, "a JWK");
            if (explicit && !(keyMembers.containsKey("alg") && keyMembers.containsKey("use"))) {
                throw new EvidenceException(what + ": the JWK '" + jwk.kid() + "' must name its alg and its use (sig)");
            }
            keys.add(jwk);
        }
        try {
            return new JwkSet(keys);
        } catch (EvidenceException e) {
            throw new EvidenceException(what + ": " + e.getMessage());
        }
    }
}
