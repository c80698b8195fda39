package org.concord.notifications.webhook;

import org.concord.notifications.subscription.domain.WebhookSecret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code webhook-signature} header of the Standard Webhooks specification: {@code v1,} + base64 of
 * HMAC-SHA256 over {@code id.timestamp.body}, one per valid secret, separated by spaces (several during a
 * secret rotation's overlap window).
 */
public final class WebhookSignature {

    private WebhookSignature() {
    }

    public static String header(String webhookId, long timestamp, byte[] body, List<WebhookSecret> secrets) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("at least one secret is needed to sign");
        }
        return secrets.stream()
                .map(secret -> sign(webhookId, timestamp, body, secret))
                .collect(Collectors.joining(" "));
    }

    public static String sign(String webhookId, long timestamp, byte[] body, WebhookSecret secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.key(), "HmacSHA256"));
            mac.update((webhookId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
