package org.concord.testsupport.db;

/**
 * The identity columns of a service's H2 database. H2 writes an identity's high-water mark in a commit of its own each
 * time its cache of numbers is used up (by default every 32); each service's {@code db/h2/<service>} migration gives
 * every identity column a cache of 1000 (benchmarks/README.md, twelfth session).
 */
public final class IdentityColumns {

    /** A query of one column, {@code TABLE.COLUMN}: every identity column whose cache is smaller than 1000. */
    public static final String WITH_SMALLER_CACHE = "SELECT TABLE_NAME || '.' || COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS "
            + "WHERE IS_IDENTITY = 'YES' AND TABLE_SCHEMA = 'PUBLIC' AND IDENTITY_CACHE < 1000";

    private IdentityColumns() {
    }
}
