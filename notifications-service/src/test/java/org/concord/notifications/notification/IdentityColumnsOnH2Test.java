package org.concord.notifications.notification;

import org.concord.notifications.NotificationsIntegrationTest;
import org.concord.testsupport.ConcordIntegrationTest;
import org.concord.testsupport.db.IdentityColumns;
import org.concord.testsupport.db.TestDatabase;

@ConcordIntegrationTest(database = TestDatabase.H2)
class IdentityColumnsOnH2Test extends NotificationsIntegrationTest implements IdentityColumns {
}
