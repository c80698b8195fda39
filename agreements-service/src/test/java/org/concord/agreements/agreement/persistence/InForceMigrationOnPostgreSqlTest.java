package org.concord.agreements.agreement.persistence;

import org.concord.testsupport.db.TestDatabase;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;

class InForceMigrationOnPostgreSqlTest extends InForceMigrationScenarios {

    @BeforeEach
    void postgreSqlIsThere() {
        TestDatabase.POSTGRESQL.unavailableReason().ifPresent(reason -> Assumptions.abort(reason));
    }

    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
