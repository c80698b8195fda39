package org.concord.faults;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a history against the final state, in the manner of Jepsen's checkers:
 * <ul>
 * <li>every change the client saw acknowledged (2xx) is in the final state, exactly once (a signature appears in the
 * agreement and once in its audit trail);</li>
 * <li>a request without an answer may or may not have taken effect, never twice; a refused one never did;</li>
 * <li>every committed change that publishes an event was published, under one event id only; no event without its
 * committed change;</li>
 * <li>every published event had its effects exactly once: one notification per party region, one delivery row and at
 * least one webhook with that {@code webhook-id} (receivers de-duplicate on it), and each party region's portfolio
 * shows the agreement once, at its final version and signing state.</li>
 * </ul>
 */
final class HistoryChecker {

    static final String SIGNATURE = "signature-recorded";

    private HistoryChecker() {
    }

    static Verdict check(List<History.Operation> operations, FinalState state) {
        List<String> lost = new ArrayList<>();
        List<String> doubled = new ArrayList<>();
        List<String> phantoms = new ArrayList<>();
        int[] counts = new int[4];
        checkRequests(operations, state, lost, phantoms, counts);
        Map<String, FinalState.HistoryEntry> committed = checkAuditTrails(state, doubled);
        int repeats = checkTopic(state, committed, lost, doubled, phantoms);
        checkInboxes(state, committed, lost, doubled, phantoms);
        checkWebhooks(state, committed, lost, doubled, phantoms);
        checkPortfolios(state, lost, doubled, phantoms);
        return new Verdict(counts[0], counts[1], counts[2], counts[3], lost, doubled, phantoms, repeats, state.webhookRedeliveries());
    }

    /** Each request against the agreement it names: acknowledged ones are there, refused ones are not. */
    private static void checkRequests(List<History.Operation> operations, FinalState state, List<String> lost,
            List<String> phantoms, int[] counts) {
        Set<String> mayHaveSigned = new HashSet<>();
        operations.stream()
                .filter(op -> op.kind() == History.Kind.SIGN && op.outcome() != History.Outcome.FAIL)
                .forEach(op -> mayHaveSigned.add(op.agreementId() + "/" + op.party()));
        for (History.Operation op : operations) {
            if (op.outcome() == null) {
                continue;
            }
            FinalState.AgreementState agreement = op.agreementId() == null ? null : state.agreements().get(op.agreementId());
            boolean signed = agreement != null && agreement.signedParties().contains(op.party());
            switch (op.outcome()) {
                case OK -> {
                    if (op.kind() == History.Kind.SIGN) {
                        counts[0]++;
                    }
                    if (agreement == null) {
                        lost.add(describe(op) + ": agreements-service does not know the agreement");
                    } else if (op.kind() == History.Kind.OPEN && agreement.status().equals("DRAFT")) {
                        lost.add(describe(op) + ": the agreement is still a draft");
                    } else if (op.kind() == History.Kind.SIGN && !signed) {
                        lost.add(describe(op) + ": the agreement shows " + op.party() + " unsigned (version " + agreement.version() + ")");
                    } else if (op.kind() == History.Kind.SIGN && entries(agreement, SIGNATURE, op.party()) == 0) {
                        lost.add(describe(op) + ": no signature-recorded entry in the audit trail");
                    }
                }
                case UNKNOWN -> {
                    if (op.kind() == History.Kind.SIGN) {
                        counts[1]++;
                        if (signed) {
                            counts[2]++;
                        }
                    }
                }
                case FAIL -> {
                    if (op.kind() == History.Kind.SIGN) {
                        counts[3]++;
                        if (signed && !mayHaveSigned.contains(op.agreementId() + "/" + op.party())) {
                            phantoms.add(describe(op) + ": refused (" + op.status() + "), yet " + op.party() + " has signed");
                        }
                    }
                }
            }
        }
    }

