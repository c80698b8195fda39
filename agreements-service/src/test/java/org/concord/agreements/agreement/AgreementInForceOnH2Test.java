package org.concord.agreements.agreement;

import org.concord.testsupport.ConcordIntegrationTest;
import org.concord.testsupport.db.TestDatabase;

@ConcordIntegrationTest(database = TestDatabase.H2)
class AgreementInForceOnH2Test extends AgreementInForceScenarios {
}
