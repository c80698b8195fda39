package org.concord.regions.region;

import org.concord.regions.RegionsServiceTest;
import org.concord.testsupport.ConcordIntegrationTest;
import org.concord.testsupport.db.IdentityColumns;
import org.concord.testsupport.db.TestDatabase;

@RegionsServiceTest
@ConcordIntegrationTest(database = TestDatabase.H2)
class IdentityColumnsOnH2Test implements IdentityColumns {
}
