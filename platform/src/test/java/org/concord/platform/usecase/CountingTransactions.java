package org.concord.platform.usecase;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.transaction.ReactiveTransaction;
import org.springframework.transaction.reactive.TransactionCallback;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;

/** Stands in for the R2DBC transaction where only the number of transactions begun matters: it counts them. */
final class CountingTransactions implements TransactionalOperator {

    private final AtomicInteger started = new AtomicInteger();

    AtomicInteger started() {
        return started;
    }

    @Override
    public <T> Flux<T> execute(TransactionCallback<T> action) {
        started.incrementAndGet();
        return Flux.from(action.doInTransaction((ReactiveTransaction) null));
    }
}
