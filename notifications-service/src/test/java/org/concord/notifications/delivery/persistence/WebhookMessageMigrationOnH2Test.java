package org.concord.notifications.delivery.persistence;

import org.concord.testsupport.db.TestDatabase;

class WebhookMessageMigrationOnH2Test extends WebhookMessageMigrationScenarios {

    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }
}
