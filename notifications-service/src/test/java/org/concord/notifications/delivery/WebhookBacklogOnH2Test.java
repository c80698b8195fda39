package org.concord.notifications.delivery;

import org.concord.testsupport.ConcordIntegrationTest;
import org.concord.testsupport.db.TestDatabase;

@ConcordIntegrationTest(database = TestDatabase.H2)
class WebhookBacklogOnH2Test extends WebhookBacklogScenarios {
}
