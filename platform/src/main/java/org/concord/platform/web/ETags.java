package org.concord.platform.web;

import java.util.HashSet;
import java.util.Set;

import org.concord.platform.domain.ExpectedVersion;

/** Strong ETags derived from a resource's version, and {@code If-Match} read as the version a change expects. */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return ExpectedVersion.tag(version);
    }

    /**
     * The version an {@code If-Match} header names: none when absent or blank, any for {@code *}, else the versions
     * of its strong tags (a tag that names no version of ours matches nothing).
     */
    public static ExpectedVersion expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return ExpectedVersion.NONE;
        }
        Set<Long> versions = new HashSet<>();
        boolean any = false;
        for (String tag : ifMatch.split(",")) {
            String candidate = tag.trim();
            if (candidate.equals("*")) {
                any = true;
            } else if (candidate.matches("\"\\d{1,18}\"")) {
                versions.add(Long.parseLong(candidate.substring(1, candidate.length() - 1)));
            }
        }
        return new ExpectedVersion(ifMatch, any, versions);
    }
}
