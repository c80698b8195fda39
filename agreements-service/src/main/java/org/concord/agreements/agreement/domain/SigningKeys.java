package org.concord.agreements.agreement.domain;

import java.util.Map;

import org.concord.evidence.JwkSet;

/**
 * The public keys regions have registered to sign with (JWK sets, ES256 and EdDSA), as this service last heard of
 * them from {@code regions.v1}: what a signatory's JWS is checked against. Never asked of regions-service directly.
 */
public interface SigningKeys {

    /** The keys {@code region} signs with now; an empty set when it has registered none. */
    JwkSet of(RegionCode region);

    /** Every region's keys, to tell whose key made a JWS that is not the party's. */
    Map<RegionCode, JwkSet> all();

    /** No region has a key. */
    SigningKeys NONE = new SigningKeys() {
        @Override
        public JwkSet of(RegionCode region) {
            return JwkSet.of();
        }

        @Override
        public Map<RegionCode, JwkSet> all() {
            return Map.of();
        }
    };

    /** The keys of a map, regions missing from it having none. */
    static SigningKeys of(Map<RegionCode, JwkSet> keys) {
        Map<RegionCode, JwkSet> copy = Map.copyOf(keys);
        return new SigningKeys() {
            @Override
            public JwkSet of(RegionCode region) {
                return copy.getOrDefault(region, JwkSet.of());
            }

            @Override
            public Map<RegionCode, JwkSet> all() {
                return copy;
            }
        };
    }
}
