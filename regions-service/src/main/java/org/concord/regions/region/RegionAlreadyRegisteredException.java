package org.concord.regions.region;

import org.concord.platform.web.DomainException;

/** A region with this code exists (active or deactivated): 409. Codes are never reused. */
public class RegionAlreadyRegisteredException extends DomainException {

    public RegionAlreadyRegisteredException(RegionCode code) {
        super(Kind.CONFLICT, "region " + code + " is already registered; change it with PUT /api/regions/" + code);
    }
}
