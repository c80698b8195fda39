package org.concord.agreements.agreement.domain;

import java.util.List;

/**
 * The result of a step of an agreement's life: the agreement as it is afterwards and the events the step
 * raised, in order. No events means nothing changed (e.g. a patch that changes nothing).
 */
public record Outcome(Agreement agreement, List<AgreementEvent> events) {

    public Outcome {
        events = List.copyOf(events);
    }

    static Outcome of(Agreement agreement, AgreementEvent... events) {
        return new Outcome(agreement, List.of(events));
    }

    static Outcome unchanged(Agreement agreement) {
        return new Outcome(agreement, List.of());
    }

    public boolean changed() {
        return !events.isEmpty();
    }
}
