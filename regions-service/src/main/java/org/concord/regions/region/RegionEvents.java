package org.concord.regions.region;

import java.util.Map;

import org.concord.platform.messaging.ConcordTopics;
import org.concord.platform.outbox.Outbox;
import org.concord.platform.outbox.OutboxEvent;
import org.concord.regions.region.application.RegionChanges;
import org.concord.regions.region.domain.Region;
import org.concord.regions.region.domain.RegionDetails;
import org.concord.regions.region.domain.RegionType;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The registry's events on {@code concord.topics.regions} (key = region code), appended to the outbox in the
 * change's transaction. Every event carries the full {@link RegionSnapshot}: the topic is compacted, so the latest
 * record per code is the region.
 */
@Component
public class RegionEvents implements RegionChanges {

    public static final String REGISTERED = "concord.region.registered";
    public static final String UPDATED = "concord.region.updated";
    public static final String DEACTIVATED = "concord.region.deactivated";

    private final Outbox outbox;
    private final ConcordTopics topics;

    public RegionEvents(Outbox outbox, ConcordTopics topics) {
        this.outbox = outbox;
        this.topics = topics;
    }

    @Override
    public Mono<Void> registered(Region region) {
        return append(REGISTERED, region);
    }

    @Override
    public Mono<Void> updated(Region region) {
        return append(UPDATED, region);
    }

    @Override
    public Mono<Void> deactivated(Region region) {
        return append(DEACTIVATED, region);
    }

    private Mono<Void> append(String type, Region region) {
        String code = region.code().value();
        return outbox.append(OutboxEvent.of(topics.regions(), code, type, code, RegionSnapshot.of(region)));
    }

    /**
     * The data of every regions event, exactly the region-snapshot schema of the contract (nulls written, never
     * omitted); {@code keys} is the JWK set its signatories sign with ({@code {"keys": []}} when none).
     */
    public record RegionSnapshot(
            String code,
            String name,
            String nativeName,
            RegionType type,
            String country,
            String capital,
            String signingAuthority,
            String contactEmail,
            boolean active,
            Map<String, Object> keys,
            long version) {

        public static RegionSnapshot of(Region region) {
            RegionDetails d = region.details();
            return new RegionSnapshot(region.code().value(), d.name(), d.nativeName(), d.type(), region.country(),
                    d.capital(), d.signingAuthority(), d.contactEmail(), region.active(), region.keys().keys().toJson(),
                    region.version());
        }
    }
}
