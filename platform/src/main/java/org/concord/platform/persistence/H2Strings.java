package org.concord.platform.persistence;

import java.util.Locale;
import java.util.Optional;

/**
 * Keeps the strings a service writes to H2 in their rows. r2dbc-h2 binds every String parameter as a CLOB (its CLOB
 * codec comes before its VARCHAR one), and H2 writes a CLOB longer than {@code MAX_LENGTH_INPLACE_LOB} (256 bytes by
 * default) into its LOB storage and holds it there for five minutes after the commit: under load notifications-service
 * held 90,000 of them, its old generation filled up, and full collections of 200 to 400 ms followed. Below the limit a
 * CLOB stays in memory; no column of ours is a CLOB, so nothing else changes. The platform opens every H2 connection
 * with this setting, whatever the URL says, unless the URL sets it itself.
 */
public final class H2Strings {

    public static final String SETTING = "MAX_LENGTH_INPLACE_LOB";
    /** Three bytes per character of the largest request body (1 MB). */
    public static final String VALUE = "4194304";

    private H2Strings() {
    }

    /** The setting to open a connection to this R2DBC URL with: none when it is not H2 or sets the limit itself. */
    public static Optional<String> settingFor(String r2dbcUrl) {
        if (r2dbcUrl == null) {
            return Optional.empty();
        }
        String url = r2dbcUrl.toUpperCase(Locale.ROOT);
        boolean h2 = url.startsWith("R2DBC:H2:") || url.startsWith("R2DBC:POOL:H2:");
        return h2 && !url.contains(SETTING) ? Optional.of(SETTING + "=" + VALUE) : Optional.empty();
    }
}
