package org.concord.notifications.delivery;

import org.concord.platform.web.DomainException;

/** A delivery that cannot be re-sent by hand now (409): it has not failed, or its subscription is not active. */
public class DeliveryNotRetryable extends DomainException {

    public DeliveryNotRetryable(String detail) {
        super(Kind.CONFLICT, detail);
    }
}
