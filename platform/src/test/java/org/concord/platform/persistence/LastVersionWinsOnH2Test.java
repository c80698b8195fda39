package org.concord.platform.persistence;

import org.concord.testsupport.ConcordIntegrationTest;
import org.concord.testsupport.db.TestDatabase;

@ConcordIntegrationTest(database = TestDatabase.H2)
class LastVersionWinsOnH2Test extends LastVersionWinsScenarios {
}
