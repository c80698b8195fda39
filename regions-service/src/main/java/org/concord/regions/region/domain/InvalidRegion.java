package org.concord.regions.region.domain;

import org.concord.platform.domain.DomainException;

/** A region rule refused the data given (bad code, type, name ...); the message says what to fix. */
public class InvalidRegion extends DomainException {

    public InvalidRegion(String message) {
        super(Meaning.INVALID, message);
    }
}
