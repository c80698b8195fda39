package org.concord.platform.config;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.concord.platform.startup.StartupCheckFailed;
import org.springframework.core.env.Environment;

/**
 * The operator's observability switches, turned into Boot's settings before logging starts:
 * {@code concord.observability.log-format} ({@code CONCORD_LOG_FORMAT}) {@code text} or {@code json} (Boot's
 * structured logging, Elastic Common Schema), and {@code concord.observability.otlp-traces-endpoint}
 * ({@code CONCORD_OTLP_TRACES_ENDPOINT}): spans are exported over OTLP only when it is set.
 */
final class ObservabilitySwitches {

    static final String LOG_FORMAT = "concord.observability.log-format";
    static final String OTLP_ENDPOINT = "concord.observability.otlp-traces-endpoint";

    private ObservabilitySwitches() {
    }

    static Map<String, Object> properties(Environment environment) {
        Map<String, Object> properties = new LinkedHashMap<>();
        String format = environment.getProperty(LOG_FORMAT, "text").strip().toLowerCase(Locale.ROOT);
        switch (format) {
            case "json" -> properties.put("logging.structured.format.console", "ecs");
            case "text", "" -> { }
            default -> throw new StartupCheckFailed("CONCORD_LOG_FORMAT is '" + format + "'",
                    "Set it to text (readable lines) or json (one JSON object per line), or leave it unset.");
        }
        String endpoint = environment.getProperty(OTLP_ENDPOINT, "").strip();
        if (!endpoint.isEmpty()) {
            properties.put("management.opentelemetry.tracing.export.otlp.endpoint", endpoint);
        }
        return properties;
    }
}
