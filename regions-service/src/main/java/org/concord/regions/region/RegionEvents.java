package org.concord.regions.region;

/**
 * The registry's events on {@code concord.topics.regions} (key = region code). Every event carries the
 * full {@link RegionSnapshot}: the topic is compacted, so the latest record per code is the region.
 */
public final class RegionEvents {

    public static final String REGISTERED = "concord.region.registered";
    public static final String UPDATED = "concord.region.updated";
    public static final String DEACTIVATED = "concord.region.deactivated";

    private RegionEvents() {
    }

    /** The data of every regions event, exactly the region-snapshot schema of the contract (nulls written, never omitted). */
    public record RegionSnapshot(
            String code,
            String name,
            String nativeName,
            RegionType type,
            String country,
            String capital,
            String signingAuthority,
            String contactEmail,
            boolean active,
            long version) {

        public static RegionSnapshot of(Region region) {
            RegionDetails d = region.details();
            return new RegionSnapshot(region.code().value(), d.name(), d.nativeName(), d.type(), region.country(),
                    d.capital(), d.signingAuthority(), d.contactEmail(), region.active(), region.version());
        }
    }
}
