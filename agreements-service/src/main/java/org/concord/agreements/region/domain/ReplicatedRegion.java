package org.concord.agreements.region.domain;

import java.util.Objects;
import java.util.regex.Pattern;

import org.concord.evidence.JwkSet;

/**
 * What agreements-service keeps of a region of the registry: enough to decide whether it may be a party, and the
 * keys its signatories sign with.
 *
 * @param keys    the public keys the region registered to sign with (empty when none)
 * @param version the registry's version of the region; the replica keeps the highest one it has seen
 */
public record ReplicatedRegion(String code, String name, String signingAuthority, boolean active, JwkSet keys,
        long version) {

    private static final Pattern CODE = Pattern.compile("^[A-Z]{2}(-[A-Z0-9]{1,3})?$");

    public ReplicatedRegion {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("not a region code: " + code);
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keys, "keys");
        if (version < 0) {
            throw new IllegalArgumentException("negative version " + version + " of region " + code);
        }
    }
}
