package org.concord.agreements.agreement.persistence;

import org.concord.testsupport.db.TestDatabase;

class OutboxQueueMigrationOnH2Test extends OutboxQueueMigrationScenarios {

    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }
}
