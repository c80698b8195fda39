package org.concord.notifications.region.messaging;

import org.concord.notifications.region.domain.KnownRegion;
import org.concord.notifications.region.persistence.KnownRegions;
import org.concord.platform.messaging.EventConsumer;
import org.concord.platform.messaging.EventConsumers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Consumes regions.v1 from the beginning (binding {@code regionEvents-in-0}) into the local replica of region
 * names, signing authorities and contacts; the last version of a region wins.
 */
@Configuration(proxyBeanMethods = false)
public class KnownRegionsConsumer {

    /** This service's view of a region snapshot; one without code, name and version is poison. */
    record RegionSnapshotData(String code, String name, String signingAuthority, String contactEmail, Boolean active,
            Long version) {

        RegionSnapshotData {
            if (code == null || name == null || version == null) {
                throw new IllegalArgumentException("no region snapshot with code, name and version");
            }
        }

        KnownRegion toRegion() {
            return new KnownRegion(code, name, signingAuthority, contactEmail, !Boolean.FALSE.equals(active), version);
        }
    }

    @Bean
    EventConsumer regionEvents(EventConsumers consumers, KnownRegions regions) {
        return consumers.function("regionEvents")
                .on("concord.region.*", RegionSnapshotData.class, (event, data) -> regions.remember(data.toRegion()))
                .build();
    }
}
