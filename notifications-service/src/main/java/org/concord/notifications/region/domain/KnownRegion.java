package org.concord.notifications.region.domain;

/**
 * What this service knows of a region, from its latest {@code regions.v1} snapshot: enough to write a message a
 * person reads ("Department of Commerce of Xizang Autonomous Region signed ...").
 */
public record KnownRegion(String code, String name, String signingAuthority, String contactEmail, boolean active,
        long version) {

    /** Who acts for the region: its signing authority, else its name. */
    public String actingName() {
        return signingAuthority != null && !signingAuthority.isBlank() ? signingAuthority : name;
    }
}
