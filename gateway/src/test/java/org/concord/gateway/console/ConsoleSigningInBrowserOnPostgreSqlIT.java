package org.concord.gateway.console;

import org.concord.gateway.support.WithBrowser;
import org.concord.gateway.support.WithConcordSystem;
import org.concord.testsupport.db.TestDatabase;

/**
 * The console's signing scenarios with the services on PostgreSQL; skipped, saying why, when no server is configured
 * ({@code CONCORD_TEST_POSTGRES_URL}, as .ci/run sets it) and no Docker engine can start one.
 */
@WithConcordSystem(TestDatabase.POSTGRESQL)
@WithBrowser
class ConsoleSigningInBrowserOnPostgreSqlIT extends ConsoleSigningScenarios {
}
