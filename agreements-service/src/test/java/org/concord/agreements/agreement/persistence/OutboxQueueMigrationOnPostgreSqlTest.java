package org.concord.agreements.agreement.persistence;

import org.concord.testsupport.db.TestDatabase;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;

class OutboxQueueMigrationOnPostgreSqlTest extends OutboxQueueMigrationScenarios {

    @BeforeEach
    void postgreSqlIsThere() {
        TestDatabase.POSTGRESQL.unavailableReason().ifPresent(reason -> Assumptions.abort(reason));
    }

    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
