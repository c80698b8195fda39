package org.concord.platform.inbox;

import org.concord.testsupport.ConcordIntegrationTest;
import org.concord.testsupport.db.TestDatabase;

@ConcordIntegrationTest(database = TestDatabase.POSTGRESQL)
class IdempotentConsumerOnPostgreSqlTest extends IdempotentConsumerScenarios {
}
