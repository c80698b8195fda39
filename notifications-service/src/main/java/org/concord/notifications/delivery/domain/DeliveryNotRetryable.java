package org.concord.notifications.delivery.domain;

import org.concord.platform.domain.DomainException;

/** A delivery that cannot be re-sent by hand now (409): it has not failed, or its subscription is not active. */
public class DeliveryNotRetryable extends DomainException {

    public DeliveryNotRetryable(String detail) {
        super(Meaning.CONFLICT, detail);
    }
}
