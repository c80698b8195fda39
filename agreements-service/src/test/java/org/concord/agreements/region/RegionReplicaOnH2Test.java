package org.concord.agreements.region;

import org.concord.testsupport.ConcordIntegrationTest;
import org.concord.testsupport.db.TestDatabase;

@ConcordIntegrationTest(database = TestDatabase.H2)
class RegionReplicaOnH2Test extends RegionReplicaScenarios {
}