    /** Each change once in its agreement's audit trail; returns the published ones by event id. */
    private static Map<String, FinalState.HistoryEntry> checkAuditTrails(FinalState state, List<String> doubled) {
        Map<String, FinalState.HistoryEntry> committed = new HashMap<>();
        for (FinalState.AgreementState agreement : state.agreements().values()) {
            Map<String, Long> changes = agreement.history().stream()
                    .filter(entry -> !entry.type().equals("amended"))
                    .collect(Collectors.groupingBy(entry -> entry.type() + (entry.party() == null ? "" : " by " + entry.party()),
                            Collectors.counting()));
            changes.forEach((change, times) -> {
                if (times > 1) {
                    doubled.add("agreement " + agreement.id() + ": " + change + " is in its audit trail " + times + " times");
                }
            });
            for (FinalState.HistoryEntry entry : agreement.history()) {
                if (entry.eventId() != null) {
                    committed.put(entry.eventId(), entry);
                }
            }
        }
        return committed;
    }

    /** Each committed change published (under one id), and nothing published that was not committed. */
    private static int checkTopic(FinalState state, Map<String, FinalState.HistoryEntry> committed, List<String> lost,
            List<String> doubled, List<String> phantoms) {
        List<AgreementsTopic.Event> events = state.topic().stream().filter(event -> event.ceId() != null).toList();
        Map<String, List<AgreementsTopic.Event>> byId = events.stream().collect(Collectors.groupingBy(AgreementsTopic.Event::ceId));
        Map<String, String> owner = owners(state);
        for (Map.Entry<String, FinalState.HistoryEntry> entry : committed.entrySet()) {
            if (!byId.containsKey(entry.getKey())) {
                lost.add("event " + entry.getKey() + " (" + entry.getValue().type() + " of agreement " + owner.get(entry.getKey())
                        + ") was committed but never published");
            }
        }
        for (String ceId : byId.keySet()) {
            if (!committed.containsKey(ceId)) {
                AgreementsTopic.Event event = byId.get(ceId).get(0);
                phantoms.add("event " + ceId + " (" + event.type() + " of " + event.key() + (event.party() == null ? "" : " by " + event.party())
                        + ", version " + event.version() + ") is on " + AgreementsTopic.TOPIC + " but no committed change has it");
            }
        }
        Map<String, Set<String>> idsPerChange = new HashMap<>();
        byId.values().stream().map(list -> list.get(0)).forEach(event -> idsPerChange
                .computeIfAbsent(event.key() + " " + event.type() + (event.party() == null ? "" : " by " + event.party()),
                        key -> new HashSet<>())
                .add(event.ceId()));
        idsPerChange.forEach((change, ids) -> {
            if (ids.size() > 1) {
                doubled.add(change + " was published as " + ids.size() + " different events " + ids);
            }
        });
        return events.size() - byId.size();
    }

    /** One notification per party region for each published event, and none for an event that was not committed. */
    private static void checkInboxes(FinalState state, Map<String, FinalState.HistoryEntry> committed, List<String> lost,
            List<String> doubled, List<String> phantoms) {
        Map<String, Map<String, Long>> perEvent = state.notifications().stream().collect(Collectors.groupingBy(
                FinalState.Notification::eventId, Collectors.groupingBy(FinalState.Notification::region, Collectors.counting())));
        Map<String, String> owner = owners(state);
        for (String eventId : committed.keySet()) {
            FinalState.AgreementState agreement = state.agreements().get(owner.get(eventId));
            Map<String, Long> regions = perEvent.getOrDefault(eventId, Map.of());
            for (String region : agreement.parties()) {
                if (!state.regions().contains(region)) {
                    continue;
                }
                long times = regions.getOrDefault(region, 0L);
                if (times == 0) {
                    lost.add("no notification of event " + eventId + " (" + committed.get(eventId).type() + ") in the inbox of " + region);
                } else if (times > 1) {
                    doubled.add("the inbox of " + region + " has event " + eventId + " " + times + " times");
                }
            }
        }
        perEvent.keySet().stream().filter(eventId -> !committed.containsKey(eventId)
                        && state.notifications().stream().anyMatch(n -> n.eventId().equals(eventId) && state.agreements().containsKey(n.agreementId())))
                .forEach(eventId -> phantoms.add("notifications of event " + eventId + ", which no committed change has"));
    }

