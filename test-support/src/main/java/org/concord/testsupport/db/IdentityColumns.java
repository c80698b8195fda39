package org.concord.testsupport.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * A rule for a service's H2 database, mixed into one H2 test of each service: H2 writes an identity column's
 * high-water mark in a commit of its own each time its cache of numbers is used up (by default every 32), so each
 * service's {@code db/h2/<service>} migration gives every identity column a cache of 1000 (benchmarks/README.md,
 * twelfth session).
 */
public interface IdentityColumns {

    @Test
    default void every_identity_column_hands_out_numbers_from_a_cache_instead_of_committing_its_counter_every_32(
            @Value("${spring.flyway.url}") String url, @Value("${spring.flyway.user}") String user,
            @Value("${spring.flyway.password}") String password) throws SQLException {
        List<String> smallerCache = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, user, password);
                ResultSet columns = connection.createStatement().executeQuery(
                        "SELECT TABLE_NAME || '.' || COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS WHERE IS_IDENTITY = 'YES' "
                                + "AND TABLE_SCHEMA = 'PUBLIC' AND IDENTITY_CACHE < 1000")) {
            while (columns.next()) {
                smallerCache.add(columns.getString(1));
            }
        }
        assertThat(smallerCache).isEmpty();
    }
}
