package org.concord.notifications.subscription;

import org.concord.platform.web.DomainException;

/** An Idempotency-Key sent again with a different request (422): use a new key for a new subscription. */
public class IdempotencyKeyReused extends DomainException {

    public IdempotencyKeyReused(String key) {
        super(Kind.UNPROCESSABLE, "Idempotency-Key '" + key + "' was used for a different subscription request; "
                + "use a new key for a new request");
    }
}
