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
    void rounds_ended_by_an_error_are_logged_with_its_cause(CapturedOutput output) {
        Flux<Boolean> oneSignal = Flux.just(Boolean.TRUE);

        DeliveryDispatcher.rounds(oneSignal, () -> {
            throw new IllegalStateException("the clock is gone");
        }).blockLast(Duration.ofSeconds(5));

        String line = output.getOut().lines()
                .filter(l -> l.contains("webhook delivery rounds ended; due deliveries are no longer sent"))
                .findFirst().orElseThrow();
        assertThat(line).contains("ERROR");
        assertThat(output.getOut()).contains("java.lang.IllegalStateException: the clock is gone");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
