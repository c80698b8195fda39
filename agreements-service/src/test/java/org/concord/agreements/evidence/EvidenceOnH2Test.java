package org.concord.agreements.evidence;

import org.concord.testsupport.ConcordIntegrationTest;
import org.concord.testsupport.db.TestDatabase;

@ConcordIntegrationTest(database = TestDatabase.H2)
class EvidenceOnH2Test extends EvidenceScenarios {
}
