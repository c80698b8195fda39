package org.concord.notifications.notification;

import org.concord.testsupport.ConcordIntegrationTest;
import org.concord.testsupport.db.TestDatabase;

@ConcordIntegrationTest(database = TestDatabase.H2)
class InboxOnH2Test extends InboxScenarios {
}
