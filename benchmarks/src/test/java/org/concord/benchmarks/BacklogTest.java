package org.concord.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class BacklogTest {

    private static final String AGREEMENTS = """
            # HELP concord_outbox_backlog_rows outbox rows not yet published
            # TYPE concord_outbox_backlog_rows gauge
            concord_outbox_backlog_rows{application="agreements-service"} 12.0
            concord_outbox_backlog_rows_other 99.0
            """;
    private static final String NOTIFICATIONS = """
            concord_outbox_backlog_rows{application="notifications-service"} 3.0
            concord_consumer_lag_records{application="notifications-service",group="n",partition="0",topic="agreements.v1"} 5.0
            concord_consumer_lag_records{application="notifications-service",group="n",partition="1",topic="agreements.v1"} 2.0
            concord_consumer_lag_records{application="notifications-service",group="n",partition="2",topic="agreements.v1"} NaN
            # HELP concord_webhook_pending_deliveries Webhook deliveries queued and not yet ended
            # TYPE concord_webhook_pending_deliveries gauge
            concord_webhook_pending_deliveries{application="notifications-service"} 9.0
            concord_webhook_oldest_due_age_seconds{application="notifications-service"} 2.5
            """;

    @Test
    void outbox_rows_consumer_lag_and_queued_deliveries_are_summed_over_services_and_partitions() {
        Backlog backlog = Backlog.of(List.of(AGREEMENTS, NOTIFICATIONS), 4);

        assertThat(backlog.outboxRows()).isEqualTo(15.0);
        assertThat(backlog.consumerLag()).isEqualTo(7.0);
        assertThat(backlog.deliveriesQueued()).isEqualTo(9.0);
        assertThat(backlog.webhooksOutstanding()).isEqualTo(4);
    }
}
