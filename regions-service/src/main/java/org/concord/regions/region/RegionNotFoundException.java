package org.concord.regions.region;

import org.concord.platform.web.DomainException;

/** No region with this code in the registry: 404. */
public class RegionNotFoundException extends DomainException {

    public RegionNotFoundException(String code) {
        super(Kind.NOT_FOUND, "no region with code '" + code + "' in the registry");
    }
}
