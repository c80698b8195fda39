package org.concord.notifications.delivery;

import org.concord.testsupport.ConcordIntegrationTest;
import org.concord.testsupport.db.TestDatabase;

@ConcordIntegrationTest(database = TestDatabase.H2)
class WebhooksOnH2Test extends WebhookScenarios {
}
