package org.concord.notifications.delivery;

import org.concord.notifications.delivery.application.DeliveryService;
import java.util.UUID;

import org.concord.platform.domain.Page;
import org.concord.platform.domain.PageQuery;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The delivery log of a subscription, and an operator sending a pending delivery now or a failed one again. */
@RestController
@RequestMapping("/api/subscriptions/{subscriptionId}/deliveries")
public class DeliveryController {

    private final DeliveryService service;

    public DeliveryController(DeliveryService service) {
        this.service = service;
    }

    /** Deliveries, newest first, each with every attempt: time, status code, duration, error. */
    @GetMapping
    public Mono<Page<DeliveryView>> deliveries(@PathVariable UUID subscriptionId,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return Mono.fromCallable(() -> PageQuery.of(page, size))
                .flatMap(query -> service.deliveries(subscriptionId, query))
                .map(logs -> logs.map(DeliveryView::of));
    }

    /**
     * Sends a delivery now: a PENDING one without waiting for its next scheduled attempt (the schedule goes on if
     * it fails), a FAILED one once more. 202: queued for now; its attempt appears in the log. 409 for a delivery
     * that is delivered, cancelled or being sent at this moment, or a subscription that is not active.
     */
    @PostMapping("/{deliveryId}/retry")
    public Mono<ResponseEntity<DeliveryView>> retry(@PathVariable UUID subscriptionId, @PathVariable UUID deliveryId) {
        return service.sendNow(subscriptionId, deliveryId)
                .map(delivery -> ResponseEntity.status(HttpStatus.ACCEPTED)
                        .body(DeliveryView.of(delivery, java.util.List.of())));
    }
}
