package org.concord.agreements.idempotency;

import org.concord.testsupport.ConcordIntegrationTest;
import org.concord.testsupport.db.TestDatabase;

@ConcordIntegrationTest(database = TestDatabase.H2)
class IdempotencyOnH2Test extends IdempotencyScenarios {
}
