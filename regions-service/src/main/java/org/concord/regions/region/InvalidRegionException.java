package org.concord.regions.region;

import org.concord.platform.web.DomainException;

/** A region rule refused the data given (bad code, type, name ...): 422, the message says what to fix. */
public class InvalidRegionException extends DomainException {

    public InvalidRegionException(String message) {
        super(Kind.UNPROCESSABLE, message);
    }
}
