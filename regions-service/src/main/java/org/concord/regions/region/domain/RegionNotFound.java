package org.concord.regions.region.domain;

import org.concord.platform.domain.DomainException;

/** No region with this code in the registry. */
public class RegionNotFound extends DomainException {

    public RegionNotFound(String code) {
        super(Meaning.NOT_FOUND, "no region with code '" + code + "' in the registry");
    }
}
