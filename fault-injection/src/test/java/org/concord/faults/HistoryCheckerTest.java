package org.concord.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The checker on small histories whose right answer is known: it must see each kind of violation. */
class HistoryCheckerTest {

    static final String A = "a1";
    static final List<String> PARTIES = List.of("CN-GX", "CN-SC");

    /** A system where agreement a1 was drafted, opened and signed by CN-GX, every effect once. */
    private final class World {
        final List<History.Operation> operations = new ArrayList<>();
        final List<FinalState.HistoryEntry> trail = new ArrayList<>(List.of(
                new FinalState.HistoryEntry("drafted", "e-drafted", null, 1),
                new FinalState.HistoryEntry("opened", "e-opened", null, 2),
                new FinalState.HistoryEntry("signature-recorded", "e-gx", "CN-GX", 3)));
        final Set<String> signed = new LinkedHashSet<>(List.of("CN-GX"));
        final List<AgreementsTopic.Event> topic = new ArrayList<>();
        final List<FinalState.Notification> notifications = new ArrayList<>();
        final List<FinalState.PortfolioEntry> portfolios = new ArrayList<>();
        final List<FinalState.Delivery> deliveries = new ArrayList<>();
        final Set<String> webhooks = new LinkedHashSet<>();
        long version = 3;
        long id;

        World() {
            operation(History.Kind.DRAFT, null, History.Outcome.OK, 201);
            operation(History.Kind.OPEN, null, History.Outcome.OK, 200);
            operation(History.Kind.SIGN, "CN-GX", History.Outcome.OK, 200);
            for (FinalState.HistoryEntry entry : trail) {
                published(entry.eventId(), "concord.agreement." + entry.type(), entry.party());
            }
            for (String region : PARTIES) {
                portfolios.add(new FinalState.PortfolioEntry(region, A, 3, region.equals("CN-GX")));
            }
        }

        void operation(History.Kind kind, String party, History.Outcome outcome, int status) {
            Instant now = Instant.now();
            operations.add(new History.Operation(++id, kind, A, party, "http://localhost:8082", now, now, outcome, status, null));
        }

        void published(String eventId, String type, String party) {
            topic.add(new AgreementsTopic.Event(0, topic.size(), A, eventId, type, party, version));
            for (String region : PARTIES) {
                notifications.add(new FinalState.Notification(region, eventId, A, type));
            }
            deliveries.add(new FinalState.Delivery(eventId, "DELIVERED", 1));
            webhooks.add(eventId);
        }

        Verdict check() {
            Map<String, FinalState.AgreementState> agreements = new LinkedHashMap<>();
            agreements.put(A, new FinalState.AgreementState(A, "OPEN", version, PARTIES, signed, trail));
            FinalState state = new FinalState(agreements, Set.of(), topic, notifications, portfolios, deliveries, webhooks, 0, PARTIES);
            return HistoryChecker.check(operations, state);
        }
    }

    @Test
    void a_history_where_everything_happened_once_holds() {
        Verdict verdict = new World().check();

        assertThat(verdict.holds()).isTrue();
        assertThat(verdict.acknowledged()).isEqualTo(1);
    }

    @Test
    void a_signature_answered_200_that_the_agreement_forgot_is_lost_and_its_published_event_a_phantom() {
        World world = new World();
        // issue 11: CN-SC's signature was answered 200 and published, then the crash took the commit with it
        world.operation(History.Kind.SIGN, "CN-SC", History.Outcome.OK, 200);
        world.topic.add(new AgreementsTopic.Event(0, 9, A, "e-sc", "concord.agreement.signature-recorded", "CN-SC", 4));

        Verdict verdict = world.check();

        assertThat(verdict.lost()).singleElement().asString()
                .startsWith("sign by CN-SC of agreement a1 answered 200").contains("shows CN-SC unsigned");
        assertThat(verdict.phantoms()).singleElement().asString().contains("event e-sc").contains("no committed change has it");
        assertThat(verdict.holds()).isFalse();
    }

