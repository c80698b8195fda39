package org.concord.platform.messaging;

import org.concord.testsupport.ConcordIntegrationTest;
import org.concord.testsupport.db.TestDatabase;

@ConcordIntegrationTest(database = TestDatabase.H2)
class ConsumerPollOnH2Test extends ConsumerPollScenarios {
}
