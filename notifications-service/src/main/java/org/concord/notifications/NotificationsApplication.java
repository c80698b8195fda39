package org.concord.notifications;

import org.concord.platform.ConcordApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class NotificationsApplication {

    public static final String NAME = "notifications-service";

    public static void main(String[] args) {
        ConcordApplication.run(NotificationsApplication.class, NAME, args);
    }
}
