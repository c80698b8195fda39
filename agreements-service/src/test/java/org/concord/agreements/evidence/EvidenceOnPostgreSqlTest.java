package org.concord.agreements.evidence;

import org.concord.testsupport.ConcordIntegrationTest;
import org.concord.testsupport.db.TestDatabase;

@ConcordIntegrationTest(database = TestDatabase.POSTGRESQL)
class EvidenceOnPostgreSqlTest extends EvidenceScenarios {
}
