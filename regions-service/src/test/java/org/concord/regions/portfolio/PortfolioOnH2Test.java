package org.concord.regions.portfolio;

import org.concord.testsupport.ConcordIntegrationTest;
import org.concord.testsupport.db.TestDatabase;

@ConcordIntegrationTest(database = TestDatabase.H2)
class PortfolioOnH2Test extends PortfolioScenarios {
}
