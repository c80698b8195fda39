package org.concord.regions.region.domain;

import org.concord.platform.domain.DomainException;

/** What a list of regions is narrowed to: each part optional (null = any). */
public record RegionFilter(RegionType type, String country, String text) {

    /** From query parameters; an unknown type is a bad request (400), not a rule violation. */
    public static RegionFilter of(String type, String country, String text) {
        RegionType parsedType = null;
        if (type != null && !type.isBlank()) {
            try {
                parsedType = RegionType.parse(type.trim().toUpperCase());
            } catch (InvalidRegion e) {
                throw new DomainException(DomainException.Meaning.MALFORMED, "query parameter " + e.getMessage());
            }
        }
        return new RegionFilter(
                parsedType,
                country == null || country.isBlank() ? null : country.trim().toUpperCase(),
                text == null || text.isBlank() ? null : text.strip());
    }
}
