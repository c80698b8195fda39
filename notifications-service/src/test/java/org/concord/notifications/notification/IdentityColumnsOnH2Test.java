package org.concord.notifications.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.concord.notifications.NotificationsIntegrationTest;
import org.concord.testsupport.ConcordIntegrationTest;
import org.concord.testsupport.db.IdentityColumns;
import org.concord.testsupport.db.TestDatabase;
import org.junit.jupiter.api.Test;

@ConcordIntegrationTest(database = TestDatabase.H2)
class IdentityColumnsOnH2Test extends NotificationsIntegrationTest {

    @Test
    void every_identity_column_hands_out_numbers_from_a_cache_instead_of_committing_its_counter_every_32() {
        assertThat(db.sql(IdentityColumns.WITH_SMALLER_CACHE).map(row -> row.get(0, String.class)).all().collectList().block())
                .isEmpty();
    }
}
