package org.concord.endtoend;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps the spans every service of the test system ends, in one in-memory exporter: each service's OpenTelemetry
 * SDK exports to it beside whatever else it exports to. Given to a service as a source of its application context
 * ({@link #settings()}), the same way for all three.
 */
@Configuration(proxyBeanMethods = false)
public class TracingCapture {

    private static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();

    /** The settings that give a service this exporter, and export its spans within 100 ms. */
    static Map<String, Object> settings() {
        return Map.of("spring.main.sources", TracingCapture.class.getName(),
                "management.opentelemetry.tracing.export.schedule-delay", "100ms");
    }

    /** Every span exported so far, by every service. */
    static List<SpanData> spans() {
        return SPANS.getFinishedSpanItems();
    }

    /** The shared exporter; a service stopping does not stop it for the others. */
    @Bean
    SpanExporter capturedSpans() {
        return new SpanExporter() {
            @Override
            public CompletableResultCode export(Collection<SpanData> spans) {
                return SPANS.export(spans);
            }

            @Override
            public CompletableResultCode flush() {
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode shutdown() {
                return CompletableResultCode.ofSuccess();
            }
        };
    }
}
