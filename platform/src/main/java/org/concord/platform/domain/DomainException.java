package org.concord.platform.domain;

/**
 * A request a service understood and refuses, by what the refusal means. Each service names its refusals (an
 * instance or a subclass with a message a user can act on); the web layer turns each {@link Meaning} into one
 * HTTP status, in one place. Nothing here knows HTTP.
 */
public class DomainException extends RuntimeException {

    /** What a refusal means. */
    public enum Meaning {
        /** A value is not well-formed: a code, a hash, a query parameter in the wrong format. */
        MALFORMED,
        /** A well-formed request breaks a rule. */
        INVALID,
        /** The caller may not do this. */
        REFUSED,
        /** Nothing by that name or id. */
        NOT_FOUND,
        /** The resource's current state forbids it. */
        CONFLICT,
        /** The change names a version of the resource that is no longer the current one. */
        STALE_VERSION,
        /** The change must name the version it was made against, and did not. */
        VERSION_REQUIRED
    }

    private final Meaning meaning;
    private final String rule;

    public DomainException(Meaning meaning, String detail) {
        this(meaning, null, detail);
    }

    /** A refusal by a named rule of the domain: {@code rule} is its stable identifier, e.g. {@code party-signs-once}. */
    public DomainException(Meaning meaning, String rule, String detail) {
        super(detail);
        this.meaning = meaning;
        this.rule = rule;
    }

    public Meaning meaning() {
        return meaning;
    }

    /** The rule the request breaks, as clients may match on it; null where the refusal names none. */
    public String rule() {
        return rule;
    }
}
