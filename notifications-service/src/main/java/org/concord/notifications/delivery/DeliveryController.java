package org.concord.notifications.delivery;

import org.concord.notifications.delivery.application.DeliveryService;
import java.util.UUID;

import org.concord.platform.domain.Page;
import org.concord.platform.domain.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.concord.platform.openapi.NeedsRole;
import org.concord.platform.openapi.ResponseExample;
import org.concord.platform.security.Roles;
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
@Tag(name = "Subscriptions")
public class DeliveryController {

    private static final String SUBSCRIPTION = "The subscription's id";

    private final DeliveryService service;

    public DeliveryController(DeliveryService service) {
        this.service = service;
    }

    /** Deliveries, newest first, each with every attempt: time, status code, duration, error. */
    @GetMapping
    @Operation(operationId = "listDeliveries", summary = "Read a subscription's delivery log",
            description = "The deliveries, newest first, each with every attempt: when, the receiver's status code, "
                    + "how long it took, what went wrong; paged.")
    @ApiResponse(responseCode = "200", description = "A page of deliveries")
    @ResponseExample("deliveries")
    @ApiResponse(responseCode = "404", description = "No such subscription")
    public Mono<Page<DeliveryView>> deliveries(@Parameter(description = SUBSCRIPTION) @PathVariable UUID subscriptionId,
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
    @Operation(operationId = "sendDeliveryNow", summary = "Send a delivery now",
            description = "A PENDING delivery is attempted at once instead of at its next scheduled time (its schedule "
                    + "goes on if it fails); a FAILED one is sent once more. Its attempt appears in the log.")
    @ApiResponse(responseCode = "202", description = "Queued for now")
    @ApiResponse(responseCode = "404", description = "No such subscription, or it has no such delivery")
    @ApiResponse(responseCode = "409", description = "The delivery was delivered or cancelled, or is being sent at this "
            + "moment; or the subscription is not active")
    @NeedsRole(Roles.ADMIN)
    public Mono<ResponseEntity<DeliveryView>> retry(@Parameter(description = SUBSCRIPTION) @PathVariable UUID subscriptionId,
            @Parameter(description = "The delivery's id") @PathVariable UUID deliveryId) {
        return service.sendNow(subscriptionId, deliveryId)
                .map(delivery -> ResponseEntity.status(HttpStatus.ACCEPTED)
                        .body(DeliveryView.of(delivery, java.util.List.of())));
    }
}
