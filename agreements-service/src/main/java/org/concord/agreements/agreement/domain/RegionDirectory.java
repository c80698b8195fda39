package org.concord.agreements.agreement.domain;

/**
 * What the agreement rules need to know about regions: whether a code names a region that may take part.
 * The service answers it from its local replica of {@code regions.v1}; never by calling regions-service.
 */
@FunctionalInterface
public interface RegionDirectory {

    Standing standingOf(RegionCode region);

    /** A region's standing in the registry, as last heard. */
    enum Standing {
        ACTIVE,
        DEACTIVATED,
        UNKNOWN
    }
}
