package org.concord.platform.outbox;

import org.concord.testsupport.ConcordIntegrationTest;
import org.concord.testsupport.db.TestDatabase;

@ConcordIntegrationTest(database = TestDatabase.POSTGRESQL)
class RelayFaultsOnPostgreSqlTest extends RelayFaultScenarios {
}
