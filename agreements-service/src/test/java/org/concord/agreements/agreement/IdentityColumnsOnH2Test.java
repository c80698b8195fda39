package org.concord.agreements.agreement;

import org.concord.agreements.AgreementsServiceTest;
import org.concord.testsupport.ConcordIntegrationTest;
import org.concord.testsupport.db.IdentityColumns;
import org.concord.testsupport.db.TestDatabase;

@AgreementsServiceTest
@ConcordIntegrationTest(database = TestDatabase.H2)
class IdentityColumnsOnH2Test implements IdentityColumns {
}
