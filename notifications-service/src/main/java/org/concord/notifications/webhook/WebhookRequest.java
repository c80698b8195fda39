package org.concord.notifications.webhook;

import org.concord.notifications.subscription.domain.WebhookSecret;
import java.net.URI;
import java.util.List;

/** One webhook to send: where, its stable id (the event's ce_id), the exact body, and the secrets to sign with. */
public record WebhookRequest(URI url, String webhookId, byte[] body, List<WebhookSecret> secrets) {
}
