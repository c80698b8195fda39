package org.concord.localstack.demo;

/**
 * Issues development bearer tokens the running stack accepts (the launcher signs them with the local stack's key,
 * as {@code ./concord token} does).
 */
@FunctionalInterface
public interface TokenIssuer {

    /** A token for {@code role} (admin, signatory, viewer); {@code region} is the region a signatory acts for, else null. */
    String issue(String role, String region);

    default String admin() {
        return issue("admin", null);
    }

    default String viewer() {
        return issue("viewer", null);
    }

    default String signatory(String region) {
        return issue("signatory", region);
    }
}
