package org.concord.agreements.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import org.concord.agreements.AgreementsServiceTest;
import org.concord.testsupport.ConcordIntegrationTest;
import org.concord.testsupport.db.IdentityColumns;
import org.concord.testsupport.db.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

@AgreementsServiceTest
@ConcordIntegrationTest(database = TestDatabase.H2)
class IdentityColumnsOnH2Test {

    @Autowired
    DatabaseClient db;

    @Test
    void every_identity_column_hands_out_numbers_from_a_cache_instead_of_committing_its_counter_every_32() {
        assertThat(db.sql(IdentityColumns.WITH_SMALLER_CACHE).map(row -> row.get(0, String.class)).all().collectList().block())
                .isEmpty();
    }
}
