package org.concord.notifications.subscription;

import org.concord.notifications.subscription.application.SubscriptionService;
import org.concord.notifications.subscription.domain.Subscription;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.concord.platform.web.ETags;
import org.concord.platform.web.IdempotentRequests;
import org.concord.platform.domain.Page;
import org.concord.platform.domain.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.concord.platform.openapi.ApiParts;
import org.concord.platform.openapi.NeedsRole;
import org.concord.platform.openapi.RequestExample;
import org.concord.platform.openapi.ResponseExample;
import org.concord.platform.security.Roles;
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
@Tag(name = "Subscriptions", description = "Webhook subscriptions: which agreement events of which regions to send "
        + "where. Every delivery is signed with the subscription's secret (Standard Webhooks).")
public class SubscriptionController {

    private static final String ID = "The subscription's id";
    private static final String NOT_FOUND = "No such subscription (or it was deleted)";

    private final SubscriptionService service;
    private final IdempotentRequests idempotency;

    public SubscriptionController(SubscriptionService service, IdempotentRequests idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    /** {@code {"url": "https://…", "eventTypes": ["concord.agreement.signed"], "regions": ["CN-SC"]}}; empty lists mean all. */
    @Schema(description = "Where to send which agreement events; an empty or absent list means all",
            requiredProperties = "url")
    public record CreateSubscriptionRequest(
            @Schema(description = "The https address that receives the webhooks", format = "uri") String url,
            @ArraySchema(schema = @Schema(description = "An agreement event type, or `concord.agreement.*` for all",
                    allowableValues = { Subscription.ALL_AGREEMENT_EVENTS, "concord.agreement.drafted",
                    "concord.agreement.opened", "concord.agreement.signature-recorded", "concord.agreement.signed",
                    "concord.agreement.party-acceded", "concord.agreement.withdrawn", "concord.agreement.terminated",
                    "concord.agreement.expired", "concord.agreement.entered-into-force",
                    "concord.agreement.withdrawal-notified", "concord.agreement.party-withdrawn",
                    "concord.agreement.amendment-opened", "concord.agreement.amendment-signed",
                    "concord.agreement.amendment-adopted", "concord.agreement.term-ending",
                    "concord.agreement.renewal-objected", "concord.agreement.renewed" })) List<String> eventTypes,
            @ArraySchema(schema = @Schema(description = "A region code", example = "CN-GX")) List<String> regions) {
    }

    /**
     * A subscription as clients see it; {@code secret} is present only in the responses to creation and rotation
     * (an {@code Idempotency-Key} replay of the creation shows it without).
     */
    @Schema(description = "A subscription; its signing secret only in the responses to creation and rotation")
    public record SubscriptionResponse(String id, String url, List<String> eventTypes, List<String> regions,
            @Schema(allowableValues = { "ACTIVE", "DISABLED" }) String status,
            @Schema(description = "Why it was disabled (410 Gone, or failing too long)") String disabledReason,
            long version, Instant createdAt,
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
    @Operation(operationId = "createSubscription", summary = "Subscribe to agreement events",
            description = "Creates a subscription and answers with its signing secret, shown this once. The URL must "
                    + "be https and resolve to a public address (no loopback, private or link-local one: the SSRF guard).")
    @RequestExample("subscription-request")
    @ApiResponse(responseCode = "201", description = "Created, with the secret (or, for a repeated `Idempotency-Key`, "
            + "the first response again, without the secret)", headers = { @Header(name = ApiParts.LOCATION), @Header(name = ApiParts.ETAG) },
            content = @Content(schema = @Schema(implementation = SubscriptionResponse.class)))
    @ResponseExample("subscription-created")
    @ApiResponse(responseCode = "422", description = "The URL is not https, not absolute or resolves to an address that "
            + "cannot receive webhooks; an unknown event type or region code")
    @NeedsRole(Roles.ADMIN)
    public Mono<ResponseEntity<?>> create(@RequestBody CreateSubscriptionRequest request,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey) {
        return idempotency.respond(idempotencyKey, "POST /api/subscriptions", request,
                () -> service.create(request.url(), request.eventTypes(), request.regions())
                        .map(created -> ResponseEntity.created(URI.create("/api/subscriptions/" + created.subscription().id()))
                                .eTag(ETags.of(created.subscription().version()))
                                .body(SubscriptionResponse.of(created.subscription(), created.secret().value(), null))));
    }

    @GetMapping
    @Operation(operationId = "listSubscriptions", summary = "List subscriptions",
            description = "The subscriptions that are not deleted, without their secrets; paged.")
    @ApiResponse(responseCode = "200", description = "A page of subscriptions")
    @ResponseExample("subscriptions")
    public Mono<Page<SubscriptionResponse>> list(@RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return service.list(PageQuery.of(page, size)).map(result -> result.map(SubscriptionResponse::of));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getSubscription", summary = "Read a subscription",
            description = "The subscription, without its secret, with its `ETag`.")
    @ApiResponse(responseCode = "200", description = "The subscription", headers = @Header(name = ApiParts.ETAG))
    @ResponseExample("subscription")
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    public Mono<ResponseEntity<SubscriptionResponse>> get(@Parameter(description = ID) @PathVariable UUID id) {
        return service.get(id).map(s -> ResponseEntity.ok().eTag(ETags.of(s.version())).body(SubscriptionResponse.of(s)));
    }

    @DeleteMapping("/{id}")
    @Operation(operationId = "deleteSubscription", summary = "Delete a subscription",
            description = "Deletes the subscription; its pending deliveries are cancelled, those being sent too (a webhook "
                    + "already on the wire is not recalled).")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    @NeedsRole(Roles.ADMIN)
    public Mono<ResponseEntity<Void>> delete(@Parameter(description = ID) @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return service.delete(id, ETags.expected(ifMatch)).thenReturn(ResponseEntity.noContent().build());
    }

    /** A new secret, shown once; the previous one keeps signing until {@code previousSecretValidUntil}. */
    @PostMapping("/{id}/rotate-secret")
    @Operation(operationId = "rotateSubscriptionSecret", summary = "Rotate a subscription's secret",
            description = "Issues a new signing secret, shown this once. The previous one goes on signing beside it "
                    + "until `previousSecretValidUntil`, so a receiver can switch without losing a webhook.")
    @ApiResponse(responseCode = "200", description = "The subscription with its new secret", headers = @Header(name = ApiParts.ETAG))
    @ResponseExample("subscription-rotated")
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    @NeedsRole(Roles.ADMIN)
    public Mono<ResponseEntity<SubscriptionResponse>> rotateSecret(@Parameter(description = ID) @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return service.rotateSecret(id, ETags.expected(ifMatch))
                .map(rotated -> ResponseEntity.ok().eTag(ETags.of(rotated.subscription().version()))
                        .body(SubscriptionResponse.of(rotated.subscription(), rotated.secret().value(),
                                rotated.previousSecretValidUntil())));
    }

    /** Re-enables a subscription that was disabled (410 Gone, or failing for too long). */
    @PostMapping("/{id}/enable")
    @Operation(operationId = "enableSubscription", summary = "Re-enable a subscription",
            description = "Makes a subscription that was disabled (its receiver answered 410 Gone, or failed for too "
                    + "long) ACTIVE again, e.g. once the receiver is fixed. An active one stays as it is.")
    @ApiResponse(responseCode = "200", description = "The subscription, ACTIVE", headers = @Header(name = ApiParts.ETAG))
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    @NeedsRole(Roles.ADMIN)
    public Mono<ResponseEntity<SubscriptionResponse>> enable(@Parameter(description = ID) @PathVariable UUID id) {
        return service.enable(id).map(s -> ResponseEntity.ok().eTag(ETags.of(s.version())).body(SubscriptionResponse.of(s)));
    }

}
