package org.concord.regions.region.domain;

import java.util.regex.Pattern;

/**
 * A region's identity: an ISO 3166-2 subdivision code ({@code CN-GX}) or, for a country, its
 * ISO 3166-1 alpha-2 code ({@code VN}).
 */
public record RegionCode(String value) {

    private static final Pattern FORMAT = Pattern.compile("^[A-Z]{2}(-[A-Z0-9]{1,3})?$");

    public RegionCode {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new InvalidRegion("code '" + value + "' is not an ISO 3166-2 code (CN-GX) "
                    + "or an ISO 3166-1 alpha-2 country code (VN)");
        }
    }

    public static RegionCode of(String value) {
        return new RegionCode(value);
    }

    /** True for a country code (no subdivision part). */
    public boolean isCountry() {
        return value.length() == 2;
    }

    /** The ISO 3166-1 alpha-2 country the code belongs to: its first two letters. */
    public String country() {
        return value.substring(0, 2);
    }

    @Override
    public String toString() {
        return value;
    }
}
