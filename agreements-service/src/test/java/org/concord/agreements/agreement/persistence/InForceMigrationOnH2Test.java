package org.concord.agreements.agreement.persistence;

import org.concord.testsupport.db.TestDatabase;

class InForceMigrationOnH2Test extends InForceMigrationScenarios {

    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }
}
