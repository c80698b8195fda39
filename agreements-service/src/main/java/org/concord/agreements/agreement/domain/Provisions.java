package org.concord.agreements.agreement.domain;

import org.concord.agreements.agreement.domain.AgreementRefusals.InvalidDraft;

/**
 * The clauses that govern an agreement's life once signed: when it enters into force, the fewest parties that keep
 * it in force ({@code quorum}), the notice a withdrawing party gives, and whether its term renews by itself. Set with
 * the draft, fixed when it is opened. They are not part of the hashed text (its canonical form predates them).
 *
 * @param quorum               the fewest parties (signed, not withdrawn) that keep the agreement in force: the
 *                             QUORUM rule's number, else 2 unless the draft says otherwise
 * @param withdrawalNoticeDays days between a party's notice of withdrawal and its effect (0: at once)
 * @param automaticRenewal     whether the term renews for the same length unless a party objects
 * @param renewalObjectionDays how many days before the term's last day objections close
 */
public record Provisions(EntryIntoForce entryIntoForce, int quorum, int withdrawalNoticeDays, boolean automaticRenewal,
        int renewalObjectionDays) {

    public static final int DEFAULT_QUORUM = 2;
    public static final int DEFAULT_WITHDRAWAL_NOTICE_DAYS = 90;
    public static final int DEFAULT_RENEWAL_OBJECTION_DAYS = 30;
    public static final Provisions DEFAULTS = of(null, null, null, null, null);

    public Provisions {
        if (entryIntoForce == null) {
            throw new InvalidDraft("entryIntoForce is required");
        }
        if (entryIntoForce.quorum() != null && quorum != entryIntoForce.quorum()) {
            throw new InvalidDraft("quorum (" + quorum + ") must equal entryIntoForce.quorum ("
                    + entryIntoForce.quorum() + ") under the QUORUM rule");
        }
        if (quorum < 1) {
            throw new InvalidDraft("quorum must be at least 1, was " + quorum);
        }
        if (withdrawalNoticeDays < 0 || withdrawalNoticeDays > 3650) {
            throw new InvalidDraft("withdrawalNoticeDays must be 0 to 3650, was " + withdrawalNoticeDays);
        }
        if (renewalObjectionDays < 0 || renewalObjectionDays > 3650) {
            throw new InvalidDraft("renewalObjectionDays must be 0 to 3650, was " + renewalObjectionDays);
        }
    }

    /** The provisions a draft states, each one it leaves out (null) at its default. */
    public static Provisions of(EntryIntoForce entryIntoForce, Integer quorum, Integer withdrawalNoticeDays,
            Boolean automaticRenewal, Integer renewalObjectionDays) {
        EntryIntoForce rule = entryIntoForce == null ? EntryIntoForce.ON_ALL_SIGNATURES : entryIntoForce;
        int fewest = quorum != null ? quorum : rule.quorum() != null ? rule.quorum() : DEFAULT_QUORUM;
        return new Provisions(rule, fewest,
                withdrawalNoticeDays == null ? DEFAULT_WITHDRAWAL_NOTICE_DAYS : withdrawalNoticeDays,
                Boolean.TRUE.equals(automaticRenewal),
                renewalObjectionDays == null ? DEFAULT_RENEWAL_OBJECTION_DAYS : renewalObjectionDays);
    }

    /** The rules the provisions must keep with the text they govern. */
    void checkAgainst(AgreementText text) {
        if (quorum > text.parties().size()) {
            throw new InvalidDraft("the quorum (" + quorum + ") cannot exceed the number of parties ("
                    + text.parties().size() + ")");
        }
        if (automaticRenewal && text.term().until() == null) {
            throw new InvalidDraft("automaticRenewal needs a term with an end (term.until): an open-ended term never renews");
        }
    }
}
