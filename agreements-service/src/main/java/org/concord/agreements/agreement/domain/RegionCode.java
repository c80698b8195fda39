package org.concord.agreements.agreement.domain;

import org.concord.agreements.agreement.domain.AgreementRefusals.InvalidValue;

import java.util.regex.Pattern;


/** A region's ISO 3166-2 code ({@code CN-GX}), or an ISO 3166-1 alpha-2 code for a country ({@code VN}). */
public record RegionCode(String value) implements Comparable<RegionCode> {

    public static final String FORMAT = "^[A-Z]{2}(-[A-Z0-9]{1,3})?$";
    private static final Pattern PATTERN = Pattern.compile(FORMAT);

    public RegionCode {
        if (value == null || !PATTERN.matcher(value).matches()) {
            throw new InvalidValue("'" + value + "' is not a region code (ISO 3166-2 like CN-GX, or a country like VN)");
        }
    }

    public static RegionCode of(String value) {
        return new RegionCode(value);
    }

    @Override
    public int compareTo(RegionCode other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
