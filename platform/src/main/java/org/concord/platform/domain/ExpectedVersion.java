package org.concord.platform.domain;

import java.util.Set;

/**
 * The version of a resource a change was made against, as the client stated it (on HTTP: {@code If-Match}): any
 * version ({@code *}), one of some versions, or none stated. A use case checks it against the version it read.
 *
 * @param stated the client's words, for the message of a refusal; null when none was stated
 */
public record ExpectedVersion(String stated, boolean any, Set<Long> versions) {

    public static final ExpectedVersion NONE = new ExpectedVersion(null, false, Set.of());

    public ExpectedVersion {
        versions = Set.copyOf(versions);
    }

    public boolean isStated() {
        return stated != null;
    }

    /** Refuses the change if a stated version is not {@code current}; without one, refuses it when {@code required}. */
    public void check(long current, boolean required) {
        if (!isStated()) {
            if (required) {
                throw new DomainException(DomainException.Meaning.VERSION_REQUIRED,
                        "this update needs an If-Match header with the resource's current ETag " + tag(current));
            }
            return;
        }
        if (!any && !versions.contains(current)) {
            throw new DomainException(DomainException.Meaning.STALE_VERSION, "the resource has changed: If-Match "
                    + stated + " does not match the current ETag " + tag(current));
        }
    }

    /** The entity tag of a version, as the API shows it. */
    public static String tag(long version) {
        return "\"" + version + "\"";
    }
}
