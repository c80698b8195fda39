package org.concord.notifications.delivery;

import java.util.UUID;

import org.concord.platform.web.Page;
import org.concord.platform.web.PageQuery;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The delivery log of a subscription, and re-sending a failed delivery by hand. */
@RestController
@RequestMapping("/api/subscriptions/{subscriptionId}/deliveries")
public class DeliveryController {

    private final DeliveryService service;
    private final DeliveryDispatcher dispatcher;

    public DeliveryController(DeliveryService service, DeliveryDispatcher dispatcher) {
        this.service = service;
        this.dispatcher = dispatcher;
    }

    /** Deliveries, newest first, each with every attempt: time, status code, duration, error. */
    @GetMapping
    public Mono<Page<DeliveryView>> deliveries(@PathVariable UUID subscriptionId,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return service.deliveries(subscriptionId, PageQuery.of(page, size));
    }

    /** Sends a FAILED delivery once more, now (202: queued; its attempt appears in the log). */
    @PostMapping("/{deliveryId}/retry")
    public Mono<ResponseEntity<DeliveryView>> retry(@PathVariable UUID subscriptionId, @PathVariable UUID deliveryId) {
        return service.retryByHand(subscriptionId, deliveryId)
                .doOnNext(queued -> dispatcher.wakeUp())
                .map(delivery -> ResponseEntity.status(HttpStatus.ACCEPTED)
                        .body(DeliveryView.of(delivery, java.util.List.of())));
    }
}
