package org.concord.platform.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class PeriodicTaskTest {

    @Test
    void a_failing_round_does_not_stop_the_rounds_after_it() {
        AtomicInteger rounds = new AtomicInteger();
        PeriodicTask task = new PeriodicTask("test-rounds", Duration.ZERO, Duration.ofMillis(10), () -> {
            if (rounds.incrementAndGet() == 1) {
                throw new IllegalStateException("the database is not there yet");
            }
        });
        task.start();
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> rounds.get() >= 3);
        } finally {
            task.stop();
        }
    }

    @Test
    void stop_waits_for_the_round_under_way_and_no_round_runs_after_it() throws InterruptedException {
        AtomicInteger finished = new AtomicInteger();
        AtomicInteger begun = new AtomicInteger();
        PeriodicTask task = new PeriodicTask("test-slow-round", Duration.ZERO, Duration.ofMillis(10), () -> {
            begun.incrementAndGet();
            long until = System.nanoTime() + Duration.ofMillis(300).toNanos();
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            finished.incrementAndGet();
        });
        task.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> begun.get() == 1);

        task.stop();

        assertThat(task.isRunning()).isFalse();
        assertThat(finished.get()).isEqualTo(begun.get());
        Thread.sleep(100);
        assertThat(begun.get()).isEqualTo(finished.get());
    }
}
