package org.concord.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.concord.platform.startup.StartupCheckFailed;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The operator's two observability switches become Boot's settings; a wrong log format stops the start, saying so. */
class ObservabilitySwitchesTest {

    @Test
    void json_turns_on_structured_logging_and_text_leaves_the_readable_lines() {
        assertThat(ObservabilitySwitches.properties(new MockEnvironment().withProperty(ObservabilitySwitches.LOG_FORMAT, "json")))
                .containsEntry("logging.structured.format.console", "ecs");
        assertThat(ObservabilitySwitches.properties(new MockEnvironment().withProperty(ObservabilitySwitches.LOG_FORMAT, "text")))
                .isEmpty();
    }

    @Test
    void an_unknown_log_format_stops_the_service_with_what_to_set() {
        assertThatThrownBy(() -> ObservabilitySwitches.properties(
                new MockEnvironment().withProperty(ObservabilitySwitches.LOG_FORMAT, "yaml")))
                .isInstanceOf(StartupCheckFailed.class).hasMessageContaining("CONCORD_LOG_FORMAT is 'yaml'");
    }

    @Test
    void spans_are_exported_only_when_an_endpoint_is_set() {
        assertThat(ObservabilitySwitches.properties(new MockEnvironment()
                .withProperty(ObservabilitySwitches.OTLP_ENDPOINT, "http://jaeger:4318/v1/traces")))
                .containsEntry("management.opentelemetry.tracing.export.otlp.endpoint", "http://jaeger:4318/v1/traces");
        assertThat(ObservabilitySwitches.properties(new MockEnvironment().withProperty(ObservabilitySwitches.OTLP_ENDPOINT, "")))
                .doesNotContainKey("management.opentelemetry.tracing.export.otlp.endpoint");
    }
}
