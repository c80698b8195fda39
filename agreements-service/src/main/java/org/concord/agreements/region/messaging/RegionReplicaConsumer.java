package org.concord.agreements.region.messaging;

import java.util.Map;

import org.concord.agreements.region.domain.ReplicatedRegion;
import org.concord.evidence.EvidenceException;
import org.concord.evidence.JwkSet;
import org.concord.agreements.region.persistence.RegionReplica;
import org.concord.platform.messaging.EventConsumer;
import org.concord.platform.messaging.EventConsumers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Builds the local region replica from {@code regions.v1} (binding {@code regionEvents-in-0}, read from the
 * earliest offset on every start: the topic is compacted, so a fresh database gets the whole registry). Every
 * region event carries the full snapshot, so registered, updated and deactivated are handled alike.
 */
@Configuration(proxyBeanMethods = false)
public class RegionReplicaConsumer {

    private static final Logger log = LoggerFactory.getLogger(RegionReplicaConsumer.class);

    /**
     * What this service reads of a region snapshot; one without code, name, active flag or version is poison, and so
     * is one whose keys are not a JWK set of public ES256 and EdDSA keys. A snapshot without keys (published before
     * regions had any) is a region without keys.
     */
    record RegionSnapshotData(String code, String name, String signingAuthority, Boolean active, Long version,
            Map<String, Object> keys) {

        RegionSnapshotData {
            if (code == null || name == null || active == null || version == null) {
                throw new IllegalArgumentException("not a region snapshot (code, name, active, version)");
            }
        }

        ReplicatedRegion toRegion() {
            JwkSet signingKeys;
            try {
                signingKeys = keys == null ? JwkSet.of() : JwkSet.fromJson(keys, "the keys of region " + code);
            } catch (EvidenceException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
            return new ReplicatedRegion(code, name, signingAuthority, active, signingKeys, version);
        }
    }

    @Bean
    EventConsumer regionEvents(EventConsumers consumers, RegionReplica replica) {
        return consumers.function("regionEvents")
                .on("concord.region.*", RegionSnapshotData.class, (event, data) -> {
                    ReplicatedRegion region = data.toRegion();
                    return replica.upsert(region).doOnNext(changed -> {
                        if (changed) {
                            int keys = region.keys().keys().size();
                            log.info("region {} v{} replicated ({}, {}{})", region.code(), region.version(),
                                    event.type(), region.active() ? "active" : "deactivated",
                                    keys == 0 ? "" : ", " + keys + " signing key" + (keys == 1 ? "" : "s"));
                        }
                    });
                })
                .build();
    }
}
