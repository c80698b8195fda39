package org.concord.regions.region;

import org.concord.testsupport.ConcordIntegrationTest;
import org.concord.testsupport.db.TestDatabase;

@ConcordIntegrationTest(database = TestDatabase.H2)
class RegionKeysOnH2Test extends RegionKeysScenarios {
}
