package org.concord.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.concord.platform.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/** A replica keeps the newest snapshot of each row, whatever order the snapshots come in, and binds nulls alike. */
@PlatformTest
abstract class LastVersionWinsScenarios {

    @Autowired
    LastVersionWins lastVersionWins;
    @Autowired
    DatabaseClient db;

    private final String code = UUID.randomUUID().toString().substring(0, 6);

    @Test
    void the_first_snapshot_is_written() {
        assertThat(write(3, "Yunnan", null)).isTrue();

        assertThat(stored()).isEqualTo("Yunnan/null/3");
    }

    @Test
    void a_newer_snapshot_replaces_the_row_and_an_older_or_equal_one_changes_nothing() {
        write(3, "Yunnan", "first");

        assertThat(write(5, "Yunnan Province", null)).isTrue();
        assertThat(write(4, "older", "older")).isFalse();
        assertThat(write(5, "same version", "again")).isFalse();

        assertThat(stored()).isEqualTo("Yunnan Province/null/5");
    }

    private boolean write(long version, String name, String note) {
        return lastVersionWins.write("test_replica", "code", Columns.of("code", code).and("name", name)
                        .and("note", note, String.class).and("version", version).andTime("updated_at", Instant.now()))
                .block();
    }

    private String stored() {
        return db.sql("SELECT name, note, version FROM test_replica WHERE code = :code").bind("code", code)
                .map(row -> row.get("name", String.class) + "/" + row.get("note", String.class) + "/"
                        + row.get("version", Long.class))
                .one().block();
    }
}
