package org.concord.agreements.region;

import org.concord.testsupport.ConcordIntegrationTest;
import org.concord.testsupport.db.TestDatabase;

@ConcordIntegrationTest(database = TestDatabase.POSTGRESQL)
class RegionReplicaOnPostgreSqlTest extends RegionReplicaScenarios {
}
