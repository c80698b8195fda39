package org.concord.agreements.agreement.persistence;

import org.concord.testsupport.db.TestDatabase;

class OutboxQueueMigrationOnPostgreSqlTest extends OutboxQueueMigrationScenarios {

    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
