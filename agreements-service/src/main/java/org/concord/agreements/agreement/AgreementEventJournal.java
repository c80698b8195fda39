package org.concord.agreements.agreement;

import java.util.UUID;

import org.concord.agreements.agreement.application.AgreementJournal;
import org.concord.agreements.agreement.domain.Agreement;
import org.concord.agreements.agreement.domain.AgreementEvent;
import org.concord.agreements.agreement.domain.Outcome;
import org.concord.agreements.agreement.persistence.AgreementRepository;
import org.concord.platform.messaging.ConcordTopics;
import org.concord.platform.outbox.Outbox;
import org.concord.platform.outbox.OutboxEvent;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps each event of a step in the hash-chained history and appends those of the contract to the outbox as
 * {@link AgreementEventContract} shapes them (key and {@code ce_subject}: the agreement id); the history entry names
 * the {@code ce_id} of the event published for it, and the event carries the head of the history with that entry.
 */
@Component
class AgreementEventJournal implements AgreementJournal {

    private final AgreementRepository agreements;
    private final Outbox outbox;
    private final ConcordTopics topics;
    private final JsonMapper json;

    AgreementEventJournal(AgreementRepository agreements, Outbox outbox, ConcordTopics topics, JsonMapper json) {
        this.agreements = agreements;
        this.outbox = outbox;
        this.topics = topics;
        this.json = json;
    }

    @Override
    public Mono<Void> record(Outcome outcome) {
        return Flux.range(0, outcome.events().size())
                .concatMap(i -> {
                    AgreementEvent event = outcome.events().get(i);
                    Agreement after = outcome.snapshotOf(i);
                    String details = json.writeValueAsString(AgreementEventContract.details(event));
                    if (!AgreementEventContract.isPublished(event)) {
                        return agreements.appendHistory(after.id(), after.version(), event.name(), event.at(), null,
                                details).then();
                    }
                    String key = after.id().toString();
                    String eventId = UUID.randomUUID().toString();
                    return agreements.appendHistory(after.id(), after.version(), event.name(), event.at(), eventId, details)
                            .flatMap(entry -> outbox.append(new OutboxEvent(eventId, topics.agreements(), key,
                                    AgreementEventContract.ceType(event), key, event.at(),
                                    AgreementEventContract.data(after, event, entry.head()))));
                })
                .then();
    }
}
