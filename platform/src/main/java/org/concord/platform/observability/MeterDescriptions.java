package org.concord.platform.observability;

import java.util.Map;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;

/**
 * Gives the meters that observations make (they come without one) a description, so every metric of the scrape has
 * its {@code # HELP} line and the scrape passes {@code promtool check metrics}.
 */
public final class MeterDescriptions implements MeterFilter {

    private static final Map<String, String> KNOWN = Map.of(
            "http.server.requests", "HTTP requests the service answered, by method, route and status",
            "http.server.requests.active", "HTTP requests the service is answering now",
            "spring.cloud.function", "Consumer effects run (one per record and attempt)",
            "spring.cloud.function.active", "Consumer effects running now",
            "spring.kafka.listener", "Kafka records handled by a consumer",
            "spring.kafka.listener.active", "Kafka records being handled by a consumer");

    @Override
    public Meter.Id map(Meter.Id id) {
        if (id.getDescription() != null && !id.getDescription().isBlank()) {
            return id;
        }
        String description = KNOWN.getOrDefault(id.getName(), "Observation " + id.getName());
        return new Meter.Id(id.getName(), io.micrometer.core.instrument.Tags.of(id.getTags()), id.getBaseUnit(),
                description, id.getType());
    }
}
