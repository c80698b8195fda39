package org.concord.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.concord.localstack.ServiceOutput.ConsoleLine;
import org.concord.localstack.ServiceOutput.Level;
import org.junit.jupiter.api.Test;

class ServiceOutputTest {

    private final ServiceOutput output = new ServiceOutput(".data/logs/regions-service.log");

    private static String entry(String level, String logger, String message) {
        return "2026-11-29T05:32:13.195Z " + String.format("%5s", level) + " [main] " + logger + " : " + message;
    }

    private List<String> shown(String... lines) {
        List<String> shown = new ArrayList<>();
        for (String line : lines) {
            output.accept(line).map(ConsoleLine::text).ifPresent(shown::add);
        }
        return shown;
    }

    @Test
    void the_terminal_shows_our_info_lines_and_everyones_warnings_but_not_framework_chatter() {
        assertThat(shown(
                entry("INFO", "org.concord.regions.RegionsApplication", "Started RegionsApplication in 4.0 seconds"),
                entry("INFO", "org.springframework.boot.reactor.netty.NettyWebServer", "Netty started on port 8081"),
                entry("DEBUG", "org.concord.regions.region.RegionService", "details"),
                entry("WARN", "org.flywaydb.core.internal.database.base.Database", "Using H2 2.4.240"),
                entry("ERROR", "org.apache.kafka.clients.NetworkClient", "Connection refused")))
                .containsExactly(
                        "Started RegionsApplication in 4.0 seconds",
                        "WARN  Database: Using H2 2.4.240",
                        "ERROR NetworkClient: Connection refused");
    }

    @Test
    void a_shown_entry_keeps_its_message_lines_but_its_stack_frames_are_cut_to_a_pointer_to_the_log() {
        assertThat(shown(
                entry("ERROR", "org.springframework.boot.SpringApplication", "Application run failed"),
                "java.lang.IllegalStateException: boom",
                "\tat org.example.A.b(A.java:1)",
                "\tat org.example.A.c(A.java:2)",
                "Caused by: java.io.IOException: disk full",
                "\t... 12 more"))
                .containsExactly(
                        "ERROR SpringApplication: Application run failed",
                        "java.lang.IllegalStateException: boom",
                        "    ... (the rest is in .data/logs/regions-service.log)",
                        "Caused by: java.io.IOException: disk full");
    }

    @Test
    void a_line_with_its_trace_and_span_ids_is_read_as_any_other() {
        assertThat(shown(
                "2026-11-29T05:32:13.195Z  INFO [reactor-http-epoll-4] [4bf92f3577b34da6a3ce929d0e0e4736,00f067aa0ba902b7] "
                        + "org.concord.agreements.agreement.application.AgreementService : agreement 7f3 signed by CN-YN (5 of 12)",
                "2026-11-29T05:32:13.196Z  INFO [main] [,] org.springframework.boot.SpringApplication : chatter"))
                .containsExactly("agreement 7f3 signed by CN-YN (5 of 12)");
    }

    @Test
    void continuation_lines_of_a_hidden_entry_stay_hidden() {
        assertThat(shown(
                entry("INFO", "org.apache.kafka.common.config.AbstractConfig", "AdminClientConfig values: "),
                "\tbootstrap.servers = [localhost:9092]",
                "\tclient.id = ")).isEmpty();
    }

    @Test
    void what_the_jvm_prints_before_logging_starts_is_shown() {
        Optional<ConsoleLine> line = output.accept("Error: Unable to access jarfile /repo/regions-service/target/regions-service.jar");

        assertThat(line).contains(new ConsoleLine(Level.OUTPUT,
                "Error: Unable to access jarfile /repo/regions-service/target/regions-service.jar"));
    }

    @Test
    void warnings_and_errors_are_coloured_by_their_level() {
        assertThat(output.accept(entry("WARN", "x.Y", "careful"))).map(ConsoleLine::level).contains(Level.WARN);
    }

    @Test
    void a_failed_start_is_explained_by_spring_boots_failure_analysis_when_there_is_one() {
        List<String> log = List.of(
                entry("INFO", "org.concord.regions.RegionsApplication", "Starting RegionsApplication"),
                entry("ERROR", "org.springframework.boot.diagnostics.LoggingFailureAnalysisReporter", ""),
                "",
                "***************************",
                "APPLICATION FAILED TO START",
                "***************************",
                "",
                "Description:",
                "",
                "Web server failed to start. Port 8081 was already in use.",
                "",
                "Action:",
                "",
                "Identify and stop the process that's using port 8081.");

        assertThat(ServiceOutput.lastMeaningfulLine(log)).isEqualTo("Web server failed to start. Port 8081 was already in use.");
    }

    @Test
    void an_error_our_own_startup_checks_logged_beats_the_stack_trace_after_it() {
        List<String> log = List.of(
                entry("ERROR", "org.concord.platform.startup.StartupChecks", "Kafka broker localhost:9092 unreachable: set CONCORD_KAFKA_BOOTSTRAP_SERVERS"),
                entry("ERROR", "org.springframework.boot.SpringApplication", "Application run failed"),
                "java.lang.IllegalStateException: Kafka unreachable",
                "\tat org.concord.platform.startup.StartupChecks.check(StartupChecks.java:10)");

        assertThat(ServiceOutput.lastMeaningfulLine(log))
                .isEqualTo("Kafka broker localhost:9092 unreachable: set CONCORD_KAFKA_BOOTSTRAP_SERVERS");
    }

    @Test
    void otherwise_the_root_cause_of_the_last_exception_without_its_package() {
        List<String> log = List.of(
                entry("ERROR", "org.springframework.boot.SpringApplication", "Application run failed"),
                "org.springframework.beans.factory.BeanCreationException: Error creating bean with name 'flyway'",
                "\tat org.springframework.beans.Foo.bar(Foo.java:1)",
                "Caused by: org.flywaydb.core.internal.exception.FlywaySqlException: Unable to obtain connection",
                "Caused by: org.h2.jdbc.JdbcSQLNonTransientConnectionException: Error while creating file \"/ro/regions-service\" [90062-240]",
                "\t... 40 more");

        assertThat(ServiceOutput.lastMeaningfulLine(log))
                .isEqualTo("JdbcSQLNonTransientConnectionException: Error while creating file \"/ro/regions-service\" [90062-240]");
    }

    @Test
    void without_errors_the_last_exception_line_or_the_last_line_will_do() {
        assertThat(ServiceOutput.lastMeaningfulLine(List.of(
                "Exception in thread \"main\" java.lang.OutOfMemoryError: Java heap space",
                "\tat java.base/java.util.Arrays.copyOf(Arrays.java:3512)")))
                .isEqualTo("OutOfMemoryError: Java heap space");
        assertThat(ServiceOutput.lastMeaningfulLine(List.of("Error: Unable to access jarfile x.jar", "")))
                .isEqualTo("Error: Unable to access jarfile x.jar");
        assertThat(ServiceOutput.lastMeaningfulLine(List.of(entry("INFO", "a.B", "last words"))))
                .isEqualTo("last words");
        assertThat(ServiceOutput.lastMeaningfulLine(List.of())).isEqualTo("(it printed nothing)");
    }
}
