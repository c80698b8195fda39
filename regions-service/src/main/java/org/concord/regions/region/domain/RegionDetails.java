package org.concord.regions.region.domain;

import java.util.regex.Pattern;

/**
 * The descriptive part of a region an operator may change: everything except its code, country
 * (follows from the code), active flag and version (owned by the registry).
 */
public record RegionDetails(
        String name,
        String nativeName,
        RegionType type,
        String capital,
        String signingAuthority,
        String contactEmail) {

    static final int MAX_TEXT = 200;
    // Deliberately loose: one @, something on both sides, a dot in the domain. Deliverability is not our check.
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    public RegionDetails {
        name = required("name", name);
        nativeName = required("nativeName", nativeName);
        if (type == null) {
            throw new InvalidRegion("type is required; one of " + RegionType.valid());
        }
        capital = optional("capital", capital);
        signingAuthority = optional("signingAuthority", signingAuthority);
        contactEmail = optional("contactEmail", contactEmail);
        if (contactEmail != null && (contactEmail.length() > 254 || !EMAIL.matcher(contactEmail).matches())) {
            throw new InvalidRegion("contactEmail '" + contactEmail + "' is not an e-mail address");
        }
    }

    private static String required(String field, String value) {
        String text = optional(field, value);
        if (text == null) {
            throw new InvalidRegion(field + " is required");
        }
        return text;
    }

    private static String optional(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.length() > MAX_TEXT) {
            throw new InvalidRegion(field + " is longer than " + MAX_TEXT + " characters");
        }
        return text;
    }
}
