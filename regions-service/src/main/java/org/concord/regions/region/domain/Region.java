package org.concord.regions.region.domain;

import java.util.Objects;

/**
 * A region of the registry: a province, autonomous region, municipality or special administrative
 * region of a country (ISO 3166-2), or a country itself (ISO 3166-1).
 *
 * <p>Rules: the code has the ISO format; a country's code has no subdivision part and a subdivision's
 * code has one; the country is the code's first two letters; a region is never deleted, only
 * deactivated, so agreements that name it keep their meaning; every change increments the version. Its
 * signatories' public keys ({@link SigningKeys}) are replaced by its own signatory or an admin.
 */
public record Region(
        RegionCode code,
        RegionDetails details,
        boolean active,
        SigningKeys keys,
        long version) {

    public Region {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(keys, "keys");
        requireTypeFitsCode(code, details.type());
        if (version < 1) {
            throw new IllegalArgumentException("version starts at 1, was " + version);
        }
    }

    /** A newly registered region: active, version 1. */
    public static Region register(RegionCode code, RegionDetails details) {
        return new Region(code, details, true, SigningKeys.NONE, 1);
    }

    /** The region with new details; the code, country and active flag stay. */
    public Region update(RegionDetails newDetails) {
        return new Region(code, newDetails, active, keys, version + 1);
    }

    /** True when deactivating would change something (deactivation is idempotent). */
    public boolean canDeactivate() {
        return active;
    }

    /** The region taken out of use: kept with its history, but no longer eligible as a new party. */
    public Region deactivate() {
        if (!active) {
            return this;
        }
        return new Region(code, details, false, keys, version + 1);
    }

    /**
     * The region signing with {@code newKeys} from now on, replacing the keys it had (an empty set: it signs with a
     * bearer token again). Keys equal to the current ones change nothing.
     */
    public Region replaceKeys(SigningKeys newKeys, KeyRegistrant registrant) {
        if (!registrant.mayRegisterFor(code)) {
            throw new KeyRefusals.NotTheRegionsSignatory(registrant, code);
        }
        if (keys.sameAs(newKeys)) {
            return this;
        }
        return new Region(code, details, active, newKeys, version + 1);
    }

    public String country() {
        return code.country();
    }

    private static void requireTypeFitsCode(RegionCode code, RegionType type) {
        if (code.isCountry() && type != RegionType.COUNTRY) {
            throw new InvalidRegion("code '" + code + "' is a country code (ISO 3166-1), so its type must be "
                    + "COUNTRY, not " + type);
        }
        if (!code.isCountry() && type == RegionType.COUNTRY) {
            throw new InvalidRegion("code '" + code + "' is a subdivision code (ISO 3166-2); a COUNTRY "
                    + "has a two-letter code such as '" + code.country() + "'");
        }
    }
}
