package org.concord.gateway.console;

import org.concord.gateway.support.WithBrowser;
import org.concord.gateway.support.WithConcordSystem;
import org.concord.testsupport.db.TestDatabase;

/** The console's signing scenarios with the services on H2. */
@WithConcordSystem(TestDatabase.H2)
@WithBrowser
class ConsoleSigningInBrowserOnH2IT extends ConsoleSigningScenarios {
}
