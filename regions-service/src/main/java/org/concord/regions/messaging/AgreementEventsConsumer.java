package org.concord.regions.messaging;

import java.util.function.Consumer;

import org.concord.platform.cloudevents.CloudEvent;
import org.concord.platform.inbox.IdempotentConsumer;
import org.concord.regions.portfolio.PortfolioService;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Feeds the portfolio from {@code agreements.v1} (binding {@code agreementEvents-in-0}). Every agreement
 * event carries the agreement's snapshot, so all types are handled alike. Each event is applied once per
 * {@code ce_id} (effect and record in one transaction); a record that is not a readable agreement event
 * throws, and the binder retries it, then moves it to the dead-letter topic and goes on.
 */
@Component("agreementEvents")
public class AgreementEventsConsumer implements Consumer<Message<byte[]>> {

    /** The name this consumer's processed events are recorded under. */
    public static final String NAME = "regions-service.portfolio";
    static final String AGREEMENT_EVENT_PREFIX = "concord.agreement.";

    private final IdempotentConsumer idempotent;
    private final PortfolioService portfolio;
    private final JsonMapper json;

    public AgreementEventsConsumer(IdempotentConsumer idempotent, PortfolioService portfolio, JsonMapper json) {
        this.idempotent = idempotent;
        this.portfolio = portfolio;
        this.json = json;
    }

    @Override
    public void accept(Message<byte[]> message) {
        handle(message);
    }

    /**
     * Applies one record; the live binding and the rebuild both come here.
     *
     * @return true if it changed the portfolio's record of processed events (false: duplicate or not ours)
     */
    boolean handle(Message<byte[]> message) {
        CloudEvent event = CloudEvent.from(message);
        if (!event.type().startsWith(AGREEMENT_EVENT_PREFIX)) {
            return false;
        }
        var agreement = event.data(json, AgreementEvent.class).toView();
        return idempotent.apply(NAME, event, e -> portfolio.apply(agreement));
    }
}
