package org.concord.notifications.subscription;

import org.concord.notifications.subscription.application.SubscriptionService;
import org.concord.notifications.subscription.domain.Subscription;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.concord.platform.web.ETags;
import org.concord.platform.web.IdempotentRequests;
import org.concord.platform.domain.Page;
import org.concord.platform.domain.PageQuery;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Webhook subscriptions ({@code /api/subscriptions}). The signing secret appears in the response to creation and
 * to rotation only; reading a subscription never shows it.
 */
@RestController
@RequestMapping("/api/subscriptions")
public class SubscriptionController {

    private final SubscriptionService service;
    private final IdempotentRequests idempotency;

    public SubscriptionController(SubscriptionService service, IdempotentRequests idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    /** {@code {"url": "https://…", "eventTypes": ["concord.agreement.signed"], "regions": ["CN-SC"]}}; empty lists mean all. */
    public record CreateSubscriptionRequest(String url, List<String> eventTypes, List<String> regions) {
    }

    /**
     * A subscription as clients see it; {@code secret} is present only in the responses to creation and rotation
     * (an {@code Idempotency-Key} replay of the creation shows it without).
     */
    public record SubscriptionResponse(String id, String url, List<String> eventTypes, List<String> regions,
            String status, String disabledReason, long version, Instant createdAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) String secret,
            @JsonInclude(JsonInclude.Include.NON_NULL) Instant previousSecretValidUntil)
            implements IdempotentRequests.ShownOnce {

        @Override
        public SubscriptionResponse replayed() {
            return new SubscriptionResponse(id, url, eventTypes, regions, status, disabledReason, version, createdAt,
                    null, null);
        }

        static SubscriptionResponse of(Subscription s) {
            return of(s, null, null);
        }

        static SubscriptionResponse of(Subscription s, String secret, Instant previousSecretValidUntil) {
            return new SubscriptionResponse(s.id().toString(), s.url().toString(), s.eventTypes(), s.regions(),
                    s.status().name(), s.disabledReason(), s.version(), s.createdAt(), secret, previousSecretValidUntil);
        }
    }

    /**
     * Creates a subscription: 201 with its location and its secret, shown this once. Honours Idempotency-Key (a
     * replay shows the subscription without its secret).
     */
    @PostMapping
    @ApiResponse(responseCode = "201", description = "created (or the first response again, without the secret, for a repeated Idempotency-Key)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SubscriptionResponse.class)))
    public Mono<ResponseEntity<?>> create(@RequestBody CreateSubscriptionRequest request,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey) {
        return idempotency.respond(idempotencyKey, "POST /api/subscriptions", request,
                () -> service.create(request.url(), request.eventTypes(), request.regions())
                        .map(created -> ResponseEntity.created(URI.create("/api/subscriptions/" + created.subscription().id()))
                                .eTag(ETags.of(created.subscription().version()))
                                .body(SubscriptionResponse.of(created.subscription(), created.secret().value(), null))));
    }

    @GetMapping
    public Mono<Page<SubscriptionResponse>> list(@RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return service.list(PageQuery.of(page, size)).map(result -> result.map(SubscriptionResponse::of));
    }

    @GetMapping("/{id}")
    public Mono<ResponseEntity<SubscriptionResponse>> get(@PathVariable UUID id) {
        return service.get(id).map(s -> ResponseEntity.ok().eTag(ETags.of(s.version())).body(SubscriptionResponse.of(s)));
    }

    @DeleteMapping("/{id}")
    public Mono<ResponseEntity<Void>> delete(@PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return service.delete(id, ETags.expected(ifMatch)).thenReturn(ResponseEntity.noContent().build());
    }

    /** A new secret, shown once; the previous one keeps signing until {@code previousSecretValidUntil}. */
    @PostMapping("/{id}/rotate-secret")
    public Mono<ResponseEntity<SubscriptionResponse>> rotateSecret(@PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return service.rotateSecret(id, ETags.expected(ifMatch))
                .map(rotated -> ResponseEntity.ok().eTag(ETags.of(rotated.subscription().version()))
                        .body(SubscriptionResponse.of(rotated.subscription(), rotated.secret().value(),
                                rotated.previousSecretValidUntil())));
    }

    /** Re-enables a subscription that was disabled (410 Gone, or failing for too long). */
    @PostMapping("/{id}/enable")
    public Mono<ResponseEntity<SubscriptionResponse>> enable(@PathVariable UUID id) {
        return service.enable(id).map(s -> ResponseEntity.ok().eTag(ETags.of(s.version())).body(SubscriptionResponse.of(s)));
    }

}
