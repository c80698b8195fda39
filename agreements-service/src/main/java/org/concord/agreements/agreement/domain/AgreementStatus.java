package org.concord.agreements.agreement.domain;

/**
 * Where an agreement is in its life.
 *
 * <pre>
 *   DRAFT ──open──▶ OPEN ──last signature──▶ SIGNED ──terminate──▶ TERMINATED
 *     │               │                        │ ▲
 *     └──withdraw──┐  └──withdraw──┐           │ └─ accession (a new party signs; stays SIGNED)
 *                  ▼               ▼           └──end of term passed──▶ EXPIRED
 *              WITHDRAWN       WITHDRAWN
 * </pre>
 *
 * The transitions themselves, and what each one requires, are in {@link Agreement}.
 */
public enum AgreementStatus {
    /** Being written: the text can still change. */
    DRAFT,
    /** Open for signature: the text is frozen and its content hash fixed. */
    OPEN,
    /** Every party has signed: the agreement is concluded (regions may still accede). */
    SIGNED,
    /** A signed agreement ended before its term did. */
    TERMINATED,
    /** A signed agreement whose term has ended. */
    EXPIRED,
    /** Abandoned before it was concluded. */
    WITHDRAWN
}
