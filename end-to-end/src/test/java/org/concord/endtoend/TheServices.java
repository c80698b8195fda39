package org.concord.endtoend;

import java.util.Map;

import org.concord.agreements.AgreementsApplication;
import org.concord.notifications.NotificationsApplication;
import org.concord.platform.ConcordApplication;
import org.concord.regions.RegionsApplication;
import org.concord.testsupport.system.ConcordSystem;

/** The three services, as every end-to-end test starts them (test-support's {@link ConcordSystem} cannot name them). */
final class TheServices {

    static final String REGIONS = RegionsApplication.NAME;
    static final String AGREEMENTS = AgreementsApplication.NAME;
    static final String NOTIFICATIONS = NotificationsApplication.NAME;

    /** notifications-service's webhooks to a receiver on this machine (allowed here, as on the local stack, never in production), retried quickly. */
    static final Map<String, String> LOCAL_WEBHOOKS = Map.of(
            "concord.webhooks.allowed-hosts", "localhost,127.0.0.1",
            "concord.webhooks.retry-schedule", "0s,200ms,500ms,1s,2s",
            "concord.webhooks.retry-jitter", "0",
            "concord.webhooks.poll-interval", "100ms");

    private TheServices() {
    }

    /** Declared so that closing stops the consumers first, then the service whose events they read. */
    static ConcordSystem.Builder builder() {
        return ConcordSystem.builder(ConcordApplication::run)
                .service(AGREEMENTS, AgreementsApplication.class)
                .service(REGIONS, RegionsApplication.class)
                .service(NOTIFICATIONS, NotificationsApplication.class);
    }
}
