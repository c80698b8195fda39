package org.concord.notifications.notification.application;

import org.concord.notifications.region.persistence.KnownRegions;
import org.concord.notifications.notification.domain.AgreementChange;
import org.concord.notifications.notification.domain.Notification;
import org.concord.notifications.notification.domain.NotificationFilter;
import org.concord.notifications.notification.domain.NotificationMessages;
import org.concord.notifications.notification.persistence.NotificationRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.concord.platform.domain.Page;
import org.concord.platform.domain.PageQuery;
import org.concord.platform.usecase.AfterCommit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The inbox: tells every party region of an agreement what happened to it, and reads the inbox back. */
@Service
public class NotificationService {

    private static final Logger log = LoggerFactory.getLogger(NotificationService.class);

    private final NotificationRepository notifications;
    private final KnownRegions regions;
    private final NotificationFeed feed;
    private final Clock clock;

    public NotificationService(NotificationRepository notifications, KnownRegions regions, NotificationFeed feed,
            Clock clock) {
        this.notifications = notifications;
        this.regions = regions;
        this.feed = feed;
        this.clock = clock;
    }

    /**
     * Writes one notification per region concerned by the event (its agreement's parties, but not the party a
     * withdrawal or an objection is about: {@link AgreementChange#recipients()}), in the caller's transaction (the
     * consumer's, which also records the event as processed); once it commits they go to the live feed.
     *
     * @return the notifications written, with their ids
     */
    public Mono<List<Notification>> notifyParties(AgreementChange event) {
        Set<String> named = new LinkedHashSet<>(event.partyRegions());
        if (event.agreement().convener() != null) {
            named.add(event.agreement().convener());
        }
        if (event.data().signature() != null && event.data().signature().party() != null) {
            named.add(event.data().signature().party());
        }
        if (event.data().party() != null) {
            named.add(event.data().party());
        }
        Instant now = clock.instant();
        Instant occurredAt = event.time() != null ? event.time() : now;
        return regions.find(named)
                .map(known -> NotificationMessages.render(event, known))
                .map(message -> event.recipients().stream().map(region -> new Notification(0, event.id(), event.type(),
                        event.agreement().id(), event.agreement().title(), region, message, occurredAt, now)).toList())
                .flatMap(notifications::insertAll)
                .flatMap(written -> AfterCommit.run(() -> feed.publish(written)).thenReturn(written))
                .doOnNext(written -> {
                    if (!written.isEmpty()) {
                        log.info("agreement {} {}: {} ({} parties notified)", event.agreement().id(), event.change(),
                                written.get(0).message(), written.size());
                    }
                });
    }

    public Mono<Page<Notification>> inbox(NotificationFilter filter, PageQuery page) {
        return notifications.page(filter, page);
    }
}
