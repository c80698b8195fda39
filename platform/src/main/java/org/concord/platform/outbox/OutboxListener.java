package org.concord.platform.outbox;

/** Told of each outbox event once the transaction that appended it committed (a bean; e.g. a counter of signatures). */
@FunctionalInterface
public interface OutboxListener {

    void committed(OutboxEvent event);
}
