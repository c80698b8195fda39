package org.concord.agreements.agreement.application;

import org.concord.agreements.agreement.domain.Outcome;
import reactor.core.publisher.Mono;

/**
 * Where the events of a step are kept, in the step's transaction: each in the agreement's audit trail, and those
 * of the contract in the outbox for {@code agreements.v1}.
 */
public interface AgreementJournal {

    Mono<Void> record(Outcome outcome);
}
