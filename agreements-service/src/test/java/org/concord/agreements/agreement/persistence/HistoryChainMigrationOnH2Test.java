package org.concord.agreements.agreement.persistence;

import org.concord.testsupport.db.TestDatabase;

class HistoryChainMigrationOnH2Test extends HistoryChainMigrationScenarios {

    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }
}
