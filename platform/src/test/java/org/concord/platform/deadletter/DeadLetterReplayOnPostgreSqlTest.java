package org.concord.platform.deadletter;

import org.concord.testsupport.ConcordIntegrationTest;
import org.concord.testsupport.db.TestDatabase;

@ConcordIntegrationTest(database = TestDatabase.POSTGRESQL)
class DeadLetterReplayOnPostgreSqlTest extends DeadLetterReplayScenarios {
}
