package org.concord.regions.region.domain;

import org.concord.platform.domain.DomainException;

/** A region with this code exists (active or deactivated). Codes are never reused. */
public class RegionAlreadyRegistered extends DomainException {

    public RegionAlreadyRegistered(RegionCode code) {
        super(Meaning.CONFLICT, "region " + code + " is already registered; change it with PUT /api/regions/" + code);
    }
}