    /** One delivery row and at least one webhook for each published event. */
    private static void checkWebhooks(FinalState state, Map<String, FinalState.HistoryEntry> committed, List<String> lost,
            List<String> doubled, List<String> phantoms) {
        Map<String, List<FinalState.Delivery>> deliveries = state.deliveries().stream()
                .collect(Collectors.groupingBy(FinalState.Delivery::eventId));
        for (String eventId : committed.keySet()) {
            List<FinalState.Delivery> rows = deliveries.getOrDefault(eventId, List.of());
            if (rows.size() > 1) {
                doubled.add("event " + eventId + " has " + rows.size() + " deliveries to the one subscription");
            }
            if (!state.webhookIds().contains(eventId)) {
                lost.add("no webhook with webhook-id " + eventId + " (" + committed.get(eventId).type() + ") reached the endpoint"
                        + (rows.isEmpty() ? " and there is no delivery row" : " (delivery " + rows.get(0).status() + " after "
                        + rows.get(0).attempts() + " attempts)"));
            }
        }
        state.webhookIds().stream().filter(id -> !committed.containsKey(id))
                .forEach(id -> phantoms.add("a webhook with webhook-id " + id + ", which no committed change has"));
    }

    /** Each party region's portfolio shows each agreement once, as it finally stands. */
    private static void checkPortfolios(FinalState state, List<String> lost, List<String> doubled, List<String> phantoms) {
        Map<String, List<FinalState.PortfolioEntry>> byRegionAndAgreement = state.portfolios().stream()
                .collect(Collectors.groupingBy(entry -> entry.region() + "/" + entry.agreementId()));
        for (FinalState.AgreementState agreement : state.agreements().values()) {
            for (String region : agreement.parties()) {
                if (!state.regions().contains(region)) {
                    continue;
                }
                List<FinalState.PortfolioEntry> entries = byRegionAndAgreement.getOrDefault(region + "/" + agreement.id(), List.of());
                if (entries.isEmpty()) {
                    lost.add("the portfolio of " + region + " lacks agreement " + agreement.id());
                } else if (entries.size() > 1) {
                    doubled.add("the portfolio of " + region + " lists agreement " + agreement.id() + " " + entries.size() + " times");
                } else if (entries.get(0).version() != agreement.version()
                        || entries.get(0).signed() != agreement.signedParties().contains(region)) {
                    lost.add("the portfolio of " + region + " shows agreement " + agreement.id() + " at version " + entries.get(0).version()
                            + (entries.get(0).signed() ? ", signed" : ", unsigned") + "; it is at version " + agreement.version()
                            + (agreement.signedParties().contains(region) ? ", signed" : ", unsigned"));
                }
            }
        }
        state.portfolios().stream().filter(entry -> state.unknownAgreements().contains(entry.agreementId()))
                .map(entry -> "the portfolio of " + entry.region() + " lists agreement " + entry.agreementId() + ", which does not exist")
                .distinct().forEach(phantoms::add);
    }

    private static long entries(FinalState.AgreementState agreement, String type, String party) {
        return agreement.history().stream().filter(entry -> entry.type().equals(type) && Objects.equals(entry.party(), party)).count();
    }

    /** Which agreement each committed event id belongs to. */
    private static Map<String, String> owners(FinalState state) {
        Map<String, String> owner = new HashMap<>();
        state.agreements().values().forEach(agreement -> agreement.history().stream()
                .filter(entry -> entry.eventId() != null).forEach(entry -> owner.put(entry.eventId(), agreement.id())));
        return owner;
    }

    private static String describe(History.Operation op) {
        return op.kind().name().toLowerCase() + (op.party() == null ? "" : " by " + op.party())
                + (op.agreementId() == null ? "" : " of agreement " + op.agreementId())
                + " answered " + op.status() + " at " + op.answered();
    }

}
