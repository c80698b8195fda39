package org.concord.platform.messaging;

import org.concord.testsupport.ConcordIntegrationTest;
import org.concord.testsupport.db.TestDatabase;

@ConcordIntegrationTest(database = TestDatabase.POSTGRESQL)
class ConsumerPollOnPostgreSqlTest extends ConsumerPollScenarios {
}
