package org.concord.regions.region.domain;

/**
 * Who replaces a region's signing keys: an admin, or a signatory acting for that region (its token's region claim).
 *
 * @param region the region the registrant signs for, or null
 */
public record KeyRegistrant(String subject, boolean admin, String region) {

    public boolean mayRegisterFor(RegionCode code) {
        return admin || code.value().equals(region);
    }
}
