package org.concord.notifications.subscription.application;

import org.concord.notifications.subscription.domain.DestinationRefused;
import org.concord.notifications.subscription.domain.Subscription;
import org.concord.notifications.subscription.domain.SubscriptionNotFound;
import org.concord.notifications.subscription.domain.WebhookSecret;
import org.concord.notifications.subscription.persistence.SubscriptionRepository;
import org.concord.notifications.webhook.ForbiddenDestination;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.concord.notifications.webhook.DestinationGuard;
import org.concord.notifications.webhook.WebhookProperties;
import org.concord.platform.domain.Page;
import org.concord.platform.domain.PageQuery;
import org.concord.platform.domain.ExpectedVersion;
import org.concord.platform.usecase.UseCases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Webhook subscriptions: creating (secret shown once), reading, deleting, rotating the secret, re-enabling. */
@Service
public class SubscriptionService {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionService.class);

    private final SubscriptionRepository subscriptions;
    private final PendingDeliveries deliveries;
    private final DestinationGuard guard;
    private final WebhookProperties properties;
    private final UseCases useCases;
    private final Clock clock;

    public SubscriptionService(SubscriptionRepository subscriptions, PendingDeliveries deliveries, DestinationGuard guard,
            WebhookProperties properties, UseCases useCases, Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.guard = guard;
        this.properties = properties;
        this.useCases = useCases;
        this.clock = clock;
    }

    /** A subscription just created, with its secret (shown this once). */
    public record Created(Subscription subscription, WebhookSecret secret) {
    }

    /** A new secret (shown this once) and until when the previous one still signs. */
    public record Rotated(Subscription subscription, WebhookSecret secret, Instant previousSecretValidUntil) {
    }

    /**
     * Creates a subscription after the SSRF guard has resolved and checked its URL. Its secret is in the result, to
     * be shown this once ({@code Idempotency-Key} replays show the subscription without it: rotate the secret if the
     * first response was lost).
     */
    public Mono<Created> create(String url, List<String> eventTypes, List<String> regions) {
        return useCases.run(() -> {
            Subscription subscription = Subscription.create(UUID.randomUUID(), url, eventTypes, regions, clock.instant());
            WebhookSecret secret = WebhookSecret.generate();
            return guard.check(subscription.url())
                    .onErrorMap(ForbiddenDestination.class, e -> new DestinationRefused(e.getMessage()))
                    .then(Mono.defer(() -> subscriptions.insert(subscription, secret)))
                    .thenReturn(new Created(subscription, secret));
        }).doOnNext(created -> log.info("subscription {} created for {} (event types {}, regions {})",
                created.subscription().id(), created.subscription().url(), created.subscription().eventTypes(),
                created.subscription().regions()));
    }

    public Mono<Subscription> get(UUID id) {
        return subscriptions.find(id).switchIfEmpty(Mono.error(() -> new SubscriptionNotFound(id)));
    }

    public Mono<Page<Subscription>> list(PageQuery query) {
        return subscriptions.page(query);
    }

    /**
     * Deletes the subscription (the expected version checked when stated) and cancels every delivery still pending for
     * it, those being sent too.
     */
    public Mono<Void> delete(UUID id, ExpectedVersion expected) {
        Instant now = clock.instant();
        return useCases.run(() -> get(id)
                        .doOnNext(subscription -> expected.check(subscription.version(), false))
                        .flatMap(subscription -> subscriptions.markDeleted(id, now).then(deliveries.cancelFor(id))))
                .doOnNext(cancelled -> log.info("subscription {} deleted ({} pending deliveries cancelled)", id, cancelled))
                .then();
    }

    /**
     * Issues a new secret. The previous one keeps signing (deliveries carry both signatures) until the overlap
     * window ({@code concord.webhooks.secret-overlap}) ends, so receivers can switch without losing a webhook.
     */
    public Mono<Rotated> rotateSecret(UUID id, ExpectedVersion expected) {
        Instant now = clock.instant();
        Instant oldValidUntil = now.plus(properties.secretOverlap());
        WebhookSecret secret = WebhookSecret.generate();
        return useCases.run(() -> get(id)
                        .doOnNext(subscription -> expected.check(subscription.version(), false))
                        .flatMap(subscription -> subscriptions.rotateSecret(id, secret, now, oldValidUntil))
                        .then(subscriptions.find(id)))
                .map(subscription -> new Rotated(subscription, secret, oldValidUntil))
                .doOnNext(rotated -> log.info("subscription {} secret rotated; previous secret valid until {}", id,
                        oldValidUntil));
    }

    /** Re-enables a disabled subscription (after 410 Gone or too long failing), e.g. once the receiver is fixed. */
    public Mono<Subscription> enable(UUID id) {
        return useCases.run(() -> get(id)
                        .flatMap(subscription -> subscriptions.enable(id, clock.instant()))
                        .then(get(id)))
                .doOnNext(subscription -> log.info("subscription {} is {}", id, subscription.status()));
    }

}
