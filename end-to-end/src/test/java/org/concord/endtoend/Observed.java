package org.concord.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.List;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import org.concord.testsupport.http.Http;
import org.concord.testsupport.security.Tokens;
import org.concord.testsupport.webhooks.WebhookReceiver;

/** What the end-to-end tests check alike: an agreement's audit trail, a webhook's signature. */
final class Observed {

    private Observed() {
    }

    /** The ce_ids the agreement's history names, in order (entries that publish nothing have none). */
    static List<String> historyEventIds(Http agreements, String id) {
        Http.Response history = agreements.get("/api/agreements/" + id + "/history", Tokens.viewer());
        assertThat(history.status()).as("history: %s", history).isEqualTo(200);
        return history.body().path("entries").values().stream()
                .filter(entry -> entry.path("eventId").isString())
                .map(entry -> entry.path("eventId").asString()).toList();
    }

    /** Fails unless the delivery verifies, per Standard Webhooks, with the subscription's secret. */
    static void verifySignature(String secret, WebhookReceiver.Received request) {
        try {
            new Webhook(secret).verify(request.body(), request.headers());
        } catch (WebhookVerificationException e) {
            fail("webhook " + request.header("webhook-id") + " does not verify with the subscription's secret: " + e.getMessage());
        }
    }
}
