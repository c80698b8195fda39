package org.concord.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * One fault-injection scenario: the stack it needs (Kafka nodes, instances per service, PostgreSQL or H2), the fault,
 * which services must keep answering meanwhile, and whether CI runs it.
 */
record Scenario(String name, String title, int brokers, int instances, boolean postgres, boolean ci, List<String> watched,
        Fault fault) {

    /** What a scenario does to the running stack, under load. */
    @FunctionalInterface
    interface Fault {
        Window inject(ScenarioRun run) throws Exception;
    }

    /**
     * When the fault began and ended, how to tell the stack is back, any recoveries the fault measured itself (one per
     * kill when it kills repeatedly), and what the fault required of the stack while it lasted and did not see (the
     * scenario fails with these, whatever the checker finds).
     */
    record Window(Instant start, Instant end, String what, BooleanSupplier back, List<ScenarioRun.Recovery> measured,
            List<String> unmet) {

        static Window of(Instant start, Instant end, String what, BooleanSupplier back) {
            return new Window(start, end, what, back, List.of(), List.of());
        }

        Duration length() {
            return Duration.between(start, end);
        }
    }
}
