package org.concord.platform.persistence;

import org.concord.testsupport.ConcordIntegrationTest;
import org.concord.testsupport.db.TestDatabase;

@ConcordIntegrationTest(database = TestDatabase.POSTGRESQL)
class LastVersionWinsOnPostgreSqlTest extends LastVersionWinsScenarios {
}
