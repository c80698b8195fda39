package org.concord.notifications.subscription;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.concord.notifications.delivery.DeliveryService;
import org.concord.notifications.webhook.DestinationGuard;
import org.concord.notifications.webhook.ForbiddenDestinationException;
import org.concord.notifications.webhook.WebhookProperties;
import org.concord.notifications.webhook.WebhookSecret;
import org.concord.platform.web.ETags;
import org.concord.platform.web.Page;
import org.concord.platform.web.PageQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** Webhook subscriptions: creating (secret shown once), reading, deleting, rotating the secret, re-enabling. */
@Service
public class SubscriptionService {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionService.class);

    private final SubscriptionRepository subscriptions;
    private final DeliveryService deliveries;
    private final DestinationGuard guard;
    private final WebhookProperties properties;
    private final TransactionalOperator tx;
    private final Clock clock;

    public SubscriptionService(SubscriptionRepository subscriptions, DeliveryService deliveries, DestinationGuard guard,
            WebhookProperties properties, TransactionalOperator tx, Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.guard = guard;
        this.properties = properties;
        this.tx = tx;
        this.clock = clock;
    }

    /** A subscription just created, with its secret (shown this once), or found again by its Idempotency-Key. */
    public record Created(Subscription subscription, WebhookSecret secret, boolean replayed) {
    }

    /** A new secret (shown this once) and until when the previous one still signs. */
    public record Rotated(Subscription subscription, WebhookSecret secret, Instant previousSecretValidUntil) {
    }

    /**
     * Creates a subscription after the SSRF guard has resolved and checked its URL. With an Idempotency-Key, the
     * same request sent again returns the subscription already created (without its secret, which is shown
     * once; rotate it if the first response was lost), and a different request under the same key is refused.
     */
    public Mono<Created> create(String url, List<String> eventTypes, List<String> regions, String idempotencyKey) {
        Subscription subscription = Subscription.create(UUID.randomUUID(), url, eventTypes, regions, clock.instant());
        Mono<Created> replay = idempotencyKey == null ? Mono.empty()
                : subscriptions.findByIdempotencyKey(idempotencyKey)
                        .map(existing -> {
                            if (!existing.sameRequest(url, eventTypes, regions)) {
                                throw new IdempotencyKeyReused(idempotencyKey);
                            }
                            return new Created(existing, null, true);
                        });
        return replay.switchIfEmpty(Mono.defer(() -> guard.check(subscription.url())
                .onErrorMap(ForbiddenDestinationException.class, e -> new DestinationRefused(e.getMessage()))
                .then(Mono.defer(() -> {
                    WebhookSecret secret = WebhookSecret.generate();
                    return subscriptions.insert(subscription, secret, idempotencyKey)
                            .as(tx::transactional)
                            .thenReturn(new Created(subscription, secret, false));
                }))
                .onErrorResume(DataIntegrityViolationException.class, e -> idempotencyKey == null ? Mono.error(e)
                        : subscriptions.findByIdempotencyKey(idempotencyKey).map(existing -> new Created(existing, null, true)))
                .doOnNext(created -> log.info("subscription {} created for {} (event types {}, regions {})",
                        subscription.id(), subscription.url(), subscription.eventTypes(), subscription.regions()))));
    }

    public Mono<Subscription> get(UUID id) {
        return subscriptions.find(id).switchIfEmpty(Mono.error(() -> new SubscriptionNotFound(id)));
    }

    public Mono<Page<Subscription>> list(PageQuery query) {
        return subscriptions.page(query);
    }

    /** Deletes the subscription (If-Match honoured when sent) and cancels what is still queued for it. */
    public Mono<Void> delete(UUID id, String ifMatch) {
        Instant now = clock.instant();
        return get(id)
                .doOnNext(subscription -> checkIfMatch(ifMatch, subscription))
                .flatMap(subscription -> subscriptions.markDeleted(id, now)
                        .then(deliveries.cancelPending(id)))
                .as(tx::transactional)
                .doOnNext(cancelled -> log.info("subscription {} deleted ({} queued deliveries cancelled)", id, cancelled))
                .then();
    }

    /**
     * Issues a new secret. The previous one keeps signing (deliveries carry both signatures) until the overlap
     * window ({@code concord.webhooks.secret-overlap}) ends, so receivers can switch without losing a webhook.
     */
    public Mono<Rotated> rotateSecret(UUID id, String ifMatch) {
        Instant now = clock.instant();
        Instant oldValidUntil = now.plus(properties.secretOverlap());
        WebhookSecret secret = WebhookSecret.generate();
        return get(id)
                .doOnNext(subscription -> checkIfMatch(ifMatch, subscription))
                .flatMap(subscription -> subscriptions.rotateSecret(id, secret, now, oldValidUntil))
                .then(subscriptions.find(id))
                .as(tx::transactional)
                .map(subscription -> new Rotated(subscription, secret, oldValidUntil))
                .doOnNext(rotated -> log.info("subscription {} secret rotated; previous secret valid until {}", id,
                        oldValidUntil));
    }

    /** Re-enables a disabled subscription (after 410 Gone or too long failing), e.g. once the receiver is fixed. */
    public Mono<Subscription> enable(UUID id) {
        return get(id)
                .flatMap(subscription -> subscriptions.enable(id, clock.instant()))
                .then(get(id))
                .as(tx::transactional)
                .doOnNext(subscription -> log.info("subscription {} is {}", id, subscription.status()));
    }

    private static void checkIfMatch(String ifMatch, Subscription subscription) {
        if (ifMatch != null && !ifMatch.isBlank()) {
            ETags.requireMatch(ifMatch, subscription.version());
        }
    }
}
