package org.concord.platform.web;

import static org.concord.platform.web.DomainException.Kind.PRECONDITION_FAILED;
import static org.concord.platform.web.DomainException.Kind.PRECONDITION_REQUIRED;

/** Strong ETags derived from a resource's version, and the If-Match check for updates. */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * Refuses an update without {@code If-Match} (428) or with a tag other than the current version (412).
     * {@code *} matches any version.
     */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new DomainException(PRECONDITION_REQUIRED,
                    "this update needs an If-Match header with the resource's current ETag " + of(currentVersion));
        }
        for (String tag : ifMatch.split(",")) {
            String candidate = tag.trim();
            if (candidate.equals("*") || candidate.equals(of(currentVersion))) {
                return;
            }
        }
        throw new DomainException(PRECONDITION_FAILED,
                "the resource has changed: If-Match " + ifMatch + " does not match the current ETag " + of(currentVersion));
    }
}
