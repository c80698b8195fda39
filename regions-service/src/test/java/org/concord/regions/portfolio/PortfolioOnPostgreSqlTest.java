package org.concord.regions.portfolio;

import org.concord.testsupport.ConcordIntegrationTest;
import org.concord.testsupport.db.TestDatabase;

@ConcordIntegrationTest(database = TestDatabase.POSTGRESQL)
class PortfolioOnPostgreSqlTest extends PortfolioScenarios {
}
