package org.concord.agreements.agreement.persistence;

import org.concord.testsupport.db.TestDatabase;

class InForceMigrationOnPostgreSqlTest extends InForceMigrationScenarios {

    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
