package org.concord.agreements.agreement.persistence;

import org.concord.testsupport.db.TestDatabase;

class HistoryChainMigrationOnPostgreSqlTest extends HistoryChainMigrationScenarios {

    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
