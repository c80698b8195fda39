package org.concord.notifications.notification;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.concord.notifications.notification.application.NotificationFeed;
import org.concord.platform.observability.ConcordMeters;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The live feed's readers as a gauge ({@link ConcordMeters#FEED_READERS}). */
@Configuration(proxyBeanMethods = false)
class FeedTelemetry {

    @Bean
    Gauge feedReaders(NotificationFeed feed, MeterRegistry meters) {
        return Gauge.builder(ConcordMeters.FEED_READERS, feed, NotificationFeed::readers)
                .description("Live feed (Server-Sent Events) readers connected to this instance")
                .baseUnit("readers").register(meters);
    }
}
