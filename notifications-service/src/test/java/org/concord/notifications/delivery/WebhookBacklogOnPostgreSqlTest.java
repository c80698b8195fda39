package org.concord.notifications.delivery;

import org.concord.testsupport.ConcordIntegrationTest;
import org.concord.testsupport.db.TestDatabase;

@ConcordIntegrationTest(database = TestDatabase.POSTGRESQL)
class WebhookBacklogOnPostgreSqlTest extends WebhookBacklogScenarios {
}
