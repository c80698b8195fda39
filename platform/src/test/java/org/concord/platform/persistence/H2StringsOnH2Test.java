package org.concord.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.concord.platform.PlatformTest;
import org.concord.testsupport.ConcordIntegrationTest;
import org.concord.testsupport.db.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

@PlatformTest
@ConcordIntegrationTest(database = TestDatabase.H2)
class H2StringsOnH2Test {

    @Autowired
    DatabaseClient db;

    @Test
    void the_services_connections_keep_strings_in_their_rows_though_the_url_does_not_say_so() {
        String limit = db.sql("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'MAX_LENGTH_INPLACE_LOB'")
                .map(row -> row.get(0, String.class)).one().block();

        assertThat(limit).isEqualTo(H2Strings.VALUE);
    }

    @Test
    void a_url_that_sets_the_limit_itself_or_names_another_database_is_left_alone() {
        assertThat(H2Strings.settingFor("r2dbc:h2:file:////data/db;WRITE_DELAY=0")).contains("MAX_LENGTH_INPLACE_LOB=4194304");
        assertThat(H2Strings.settingFor("r2dbc:h2:file:////data/db;WRITE_DELAY=0;max_length_inplace_lob=1000")).isEmpty();
        assertThat(H2Strings.settingFor("r2dbc:postgresql://db:5432/regions")).isEmpty();
        assertThat(H2Strings.settingFor(null)).isEmpty();
    }
}
