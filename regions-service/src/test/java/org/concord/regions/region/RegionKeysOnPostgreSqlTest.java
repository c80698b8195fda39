package org.concord.regions.region;

import org.concord.testsupport.ConcordIntegrationTest;
import org.concord.testsupport.db.TestDatabase;

@ConcordIntegrationTest(database = TestDatabase.POSTGRESQL)
class RegionKeysOnPostgreSqlTest extends RegionKeysScenarios {
}
