package org.concord.notifications.notification;

import org.concord.notifications.notification.application.NotificationFeed;
import org.concord.notifications.notification.application.NotificationService;
import org.concord.notifications.notification.domain.Notification;
import org.concord.notifications.notification.domain.NotificationFilter;
import java.time.Duration;
import java.time.Instant;

import org.concord.platform.domain.DomainException;
import org.concord.platform.domain.Page;
import org.concord.platform.domain.PageQuery;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The inbox ({@code GET /api/notifications}) and its live feed as Server-Sent Events. */
@RestController
@RequestMapping("/api/notifications")
public class NotificationController {

    private final NotificationService service;
    private final NotificationFeed feed;
    private final Duration heartbeat;

    public NotificationController(NotificationService service, NotificationFeed feed,
            @Value("${concord.notifications.stream.heartbeat}") Duration heartbeat) {
        this.service = service;
        this.feed = feed;
        this.heartbeat = heartbeat;
    }

    /** One notification as readers see it. */
    public record NotificationResponse(long id, String eventId, String type, String agreementId, String agreementTitle,
            String region, String message, Instant occurredAt) {

        static NotificationResponse of(Notification n) {
            return new NotificationResponse(n.id(), n.eventId(), n.type(), n.agreementId(), n.agreementTitle(),
                    n.region(), n.message(), n.occurredAt());
        }
    }

    @GetMapping
    public Mono<Page<NotificationResponse>> inbox(@RequestParam(required = false) String region,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return service.inbox(new NotificationFilter(region, type), PageQuery.of(page, size))
                .map(result -> result.map(NotificationResponse::of));
    }

    /**
     * Notifications as they are written, filtered by region and event type. Each event's {@code id} is the
     * notification id: reconnecting with {@code Last-Event-ID} resumes after it. A comment is sent at once and
     * then every {@code heartbeat}, so proxies keep an idle stream open.
     */
    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public Flux<ServerSentEvent<NotificationResponse>> stream(@RequestParam(required = false) String region,
            @RequestParam(required = false) String type,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        NotificationFilter filter = new NotificationFilter(region, type);
        Long resumeAfter = parseLastEventId(lastEventId);
        Flux<ServerSentEvent<NotificationResponse>> notifications = feed.stream(filter, resumeAfter)
                .map(n -> ServerSentEvent.builder(NotificationResponse.of(n)).id(Long.toString(n.id())).build());
        Flux<ServerSentEvent<NotificationResponse>> heartbeats = Flux.interval(heartbeat)
                .map(tick -> ServerSentEvent.<NotificationResponse>builder().comment("heartbeat").build());
        return feed.untilShutdown(Flux.concat(
                Flux.just(ServerSentEvent.<NotificationResponse>builder().comment("connected").build()),
                Flux.merge(notifications, heartbeats)));
    }

    private static Long parseLastEventId(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(lastEventId.trim());
            if (id < 0) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            throw new DomainException(DomainException.Meaning.MALFORMED,
                    "Last-Event-ID must be the id of a notification (a whole number), was '" + lastEventId + "'");
        }
    }
}
