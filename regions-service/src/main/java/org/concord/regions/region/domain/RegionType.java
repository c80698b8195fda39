package org.concord.regions.region.domain;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The kind of a region: the four provincial-level kinds of ISO 3166-2:CN, or a whole country. */
public enum RegionType {
    PROVINCE,
    AUTONOMOUS_REGION,
    MUNICIPALITY,
    SPECIAL_ADMINISTRATIVE_REGION,
    COUNTRY;

    /** Parses a type as written in the API and the events; refuses anything else with a message listing the valid ones. */
    public static RegionType parse(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidRegion("type is required; one of " + valid());
        }
        try {
            return valueOf(value.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidRegion("type '" + value + "' is not a region type; one of " + valid());
        }
    }

    public static String valid() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
