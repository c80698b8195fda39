package org.concord.notifications.messaging;

import java.util.function.Consumer;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.concord.notifications.region.KnownRegion;
import org.concord.notifications.region.RegionDirectory;
import org.concord.platform.cloudevents.CloudEvent;
import org.concord.platform.cloudevents.InvalidCloudEventException;
import org.concord.platform.inbox.IdempotentConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Consumes regions.v1 from the beginning (binding {@code regionEvents-in-0}) into the local replica of region
 * names, signing authorities and contacts; the last version of a region wins.
 */
@Component("regionEvents")
public class RegionEventsConsumer implements Consumer<Message<byte[]>> {

    static final String CONSUMER = "notifications-service:regions";
    private static final Logger log = LoggerFactory.getLogger(RegionEventsConsumer.class);

    private final IdempotentConsumer inbox;
    private final RegionDirectory directory;
    private final JsonMapper json;

    public RegionEventsConsumer(IdempotentConsumer inbox, RegionDirectory directory, JsonMapper json) {
        this.inbox = inbox;
        this.directory = directory;
        this.json = json;
    }

    /** This service's view of a region snapshot (regions.v1 data). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record RegionSnapshot(String code, String name, String signingAuthority, String contactEmail, Boolean active,
            Long version) {
    }

    @Override
    public void accept(Message<byte[]> message) {
        CloudEvent event = CloudEvent.from(message);
        if (!event.type().startsWith("concord.region.")) {
            log.debug("ignoring {} on the regions topic", event.type());
            return;
        }
        KnownRegion region = read(event);
        inbox.apply(CONSUMER, event, e -> directory.remember(region)
                .doOnNext(changed -> {
                    if (changed) {
                        log.debug("region {} known as '{}' (version {})", region.code(), region.actingName(),
                                region.version());
                    }
                })
                .then());
    }

    private KnownRegion read(CloudEvent event) {
        RegionSnapshot snapshot = event.data(json, RegionSnapshot.class);
        if (snapshot.code() == null || snapshot.name() == null || snapshot.version() == null) {
            throw new InvalidCloudEventException("event " + event.id() + " (" + event.type()
                    + ") carries no region snapshot with code, name and version");
        }
        return new KnownRegion(snapshot.code(), snapshot.name(), snapshot.signingAuthority(), snapshot.contactEmail(),
                !Boolean.FALSE.equals(snapshot.active()), snapshot.version());
    }
}
