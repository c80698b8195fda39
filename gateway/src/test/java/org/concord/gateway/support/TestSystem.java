package org.concord.gateway.support;

import java.util.Map;

import org.concord.testsupport.db.TestDatabase;

/**
 * What the gateway's tests run against: the three services on one kind of database ({@link ConcordServices}), a
 * webhook receiver, and a gateway process in front of them with its production settings. One per database per
 * test run, shared by the test classes that ask for it ({@link WithConcordSystem}).
 */
public final class TestSystem implements AutoCloseable {

    private final TestDatabase database;
    private final WebhookReceiver receiver;
    private final ConcordServices services;
    private final GatewayProcess gateway;

    private TestSystem(TestDatabase database, WebhookReceiver receiver, ConcordServices services, GatewayProcess gateway) {
        this.database = database;
        this.receiver = receiver;
        this.services = services;
        this.gateway = gateway;
    }

    static TestSystem start(TestDatabase database) {
        WebhookReceiver receiver = WebhookReceiver.start();
        ConcordServices services = ConcordServices.start(database, Map.of(
                // the receiver listens on this machine: allowed here, as on the local stack, never in production
                "concord.webhooks.allowed-hosts", "localhost,127.0.0.1",
                "concord.webhooks.retry-schedule", "0s,200ms",
                "concord.webhooks.retry-jitter", "0",
                "concord.webhooks.poll-interval", "100ms"));
        GatewayProcess gateway = GatewayProcess.start("gateway-" + database.name().toLowerCase(), services, Map.of());
        return new TestSystem(database, receiver, services, gateway);
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
        return new Http(services.url(name));
    }

    public ConcordServices services() {
        return services;
    }

    public WebhookReceiver receiver() {
        return receiver;
    }

    @Override
    public void close() {
        gateway.close();
        services.close();
        receiver.close();
    }
}
