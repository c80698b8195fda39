package org.concord.notifications;

import org.concord.testsupport.architecture.Architecture;
import org.junit.jupiter.api.Test;

/** notifications-service keeps the shape every service has: no package cycles, a plain domain, no other service's classes. */
class ArchitectureTest {

    @Test
    void the_service_keeps_the_architecture_rules() {
        Architecture.checkService("org.concord.notifications");
    }
}
