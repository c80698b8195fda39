package org.concord.agreements.agreement;

import org.concord.testsupport.ConcordIntegrationTest;
import org.concord.testsupport.db.TestDatabase;

@ConcordIntegrationTest(database = TestDatabase.POSTGRESQL)
class AgreementScheduleOnPostgreSqlTest extends AgreementScheduleScenarios {
}
