package org.concord.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookLedgerTest {

    private static final long MS = 1_000_000;
    private final WebhookLedger ledger = new WebhookLedger();

    @Test
    void a_signature_answered_2xx_whose_webhook_arrived_once_is_delivered_with_its_latency_from_the_intended_time() {
        ledger.sent("a/CN-SC", 100 * MS, true);
        ledger.answered("a/CN-SC", 201);
        ledger.arrived("a/CN-SC", "evt-1", 130 * MS);

        WebhookLedger.Verdict verdict = ledger.verdict();

        assertThat(verdict.acknowledged()).isEqualTo(1);
        assertThat(verdict.delivered()).isEqualTo(1);
        assertThat(verdict.exactlyOnce()).isTrue();
        assertThat(verdict.signToWebhook().percentileMillis(50)).isBetween(29.9, 30.1);
    }

    @Test
    void a_webhook_may_arrive_before_the_http_answer() {
        ledger.sent("a/CN-SC", 0, true);
        ledger.arrived("a/CN-SC", "evt-1", 5 * MS);
        assertThat(ledger.outstanding()).isZero();
        ledger.answered("a/CN-SC", 200);

        assertThat(ledger.verdict().delivered()).isEqualTo(1);
        assertThat(ledger.verdict().lost()).isZero();
    }

    @Test
    void a_2xx_signature_without_its_webhook_is_lost_and_outstanding() {
        ledger.sent("a/CN-SC", 0, true);
        ledger.answered("a/CN-SC", 200);

        assertThat(ledger.outstanding()).isEqualTo(1);
        assertThat(ledger.verdict().lost()).isEqualTo(1);
        assertThat(ledger.verdict().exactlyOnce()).isFalse();
    }

    @Test
    void the_same_webhook_twice_or_a_second_event_for_one_signature_is_doubled() {
        ledger.sent("a/CN-SC", 0, true);
        ledger.answered("a/CN-SC", 200);
        ledger.arrived("a/CN-SC", "evt-1", MS);
        ledger.arrived("a/CN-SC", "evt-1", 2 * MS);
        ledger.sent("b/CN-SC", 0, true);
        ledger.answered("b/CN-SC", 200);
        ledger.arrived("b/CN-SC", "evt-2", MS);
        ledger.arrived("b/CN-SC", "evt-3", MS);

        assertThat(ledger.verdict().doubled()).isEqualTo(2);
        assertThat(ledger.verdict().exactlyOnce()).isFalse();
    }

    @Test
    void a_refused_signature_expects_no_webhook_and_warm_up_signatures_are_checked_but_not_timed() {
        ledger.sent("a/CN-SC", 0, true);
        ledger.answered("a/CN-SC", 409);
        ledger.sent("b/CN-SC", 0, false);
        ledger.answered("b/CN-SC", 200);
        ledger.arrived("b/CN-SC", "evt-2", 40 * MS);

        WebhookLedger.Verdict verdict = ledger.verdict();

        assertThat(verdict.acknowledged()).isEqualTo(1);
        assertThat(verdict.lost()).isZero();
        assertThat(verdict.signToWebhook().count()).isZero();
    }
}
