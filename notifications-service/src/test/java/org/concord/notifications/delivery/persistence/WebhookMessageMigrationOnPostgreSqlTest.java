package org.concord.notifications.delivery.persistence;

import org.concord.testsupport.db.TestDatabase;

class WebhookMessageMigrationOnPostgreSqlTest extends WebhookMessageMigrationScenarios {

    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
