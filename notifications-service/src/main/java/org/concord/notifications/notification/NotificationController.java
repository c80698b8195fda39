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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.concord.platform.openapi.ResponseExample;
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
@Tag(name = "Notifications", description = "A notification per party region of every agreement event: the inbox, and "
        + "its live feed.")
public class NotificationController {

    private static final String REGION = "Only the notifications of this region";
    private static final String TYPE = "Only the notifications of this agreement event type";

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
    @Schema(description = "What happened to an agreement, told to one of its party regions")
    public record NotificationResponse(long id, String eventId, String type, String agreementId, String agreementTitle,
            String region, String message, Instant occurredAt) {

        static NotificationResponse of(Notification n) {
            return new NotificationResponse(n.id(), n.eventId(), n.type(), n.agreementId(), n.agreementTitle(),
                    n.region(), n.message(), n.occurredAt());
        }
    }

    @GetMapping
    @Operation(operationId = "listNotifications", summary = "Read the inbox",
            description = "The notifications, newest first, narrowed by region and event type (each optional); paged.")
    @ApiResponse(responseCode = "200", description = "A page of notifications")
    @ResponseExample("notifications-guangxi")
    public Mono<Page<NotificationResponse>> inbox(
            @Parameter(description = REGION, example = "CN-GX") @RequestParam(required = false) String region,
            @Parameter(description = TYPE, schema = @Schema(allowableValues = { "concord.agreement.drafted",
                    "concord.agreement.opened", "concord.agreement.signature-recorded", "concord.agreement.signed",
                    "concord.agreement.party-acceded", "concord.agreement.withdrawn", "concord.agreement.terminated",
                    "concord.agreement.expired", "concord.agreement.entered-into-force",
                    "concord.agreement.withdrawal-notified", "concord.agreement.party-withdrawn",
                    "concord.agreement.amendment-opened", "concord.agreement.amendment-signed",
                    "concord.agreement.amendment-adopted", "concord.agreement.term-ending",
                    "concord.agreement.renewal-objected", "concord.agreement.renewed" }))
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
    @Operation(operationId = "streamNotifications", summary = "Follow the live feed",
            description = "Server-Sent Events: each notification as it is written (`id`: the notification's id, "
                    + "`data`: the notification as JSON), narrowed by region and event type; a comment at once and "
                    + "then at every heartbeat (15 s by default) keeps an idle stream open. Reconnecting with `Last-Event-ID` resumes after that "
                    + "notification. A browser's EventSource cannot send headers: it may pass its token as "
                    + "`access_token` instead.")
    @Parameter(name = "access_token", in = ParameterIn.QUERY, description = "The bearer token, for clients that cannot "
            + "send an Authorization header (a browser's EventSource); on this path only", schema = @Schema(types = "string"))
    @ApiResponse(responseCode = "200", description = "The stream of notifications", content = @Content(
            mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(types = "string",
                    description = "text/event-stream: `id: 42` and `data: {...}` (a notification) per event")))
    public Flux<ServerSentEvent<NotificationResponse>> stream(
            @Parameter(description = REGION, example = "CN-GX") @RequestParam(required = false) String region,
            @Parameter(description = TYPE, schema = @Schema(allowableValues = { "concord.agreement.drafted",
                    "concord.agreement.opened", "concord.agreement.signature-recorded", "concord.agreement.signed",
                    "concord.agreement.party-acceded", "concord.agreement.withdrawn", "concord.agreement.terminated",
                    "concord.agreement.expired", "concord.agreement.entered-into-force",
                    "concord.agreement.withdrawal-notified", "concord.agreement.party-withdrawn",
                    "concord.agreement.amendment-opened", "concord.agreement.amendment-signed",
                    "concord.agreement.amendment-adopted", "concord.agreement.term-ending",
                    "concord.agreement.renewal-objected", "concord.agreement.renewed" }))
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
