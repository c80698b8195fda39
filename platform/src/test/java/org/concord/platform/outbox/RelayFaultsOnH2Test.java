package org.concord.platform.outbox;

import org.concord.testsupport.ConcordIntegrationTest;
import org.concord.testsupport.db.TestDatabase;

@ConcordIntegrationTest(database = TestDatabase.H2)
class RelayFaultsOnH2Test extends RelayFaultScenarios {
}
