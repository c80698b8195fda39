package org.concord.notifications.webhook;

import org.concord.notifications.subscription.domain.WebhookSecret;
import java.net.URI;
import java.util.List;

/**
 * One webhook to send: where, its stable id (the event's ce_id), the exact body, the secrets to sign with, and the
 * trace context to send as {@code traceparent} (null: none).
 */
public record WebhookRequest(URI url, String webhookId, byte[] body, List<WebhookSecret> secrets, String traceparent) {

    public WebhookRequest(URI url, String webhookId, byte[] body, List<WebhookSecret> secrets) {
        this(url, webhookId, body, secrets, null);
    }
}
