package org.concord.endtoend;

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
