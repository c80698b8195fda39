package org.concord.notifications.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.concord.notifications.delivery.DeliveryDispatcher;
import org.concord.notifications.delivery.DeliveryService;
import org.concord.notifications.notification.AgreementEvent;
import org.concord.notifications.notification.Notification;
import org.concord.notifications.notification.NotificationFeed;
import org.concord.notifications.notification.NotificationService;
import org.concord.platform.cloudevents.CloudEvent;
import org.concord.platform.cloudevents.InvalidCloudEventException;
import org.concord.platform.inbox.IdempotentConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Consumes agreements.v1 (binding {@code agreementEvents-in-0}). Every effect of one event, the inbox rows of
 * its party regions and the webhook deliveries it queues, commits in one transaction with the record of its
 * ce_id, so a redelivered event does nothing twice. After the commit the new notifications go to the live feed
 * and the dispatcher is woken. A record that is not a valid agreement event goes to the dead-letter topic.
 */
@Component("agreementEvents")
public class AgreementEventsConsumer implements Consumer<Message<byte[]>> {

    static final String CONSUMER = "notifications-service:agreements";
    private static final Logger log = LoggerFactory.getLogger(AgreementEventsConsumer.class);

    private final IdempotentConsumer inbox;
    private final NotificationService notifications;
    private final DeliveryService deliveries;
    private final NotificationFeed feed;
    private final DeliveryDispatcher dispatcher;
    private final JsonMapper json;

    public AgreementEventsConsumer(IdempotentConsumer inbox, NotificationService notifications,
            DeliveryService deliveries, NotificationFeed feed, DeliveryDispatcher dispatcher, JsonMapper json) {
        this.inbox = inbox;
        this.notifications = notifications;
        this.deliveries = deliveries;
        this.feed = feed;
        this.dispatcher = dispatcher;
        this.json = json;
    }

    @Override
    public void accept(Message<byte[]> message) {
        CloudEvent cloudEvent = CloudEvent.from(message);
        if (!cloudEvent.type().startsWith(AgreementEvent.TYPE_PREFIX)) {
            log.debug("ignoring {} on the agreements topic", cloudEvent.type());
            return;
        }
        AgreementEvent event = read(cloudEvent);
        String payload = StructuredCloudEvent.json(cloudEvent, json);
        List<Notification> written = new ArrayList<>();
        AtomicInteger queued = new AtomicInteger();
        boolean applied = inbox.apply(CONSUMER, cloudEvent, e -> notifications.notifyParties(event)
                .doOnNext(written::addAll)
                .then(deliveries.queue(event.id(), event.type(), event.partyRegions(), payload))
                .doOnNext(queued::set)
                .then());
        if (applied) {
            feed.publish(written);
            if (queued.get() > 0) {
                log.debug("event {} queued for {} subscriptions", event.id(), queued.get());
                dispatcher.wakeUp();
            }
        }
    }

    private AgreementEvent read(CloudEvent cloudEvent) {
        AgreementEvent.Data data = cloudEvent.data(json, AgreementEvent.Data.class);
        if (data.agreement() == null || data.agreement().id() == null
                || data.agreement().title() == null || data.agreement().parties().isEmpty()) {
            throw new InvalidCloudEventException("event " + cloudEvent.id() + " (" + cloudEvent.type()
                    + ") carries no agreement snapshot with id, title and parties");
        }
        return new AgreementEvent(cloudEvent.id(), cloudEvent.type(), cloudEvent.time(), data);
    }
}
