package org.concord.notifications.subscription.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class SubscriptionTest {

    private final Instant now = Instant.parse("2024-09-24T02:00:00Z");

    @Test
    void no_event_types_and_no_regions_means_every_agreement_event() {
        var all = Subscription.create(UUID.randomUUID(), "https://crm.example.com/hook", null, null, now);
        assertThat(all.wants("concord.agreement.signed", List.of("CN-GX"))).isTrue();
        assertThat(all.wants("concord.agreement.drafted", List.of("VN"))).isTrue();
    }

    @Test
    void event_types_select_exactly_or_by_wildcard() {
        var signed = Subscription.create(UUID.randomUUID(), "https://crm.example.com/hook",
                List.of("concord.agreement.signed"), List.of(), now);
        assertThat(signed.wants("concord.agreement.signed", List.of("CN-GX"))).isTrue();
        assertThat(signed.wants("concord.agreement.signature-recorded", List.of("CN-GX"))).isFalse();

        var any = Subscription.create(UUID.randomUUID(), "https://crm.example.com/hook",
                List.of("concord.agreement.*"), List.of(), now);
        assertThat(any.wants("concord.agreement.expired", List.of("CN-GX"))).isTrue();
    }

    @Test
    void the_event_types_of_entry_into_force_withdrawal_amendments_and_renewal_can_be_named() {
        List<String> types = List.of("concord.agreement.entered-into-force", "concord.agreement.withdrawal-notified",
                "concord.agreement.party-withdrawn", "concord.agreement.amendment-opened",
                "concord.agreement.amendment-signed", "concord.agreement.amendment-adopted",
                "concord.agreement.term-ending", "concord.agreement.renewal-objected", "concord.agreement.renewed");

        var subscription = Subscription.create(UUID.randomUUID(), "https://crm.example.com/hook", types, List.of(), now);

        assertThat(types).allMatch(type -> subscription.wants(type, List.of("CN-GX")));
        assertThat(subscription.wants("concord.agreement.signed", List.of("CN-GX"))).isFalse();
    }

    @Test
    void regions_select_the_agreements_they_are_party_to() {
        var sichuan = Subscription.create(UUID.randomUUID(), "https://crm.example.com/hook", List.of(), List.of("CN-SC"), now);
        assertThat(sichuan.wants("concord.agreement.signed", List.of("CN-GX", "CN-SC"))).isTrue();
        assertThat(sichuan.wants("concord.agreement.signed", List.of("CN-GX", "CN-YN"))).isFalse();
    }

    @Test
    void unusable_requests_are_refused_with_what_to_fix() {
        assertThatThrownBy(() -> Subscription.create(UUID.randomUUID(), null, null, null, now))
                .isInstanceOf(InvalidSubscription.class).hasMessageContaining("url is required");
        assertThatThrownBy(() -> Subscription.create(UUID.randomUUID(), "not a url", null, null, now))
                .isInstanceOf(InvalidSubscription.class);
        assertThatThrownBy(() -> Subscription.create(UUID.randomUUID(), "https://x.example/h",
                List.of("concord.agreement.sgined"), null, now))
                .isInstanceOf(InvalidSubscription.class).hasMessageContaining("unknown event type 'concord.agreement.sgined'");
        assertThatThrownBy(() -> Subscription.create(UUID.randomUUID(), "https://x.example/h", null,
                List.of("Sichuan"), now))
                .isInstanceOf(InvalidSubscription.class).hasMessageContaining("not a region code");
    }

    @Test
    void an_endpoint_failing_past_the_period_is_due_for_disabling() {
        var failing = new Subscription(UUID.randomUUID(), java.net.URI.create("https://x.example/h"), List.of(), List.of(),
                Subscription.Status.ACTIVE, null, now.minus(Duration.ofDays(6)), 1, now);
        assertThat(failing.failingLongerThan(Duration.ofDays(5), now)).isTrue();
        assertThat(failing.failingLongerThan(Duration.ofDays(7), now)).isFalse();
    }

    @Test
    void a_failing_endpoint_backs_off_as_long_as_it_has_been_failing_within_the_bounds() {
        Duration shortest = Duration.ofSeconds(5);
        Duration longest = Duration.ofMinutes(10);
        assertThat(failingSince(null).backoffUntil(now, shortest, longest)).isEqualTo(now.plusSeconds(5));
        assertThat(failingSince(now.minusSeconds(2)).backoffUntil(now, shortest, longest)).isEqualTo(now.plusSeconds(5));
        assertThat(failingSince(now.minusSeconds(40)).backoffUntil(now, shortest, longest)).isEqualTo(now.plusSeconds(40));
        assertThat(failingSince(now.minus(Duration.ofHours(3))).backoffUntil(now, shortest, longest))
                .isEqualTo(now.plus(longest));
    }

    @Test
    void a_failing_endpoint_takes_one_send_at_a_time_and_a_healthy_one_its_limit() {
        assertThat(failingSince(null).sendsAtOnce(4)).isEqualTo(4);
        assertThat(failingSince(now.minusSeconds(1)).sendsAtOnce(4)).isEqualTo(1);
    }

    private Subscription failingSince(Instant since) {
        return new Subscription(UUID.randomUUID(), java.net.URI.create("https://x.example/h"), List.of(), List.of(),
                Subscription.Status.ACTIVE, null, since, 1, now);
    }
}
