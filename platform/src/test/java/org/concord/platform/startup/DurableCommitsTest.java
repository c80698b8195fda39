package org.concord.platform.startup;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DurableCommitsTest {

    @Test
    void an_h2_file_url_must_write_each_commit_at_once() {
        assertThatCode(() -> DurableCommits.checkH2("spring.r2dbc.url", "r2dbc:h2:file:////data/db;WRITE_DELAY=0")).doesNotThrowAnyException();
        assertThatCode(() -> DurableCommits.checkH2("spring.flyway.url", "jdbc:h2:file:/data/db;AUTO_SERVER=TRUE;write_delay=0"))
                .doesNotThrowAnyException();

        assertThatThrownBy(() -> DurableCommits.checkH2("spring.r2dbc.url", "r2dbc:h2:file:////data/db"))
                .isInstanceOf(StartupCheckFailed.class)
                .hasMessage("spring.r2dbc.url is an H2 file database without ;WRITE_DELAY=0: H2 would keep each commit in memory"
                        + " for up to 500 ms, so a crash could lose changes already answered 2xx");
        assertThatThrownBy(() -> DurableCommits.checkH2("spring.flyway.url", "jdbc:h2:file:/data/db;WRITE_DELAY=500"))
                .isInstanceOf(StartupCheckFailed.class);
        assertThatThrownBy(() -> DurableCommits.checkH2("spring.flyway.url", "jdbc:h2:~/db")).isInstanceOf(StartupCheckFailed.class);
    }

    @Test
    void databases_that_are_not_h2_files_are_left_to_their_own_checks() {
        assertThatCode(() -> {
            DurableCommits.checkH2("spring.r2dbc.url", "r2dbc:h2:mem:///regions;DB_CLOSE_DELAY=-1");
            DurableCommits.checkH2("spring.flyway.url", "jdbc:h2:mem:regions;DB_CLOSE_DELAY=-1");
            DurableCommits.checkH2("spring.flyway.url", "jdbc:h2:tcp://db:9092/regions");
            DurableCommits.checkH2("spring.r2dbc.url", "r2dbc:postgresql://db:5432/regions");
            DurableCommits.checkH2("spring.r2dbc.url", null);
        }).doesNotThrowAnyException();
    }

    @Test
    void a_postgresql_server_that_may_lose_a_reported_commit_is_refused() {
        assertThatCode(() -> DurableCommits.checkPostgres("on", "on")).doesNotThrowAnyException();
        assertThatCode(() -> DurableCommits.checkPostgres("on", "local")).doesNotThrowAnyException();
        assertThatThrownBy(() -> DurableCommits.checkPostgres("off", "on")).hasMessageContaining("fsync=off");
        assertThatThrownBy(() -> DurableCommits.checkPostgres("on", "off")).hasMessageContaining("synchronous_commit=off");
    }
}