    @Test
    void an_unanswered_request_may_have_taken_effect_but_a_refused_one_may_not() {
        World unanswered = new World();
        unanswered.operation(History.Kind.SIGN, "CN-SC", History.Outcome.UNKNOWN, 0);
        unanswered.signed.add("CN-SC");
        unanswered.trail.add(new FinalState.HistoryEntry("signature-recorded", "e-sc", "CN-SC", 4));
        unanswered.version = 4;
        unanswered.published("e-sc", "concord.agreement.signature-recorded", "CN-SC");
        unanswered.portfolios.replaceAll(entry -> new FinalState.PortfolioEntry(entry.region(), A, 4, true));

        Verdict verdict = unanswered.check();
        assertThat(verdict.holds()).isTrue();
        assertThat(verdict.unanswered()).isEqualTo(1);
        assertThat(verdict.unansweredApplied()).isEqualTo(1);

        unanswered.operations.removeIf(op -> op.outcome() == History.Outcome.UNKNOWN);
        unanswered.operation(History.Kind.SIGN, "CN-SC", History.Outcome.FAIL, 409);
        assertThat(unanswered.check().phantoms()).singleElement().asString().contains("refused (409), yet CN-SC has signed");
    }

    @Test
    void a_committed_change_that_was_never_published_or_never_reached_a_consumer_is_a_lost_effect() {
        World world = new World();
        world.topic.removeIf(event -> event.ceId().equals("e-gx"));
        world.notifications.removeIf(notification -> notification.eventId().equals("e-gx") && notification.region().equals("CN-SC"));
        world.webhooks.remove("e-gx");
        world.portfolios.replaceAll(entry -> new FinalState.PortfolioEntry(entry.region(), A, 2, false));

        Verdict verdict = world.check();

        assertThat(verdict.lost()).anySatisfy(line -> assertThat(line).contains("event e-gx").contains("never published"))
                .anySatisfy(line -> assertThat(line).contains("no notification of event e-gx").contains("CN-SC"))
                .anySatisfy(line -> assertThat(line).contains("no webhook with webhook-id e-gx"))
                .anySatisfy(line -> assertThat(line).contains("the portfolio of CN-GX shows agreement a1 at version 2"));
        assertThat(verdict.doubled()).isEmpty();
    }

    @Test
    void an_effect_or_a_change_twice_is_doubled_but_a_record_or_webhook_repeated_under_its_own_id_is_not() {
        World world = new World();
        world.notifications.add(new FinalState.Notification("CN-SC", "e-gx", A, "concord.agreement.signature-recorded"));
        world.deliveries.add(new FinalState.Delivery("e-opened", "DELIVERED", 1));
        world.portfolios.add(new FinalState.PortfolioEntry("CN-SC", A, 3, false));
        world.trail.add(new FinalState.HistoryEntry("signature-recorded", "e-gx2", "CN-GX", 4));
        world.published("e-gx2", "concord.agreement.signature-recorded", "CN-GX");
        world.topic.add(new AgreementsTopic.Event(1, 0, A, "e-drafted", "concord.agreement.drafted", null, 1));

        Verdict verdict = world.check();

        assertThat(verdict.doubled())
                .anySatisfy(line -> assertThat(line).contains("the inbox of CN-SC has event e-gx 2 times"))
                .anySatisfy(line -> assertThat(line).contains("event e-opened has 2 deliveries"))
                .anySatisfy(line -> assertThat(line).contains("the portfolio of CN-SC lists agreement a1 2 times"))
                .anySatisfy(line -> assertThat(line).contains("signature-recorded by CN-GX is in its audit trail 2 times"))
                .anySatisfy(line -> assertThat(line).contains("was published as 2 different events"));
        assertThat(verdict.topicRepeats()).isEqualTo(1);
        assertThat(verdict.doubled()).noneMatch(line -> line.contains("e-drafted"));
    }
}
