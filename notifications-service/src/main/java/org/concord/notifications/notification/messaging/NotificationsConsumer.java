package org.concord.notifications.notification.messaging;

import org.concord.notifications.delivery.application.DeliveryService;
import org.concord.notifications.notification.application.NotificationService;
import org.concord.notifications.notification.domain.AgreementChange;
import org.concord.platform.messaging.EventConsumer;
import org.concord.platform.messaging.EventConsumers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * Consumes agreements.v1 (binding {@code agreementEvents-in-0}): every effect of one event, the inbox rows of its
 * party regions and the webhook deliveries it queues (the event in CloudEvents JSON), commits in one transaction
 * with the record of its ce_id; once committed, the new notifications go to the live feed and the dispatcher wakes.
 */
@Configuration(proxyBeanMethods = false)
public class NotificationsConsumer {

    @Bean
    EventConsumer agreementEvents(EventConsumers consumers, NotificationService notifications,
            DeliveryService deliveries, JsonMapper json) {
        return consumers.function("agreementEvents")
                .on(AgreementChange.TYPE_PREFIX + "*", AgreementChange.Data.class, (event, data) -> {
                    var change = new AgreementChange(event.id(), event.type(), event.time(), data);
                    return notifications.notifyParties(change)
                            .then(deliveries.queue(change.id(), change.type(), change.concernedRegions(),
                                    event.structuredJson(json)));
                })
                .build();
    }
}
