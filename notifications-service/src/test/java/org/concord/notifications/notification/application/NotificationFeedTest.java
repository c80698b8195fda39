package org.concord.notifications.notification.application;

import org.concord.notifications.notification.domain.NotificationFilter;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

class NotificationFeedTest {

    // live streams without Last-Event-ID never read the database
    private final NotificationFeed feed = new NotificationFeed(null, 16);

    @Test
    void open_streams_end_when_the_service_shuts_down_so_shutdown_does_not_wait_for_them() throws Exception {
        feed.start();
        CompletableFuture<Long> stream = feed.untilShutdown(feed.stream(new NotificationFilter(null, null), null)).count().toFuture();

        feed.stop();

        assertThat(stream.get(5, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void a_service_started_again_serves_streams_again() {
        feed.start();
        feed.stop();
        feed.start();

        Long ticks = feed.untilShutdown(Flux.interval(Duration.ofMillis(10))).take(3).count().block(Duration.ofSeconds(5));

        assertThat(ticks).isEqualTo(3);
    }
}
