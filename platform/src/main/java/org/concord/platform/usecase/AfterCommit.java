package org.concord.platform.usecase;

import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;

/**
 * Work that must wait until the current transaction has committed, such as waking the outbox relay or handing new
 * notifications to live readers: it must never see a change that may still roll back. Without a transaction it
 * runs at once.
 */
public final class AfterCommit {

    private AfterCommit() {
    }

    public static Mono<Void> run(Runnable action) {
        return TransactionSynchronizationManager.forCurrentTransaction()
                .doOnNext(tx -> tx.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public Mono<Void> afterCommit() {
                        return Mono.fromRunnable(action);
                    }
                }))
                .onErrorResume(NoTransactionException.class, e -> Mono.fromRunnable(action).then(Mono.empty()))
                .then();
    }
}
