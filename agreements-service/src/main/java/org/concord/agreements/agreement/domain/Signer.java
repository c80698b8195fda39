package org.concord.agreements.agreement.domain;

/**
 * Who acts on an agreement for a region: the authenticated signatory and the region it acts for (its token's
 * {@code region} claim), or an administrator. A signatory acts for its own region only; an administrator may give
 * notice of a party's withdrawal for it (never sign for it).
 */
public record Signer(String subject, RegionCode actsFor, boolean administrator) {

    public Signer(String subject, RegionCode actsFor) {
        this(subject, actsFor, false);
    }

    /** Whether this signer signs for {@code party}: its own region only. */
    public boolean mayActFor(RegionCode party) {
        return party.equals(actsFor);
    }

    /** Whether this signer may give notice of {@code party}'s withdrawal: its signatory, or an administrator. */
    public boolean mayWithdraw(RegionCode party) {
        return administrator || mayActFor(party);
    }
}
