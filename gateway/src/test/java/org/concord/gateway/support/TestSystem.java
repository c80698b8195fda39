package org.concord.gateway.support;

import java.util.Map;

import org.concord.agreements.AgreementsApplication;
import org.concord.notifications.NotificationsApplication;
import org.concord.platform.ConcordApplication;
import org.concord.regions.RegionsApplication;
import org.concord.testsupport.db.TestDatabase;
import org.concord.testsupport.http.Http;
import org.concord.testsupport.system.ConcordSystem;

/**
 * What the gateway's tests run against: the three services on one kind of database (test-support's
 * {@link ConcordSystem}) and a gateway process in front of them with its production settings. One per database per
 * test run, shared by the test classes that ask for it ({@link WithConcordSystem}).
 */
public final class TestSystem implements AutoCloseable {

    private final TestDatabase database;
    private final ConcordSystem services;
    private final GatewayProcess gateway;

    private TestSystem(TestDatabase database, ConcordSystem services, GatewayProcess gateway) {
        this.database = database;
        this.services = services;
        this.gateway = gateway;
    }

    static TestSystem start(TestDatabase database) {
        // declared so that closing stops the consumers first, then the service whose events they read
        ConcordSystem services = ConcordSystem.builder(ConcordApplication::run)
                .service(AgreementsApplication.NAME, AgreementsApplication.class)
                .service(RegionsApplication.NAME, RegionsApplication.class)
                .service(NotificationsApplication.NAME, NotificationsApplication.class)
                .settings(NotificationsApplication.NAME, Map.of(
                        // webhook receivers listen on this machine: allowed here, as on the local stack, never in production
                        "concord.webhooks.allowed-hosts", "localhost,127.0.0.1",
                        "concord.webhooks.retry-schedule", "0s,200ms",
                        "concord.webhooks.retry-jitter", "0",
                        "concord.webhooks.poll-interval", "100ms"))
                .database(database)
                .start();
        GatewayProcess gateway = GatewayProcess.start("gateway-" + database.name().toLowerCase(), services, Map.of());
        return new TestSystem(database, services, gateway);
    }

    public TestDatabase database() {
        return database;
    }

    /** The gateway, as clients see it. */
    public Http gateway() {
        return new Http(gateway.url());
    }

    /** A service directly, bypassing the gateway, e.g. {@code service("agreements-service")}. */
    public Http service(String name) {
        return services.service(name).http();
    }

    public ConcordSystem services() {
        return services;
    }

    @Override
    public void close() {
        gateway.close();
        services.close();
    }
}
