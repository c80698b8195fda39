package org.concord.regions.region.domain;

import org.concord.platform.domain.DomainException;

/** Refusals of a change to a region's signing keys. */
public final class KeyRefusals {

    private KeyRefusals() {
    }

    /** A signatory registers keys for another region than its own (403). */
    public static final class NotTheRegionsSignatory extends DomainException {
        public NotTheRegionsSignatory(KeyRegistrant registrant, RegionCode code) {
            super(Meaning.REFUSED, registrant.subject() + " signs for " + (registrant.region() == null ? "no region"
                    : registrant.region()) + " and cannot register the signing keys of " + code
                    + ": a region's keys are registered by its own signatory or by an admin");
        }
    }

    /** A key that another region registered: with it, one region could sign as the other (409). */
    public static final class KeyOfAnotherRegion extends DomainException {
        public KeyOfAnotherRegion(String thumbprint, String owner, RegionCode code) {
            super(Meaning.CONFLICT, "the key with thumbprint " + thumbprint + " is registered for " + owner
                    + "; " + code + " must sign with a key of its own");
        }
    }
}
