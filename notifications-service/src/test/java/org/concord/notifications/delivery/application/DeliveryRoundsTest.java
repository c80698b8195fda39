package org.concord.notifications.delivery.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

class DeliveryRoundsTest {

    @Test
    void rounds_go_on_after_one_round_outlasted_many_poll_intervals() throws InterruptedException {
        Sinks.Many<Boolean> wakeUps = Sinks.many().multicast().directBestEffort();
        AtomicInteger rounds = new AtomicInteger();
        AtomicReference<Throwable> ended = new AtomicReference<>();
        Thread waker = Thread.currentThread();
        AtomicBoolean longRoundToCome = new AtomicBoolean(true);
        // a round run on the thread of the wake-up that started it, lasting 100 poll intervals while ticks go on
        Disposable loop = DeliveryDispatcher.whenToLook(Duration.ofMillis(2), wakeUps.asFlux())
                .concatMap(signal -> Mono.fromRunnable(() -> {
                    rounds.incrementAndGet();
                    if (Thread.currentThread() == waker && longRoundToCome.getAndSet(false)) {
                        sleep(Duration.ofMillis(200));
                    }
                }), 0)
                .subscribe(round -> { }, ended::set);
        try {
            Thread.sleep(20);
            wakeUps.tryEmitNext(Boolean.TRUE);
            int afterTheLongRound = rounds.get();
            Thread.sleep(300);

            assertThat(ended.get()).as("the rounds did not end").isNull();
            assertThat(rounds.get()).as("rounds after the long one").isGreaterThan(afterTheLongRound + 5);
        } finally {
            loop.dispose();
        }
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void rounds_ended_by_an_error_are_logged_with_its_cause_and_start_again(CapturedOutput output) {
        AtomicInteger rounds = new AtomicInteger();

        DeliveryDispatcher.rounds(() -> Flux.just(Boolean.TRUE), () -> {
                    if (rounds.incrementAndGet() == 1) {
                        throw new IllegalStateException("the clock is gone");
                    }
                    return Mono.empty();
                }, Duration.ofSeconds(5), Duration.ofMillis(10))
                .take(Duration.ofMillis(500))
                .blockLast(Duration.ofSeconds(5));

        String line = output.getOut().lines()
                .filter(l -> l.contains("webhook delivery rounds ended by an error; they start again in"))
                .findFirst().orElseThrow();
        assertThat(line).contains("ERROR");
        assertThat(output.getOut()).contains("java.lang.IllegalStateException: the clock is gone");
        assertThat(rounds.get()).as("rounds after the one that threw").isGreaterThan(2);
    }

    @Test
    void a_round_that_does_not_end_in_time_is_cut_off_and_the_next_one_runs() {
        Sinks.Many<Boolean> signals = Sinks.many().unicast().onBackpressureBuffer();
        AtomicInteger rounds = new AtomicInteger();
        Disposable loop = DeliveryDispatcher.rounds(signals::asFlux, () -> rounds.incrementAndGet() == 1
                        ? Mono.never() : Mono.empty(), Duration.ofMillis(100), Duration.ofSeconds(1))
                .subscribe();
        try {
            signals.tryEmitNext(Boolean.TRUE);
            signals.tryEmitNext(Boolean.TRUE);

            sleep(Duration.ofMillis(400));
            assertThat(rounds.get()).as("the stuck round, then the next").isEqualTo(2);
        } finally {
            loop.dispose();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
