package org.concord.platform.deadletter;

import org.concord.testsupport.ConcordIntegrationTest;

@ConcordIntegrationTest
class DeadLetterReplayOnH2Test extends DeadLetterReplayScenarios {
}
