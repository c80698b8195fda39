package org.concord.notifications.notification;

import org.concord.testsupport.ConcordIntegrationTest;
import org.concord.testsupport.db.TestDatabase;

@ConcordIntegrationTest(database = TestDatabase.POSTGRESQL)
class InboxOnPostgreSqlTest extends InboxScenarios {
}
