package org.concord.notifications.webhook;

/** A webhook URL the SSRF guard refuses; the message says why (scheme, or the forbidden address it resolves to). */
public class ForbiddenDestination extends RuntimeException {

    public ForbiddenDestination(String reason) {
        super(reason);
    }
}
