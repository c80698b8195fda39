package org.concord.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.concord.testsupport.http.Http;
import org.concord.testsupport.http.Http.Response;
import org.concord.testsupport.security.Tokens;
import org.concord.testsupport.system.ConcordSystem;
import org.concord.testsupport.webhooks.WebhookReceiver;

/**
 * The three services of an end-to-end scenario, started as {@code services} declares them, with a webhook receiver
 * beside them that a scenario subscribes to the events it watches.
 */
record SignatoriesAndReceiver(ConcordSystem concord, WebhookReceiver receiver, Http regions, Http agreements,
        Http notifications) implements AutoCloseable {

    static SignatoriesAndReceiver start(ConcordSystem.Builder services) {
        WebhookReceiver receiver = WebhookReceiver.start();
        ConcordSystem concord = services.settings(TheServices.NOTIFICATIONS, TheServices.LOCAL_WEBHOOKS).start();
        return new SignatoriesAndReceiver(concord, receiver, concord.service(TheServices.REGIONS).http(),
                concord.service(TheServices.AGREEMENTS).http(), concord.service(TheServices.NOTIFICATIONS).http());
    }

    /** Subscribes the receiver to {@code eventTypes} of every region; returns the subscription's signing secret. */
    String subscribeReceiverTo(String eventTypes) {
        Response subscription = notifications.post("/api/subscriptions", Tokens.admin(),
                Map.of("url", receiver.url(), "eventTypes", List.of(eventTypes), "regions", List.of()));
        assertThat(subscription.status()).as("subscription %s", subscription).isEqualTo(201);
        return subscription.body().path("secret").asString();
    }

    @Override
    public void close() {
        concord.close();
        receiver.close();
    }
}
