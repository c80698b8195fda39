package org.concord.agreements.messaging;

import java.util.function.Consumer;

import org.concord.agreements.region.RegionReplica;
import org.concord.agreements.region.ReplicatedRegion;
import org.concord.platform.cloudevents.CloudEvent;
import org.concord.platform.cloudevents.InvalidCloudEventException;
import org.concord.platform.inbox.IdempotentConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the local region replica from {@code regions.v1} (binding {@code regionEvents-in-0}, read from the
 * earliest offset on every start: the topic is compacted, so a fresh database gets the whole registry).
 * Every region event carries the full snapshot, so registered, updated and deactivated are handled alike:
 * the snapshot is kept if its version is newer. Each event is applied once per {@code ce_id}; a record that
 * is not a readable region event throws, and the binder retries it, then moves it to the dead-letter topic
 * ({@code <regions topic>.agreements-service.dlq}) and goes on.
 */
@Component("regionEvents")
public class RegionEventsConsumer implements Consumer<Message<byte[]>> {

    /** The name this consumer's processed events are recorded under. */
    public static final String NAME = "agreements-service.region-replica";
    static final String REGION_EVENT_PREFIX = "concord.region.";

    private static final Logger log = LoggerFactory.getLogger(RegionEventsConsumer.class);

    private final IdempotentConsumer idempotent;
    private final RegionReplica replica;
    private final JsonMapper json;

    public RegionEventsConsumer(IdempotentConsumer idempotent, RegionReplica replica, JsonMapper json) {
        this.idempotent = idempotent;
        this.replica = replica;
        this.json = json;
    }

    @Override
    public void accept(Message<byte[]> message) {
        CloudEvent event = CloudEvent.from(message);
        if (!event.type().startsWith(REGION_EVENT_PREFIX)) {
            log.debug("ignored {} {}: not a region event", event.type(), event.id());
            return;
        }
        ReplicatedRegion region = read(event);
        idempotent.apply(NAME, event, e -> replica.upsert(region)
                .doOnNext(changed -> {
                    if (changed) {
                        log.info("region {} v{} replicated ({}, {})", region.code(), region.version(),
                                event.type(), region.active() ? "active" : "deactivated");
                    }
                })
                .then());
    }

    /** Reads the snapshot tolerantly: properties added to the contract later are ignored. */
    private ReplicatedRegion read(CloudEvent event) {
        try {
            JsonNode data = json.readTree(event.data());
            if (!data.isObject() || !data.path("code").isString() || !data.path("name").isString()
                    || !data.path("active").isBoolean() || !data.path("version").canConvertToLong()) {
                throw new InvalidCloudEventException("event " + event.id() + " (" + event.type()
                        + ") is not a region snapshot (code, name, active, version): " + event.dataAsString());
            }
            JsonNode authority = data.path("signingAuthority");
            return new ReplicatedRegion(data.get("code").asString(), data.get("name").asString(),
                    authority.isString() ? authority.asString() : null,
                    data.get("active").asBoolean(), data.get("version").asLong());
        } catch (JacksonException | IllegalArgumentException e) {
            throw new InvalidCloudEventException("event " + event.id() + " (" + event.type()
                    + ") is not a readable region snapshot: " + e.getMessage(), e);
        }
    }
}
