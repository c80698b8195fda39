package org.concord.agreements.agreement.domain;

/**
 * Who puts a signature on an agreement: the authenticated signatory and the region it acts for (its token's
 * {@code region} claim). A signatory signs for its own region only.
 */
public record Signer(String subject, RegionCode actsFor) {

    public boolean mayActFor(RegionCode party) {
        return party.equals(actsFor);
    }
}
