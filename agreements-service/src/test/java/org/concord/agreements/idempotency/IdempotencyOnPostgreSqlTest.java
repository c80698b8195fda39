package org.concord.agreements.idempotency;

import org.concord.testsupport.ConcordIntegrationTest;
import org.concord.testsupport.db.TestDatabase;

@ConcordIntegrationTest(database = TestDatabase.POSTGRESQL)
class IdempotencyOnPostgreSqlTest extends IdempotencyScenarios {
}
