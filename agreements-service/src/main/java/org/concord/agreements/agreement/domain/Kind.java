package org.concord.agreements.agreement.domain;

/** The kind of agreement. Concord records memoranda of understanding only, for now. */
public enum Kind {
    MOU
}
