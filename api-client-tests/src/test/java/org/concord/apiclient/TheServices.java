package org.concord.apiclient;

import org.concord.agreements.AgreementsApplication;
import org.concord.notifications.NotificationsApplication;
import org.concord.platform.ConcordApplication;
import org.concord.regions.RegionsApplication;
import org.concord.testsupport.system.ConcordSystem;

/** The three services, declared as end-to-end's TheServices declares them (test-support's fixture cannot name them). */
final class TheServices {

    static final String REGIONS = RegionsApplication.NAME;
    static final String AGREEMENTS = AgreementsApplication.NAME;
    static final String NOTIFICATIONS = NotificationsApplication.NAME;

    private TheServices() {
    }

    /** Declared so that closing stops the consumers first, then the service whose events they read. */
    static ConcordSystem start() {
        return ConcordSystem.builder(ConcordApplication::run)
                .service(AGREEMENTS, AgreementsApplication.class)
                .service(REGIONS, RegionsApplication.class)
                .service(NOTIFICATIONS, NotificationsApplication.class)
                .start();
    }
}
