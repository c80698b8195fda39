package org.concord.agreements.agreement.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The result of a step of an agreement's life: the agreement as it is afterwards and the events the step
 * raised, in order, each with the agreement as that event shows it (a step's events all show the agreement after the
 * whole step; the moves a step is made of are chained with {@link #then}). No events means nothing changed (e.g. a
 * patch that changes nothing).
 */
public record Outcome(Agreement agreement, List<AgreementEvent> events, List<Agreement> snapshots) {

    public Outcome {
        events = List.copyOf(events);
        snapshots = List.copyOf(snapshots);
        if (events.size() != snapshots.size()) {
            throw new IllegalArgumentException("one snapshot per event");
        }
    }

    public Outcome(Agreement agreement, List<AgreementEvent> events) {
        this(agreement, events, events.stream().map(e -> agreement).toList());
    }

    static Outcome of(Agreement agreement, AgreementEvent... events) {
        return new Outcome(agreement, List.of(events));
    }

    static Outcome unchanged(Agreement agreement) {
        return new Outcome(agreement, List.of());
    }

    /** This outcome followed by {@code next} (a move from this outcome's agreement). */
    Outcome then(Outcome next) {
        var allEvents = new ArrayList<>(events);
        allEvents.addAll(next.events);
        var allSnapshots = new ArrayList<>(snapshots);
        allSnapshots.addAll(next.snapshots);
        return new Outcome(next.agreement, allEvents, allSnapshots);
    }

    public boolean changed() {
        return !events.isEmpty();
    }

    /** The agreement as the {@code index}th event left it. */
    public Agreement snapshotOf(int index) {
        return snapshots.get(index);
    }
}
