package org.concord.notifications.delivery.persistence;

import org.concord.notifications.delivery.domain.Delivery;

/**
 * A due delivery as read to be claimed, with the exact body to send (its event's payload, stored once for all the
 * event's deliveries) and the trace context it was queued in ({@code traceparent} of the consumer span, null if
 * none): the parent of its attempt's span, read with the row rather than once more per attempt.
 */
public record DueDelivery(Delivery delivery, String payload, String traceparent) {
}
