package org.concord.notifications;

import java.time.Clock;
import java.time.Duration;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.concord.platform.ConcordApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * notifications-service: tells the parties of an agreement what happened to it (inbox and live feed) and every
 * subscribed system (signed webhooks), from the events of agreements.v1 and regions.v1.
 */
@SpringBootApplication
@OpenAPIDefinition(info = @Info(title = "Concord notifications-service", description = """
        Tells every interested system when an agreement moves: a notification per party region (the inbox, and \
        its live feed as Server-Sent Events), and webhook deliveries to subscribed URLs, signed per the \
        Standard Webhooks specification (`webhook-id`, `webhook-timestamp`, `webhook-signature`), retried with \
        back-off, logged attempt by attempt."""))
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
