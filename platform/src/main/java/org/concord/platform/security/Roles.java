package org.concord.platform.security;

/** The roles of the API, as they appear in a token's {@code roles} claim. */
public final class Roles {

    public static final String ADMIN = "admin";
    public static final String SIGNATORY = "signatory";
    public static final String VIEWER = "viewer";

    /** The claim naming the region a signatory acts for. */
    public static final String REGION_CLAIM = "region";

    private Roles() {
    }
}
