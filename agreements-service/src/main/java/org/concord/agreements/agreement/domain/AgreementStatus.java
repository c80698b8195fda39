package org.concord.agreements.agreement.domain;

/**
 * Where an agreement is in its life.
 *
 * <pre>
 *   DRAFT ──open──▶ OPEN ──signatures (as its entry-into-force rule says)──▶ SIGNED ──(its date)──▶ IN_FORCE
 *     │               │  └──────── QUORUM's nth, or ON_OWN_SIGNATURE's first signature ──────────▶ IN_FORCE
 *     └──withdraw──┐  └──withdraw──┐                                   IN_FORCE ──terminate, quorum lost──▶ TERMINATED
 *                  ▼               ▼                         SIGNED, IN_FORCE ──end of term passed──▶ EXPIRED
 *              WITHDRAWN       WITHDRAWN                             (IN_FORCE renews instead, when it does)
 * </pre>
 *
 * The transitions themselves, and what each one requires, are in {@link Agreement}.
 */
public enum AgreementStatus {
    /** Being written: the text can still change. */
    DRAFT,
    /** Open for signature: the text is frozen and its content hash fixed. */
    OPEN,
    /** Every party has signed (concluded); not yet in force (ON_DATE, before its date). */
    SIGNED,
    /** In force: since its entry into force, until its term ends or it is terminated. */
    IN_FORCE,
    /** Ended before its term did: by decision, or because fewer parties than the quorum were left. */
    TERMINATED,
    /** Its term has ended. */
    EXPIRED,
    /** Abandoned before it was concluded. */
    WITHDRAWN
}
