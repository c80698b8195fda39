package org.concord.faults;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * What the system holds once the load has stopped and everything has caught up, read the way a user reads it (REST,
 * the topic, the webhook endpoint): each agreement and its audit trail, every party region's inbox and portfolio,
 * the subscription's delivery log, the records of {@code agreements.v1}, and the webhooks received.
 */
record FinalState(Map<String, AgreementState> agreements, Set<String> unknownAgreements, List<AgreementsTopic.Event> topic,
        List<Notification> notifications, List<PortfolioEntry> portfolios, List<Delivery> deliveries, Set<String> webhookIds,
        int webhookRedeliveries, List<String> regions) {

    /** An agreement as agreements-service shows it, with its audit trail. */
    record AgreementState(String id, String status, long version, List<String> parties, Set<String> signedParties,
            List<HistoryEntry> history) {
    }

    /** One entry of an agreement's audit trail; {@code eventId} is the ce_id of the event it published, if any. */
    record HistoryEntry(String type, String eventId, String party, long version) {
    }

    /** One inbox entry of notifications-service. */
    record Notification(String region, String eventId, String agreementId, String type) {
    }

    /** One agreement in a region's portfolio at regions-service. */
    record PortfolioEntry(String region, String agreementId, long version, boolean signed) {
    }

    /** One row of the subscription's delivery log. */
    record Delivery(String eventId, String status, int attempts) {
    }

    static FinalState read(Stack stack, Set<String> agreementIds, AgreementsTopic topic, Set<String> injected, WebhookReceiver receiver,
            String subscriptionId, List<String> regions) throws IOException, InterruptedException {
        List<AgreementsTopic.Event> events = topic.events().stream()
                .filter(event -> event.ceId() == null || !injected.contains(event.ceId())).toList();
        Http http = new Http();
        String viewer = stack.token("viewer", null);
        String admin = stack.token("admin", null);
        URI agreementsUrl = stack.url("agreements-service");
        Set<String> ids = new LinkedHashSet<>(agreementIds);
        events.stream().filter(event -> event.ceId() != null && event.key() != null).forEach(event -> ids.add(event.key()));
        Map<String, AgreementState> agreements = new LinkedHashMap<>();
        Set<String> unknown = new LinkedHashSet<>();
        for (String id : ids) {
            Http.Reply agreement = http.get(agreementsUrl.resolve("/api/agreements/" + id), viewer);
            if (agreement.status() == 404) {
                unknown.add(id);
                continue;
            }
            if (!agreement.ok()) {
                throw new IOException("GET agreement " + id + " answered " + agreement.status());
            }
            Set<String> signed = new LinkedHashSet<>();
            List<String> parties = new ArrayList<>();
            agreement.body().path("parties").forEach(party -> {
                parties.add(party.path("region").asString());
                if (party.path("signed").asBoolean(false)) {
                    signed.add(party.path("region").asString());
                }
            });
            Http.Reply trail = http.get(agreementsUrl.resolve("/api/agreements/" + id + "/history"), viewer);
            List<HistoryEntry> history = new ArrayList<>();
            trail.body().path("entries").forEach(entry -> history.add(new HistoryEntry(entry.path("type").asString(),
                    entry.path("eventId").isNull() ? null : entry.path("eventId").asString(null),
                    entry.path("details").path("signature").path("party").asString(null), entry.path("version").asLong())));
            agreements.put(id, new AgreementState(id, agreement.body().path("status").asString(),
                    agreement.body().path("version").asLong(), parties, signed, history));
        }
        List<Notification> notifications = new ArrayList<>();
        List<PortfolioEntry> portfolios = new ArrayList<>();
        for (String region : regions) {
            for (JsonNode item : http.all(stack.url("notifications-service").resolve("/api/notifications?region=" + region), viewer)) {
                notifications.add(new Notification(item.path("region").asString(), item.path("eventId").asString(),
                        item.path("agreementId").asString(), item.path("type").asString()));
            }
            for (JsonNode item : http.all(stack.url("regions-service").resolve("/api/regions/" + region + "/agreements"), viewer)) {
                portfolios.add(new PortfolioEntry(region, item.path("id").asString(), item.path("version").asLong(),
                        item.path("signed").asBoolean(false)));
            }
        }
        List<Delivery> deliveries = new ArrayList<>();
        for (JsonNode item : http.all(stack.url("notifications-service").resolve("/api/subscriptions/" + subscriptionId + "/deliveries"), admin)) {
            deliveries.add(new Delivery(item.path("eventId").asString(), item.path("status").asString(), item.path("attemptCount").asInt()));
        }
        return new FinalState(agreements, unknown, events, notifications, portfolios, deliveries,
                Set.copyOf(receiver.webhookIds()), receiver.redeliveries(), List.copyOf(regions));
    }
}
