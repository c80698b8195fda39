package org.concord.notifications;

import java.time.Clock;
import java.time.Duration;

import org.concord.platform.ConcordApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * notifications-service: tells the parties of an agreement what happened to it (inbox and live feed) and every
 * subscribed system (signed webhooks), from the events of agreements.v1 and regions.v1.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class NotificationsApplication {

    public static final String NAME = "notifications-service";

    public static void main(String[] args) {
        ConcordApplication.run(NotificationsApplication.class, NAME, args);
    }

    /** UTC in microseconds: what H2 and PostgreSQL keep, so a timestamp reads back as it was written. */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
