package org.concord.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class SummaryTest {

    @Test
    void the_summary_lists_each_service_with_its_urls_then_the_broker_the_data_and_the_time() {
        List<Summary.Row> rows = new StackLayout(1, 1, 0).services().stream()
                .map(service -> new Summary.Row(service, "UP after 9.0 s")).toList();

        List<String> lines = Summary.render(rows, new StackLayout(1, 1, 0), "t0ken", "H2 files", TopicSpec.DESIGN, Path.of("/repo/.data"),
                Duration.ofMillis(24_100), Optional.of(Duration.ofMillis(38_250)));

        assertThat(lines).anySatisfy(line -> assertThat(line)
                .contains("regions-service", "http://localhost:8081 ", "http://localhost:8081/v3/api-docs",
                        "http://localhost:8081/swagger-ui.html", "UP after 9.0 s"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("notifications-service", "http://localhost:8083/v3/api-docs"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("localhost:9092 (KRaft, single node)", "regions.v1 (compacted)"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("./concord status", "./concord restart <service>"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("/repo/.data"));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("  metrics ").contains(
                "http://localhost:8081/actuator/prometheus", "http://localhost:8082/actuator/prometheus",
                "http://localhost:8083/actuator/prometheus", "./concord token admin", "docs/observability.md"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("./concord dead-letters"));
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .contains("all healthy in 38.3 s since ./concord up (build 14.2 s, start 24.1 s)"));
    }

    @Test
    void the_gateway_has_its_row_and_the_console_link_carries_an_admin_token_in_its_fragment_only() {
        StackLayout layout = new StackLayout(1, 1, 2000);
        List<Summary.Row> rows = List.of(new Summary.Row(layout.services().get(0), "UP"), new Summary.Row(layout.gateway(), "UP after 4.2 s"));

        List<String> lines = Summary.render(rows, layout, "eyJ.admin.sig", "H2 files", TopicSpec.DESIGN, Path.of("/d"),
                Duration.ZERO, Optional.empty());

        assertThat(lines).anySatisfy(line -> assertThat(line)
                .startsWith("  gateway ").contains("http://localhost:10080 ", "http://localhost:10080/swagger-ui.html", "UP after 4.2 s")
                .doesNotContain("api-docs"));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("  console ")
                .contains(" http://localhost:10080/#token=eyJ.admin.sig ").doesNotContain("?"));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("  API page ").contains(" http://localhost:10080/swagger-ui.html "));
    }

    @Test
    void columns_line_up() {
        StackLayout layout = new StackLayout(1, 1, 0);
        List<Summary.Row> rows = java.util.stream.Stream.concat(layout.services().stream(), java.util.stream.Stream.of(layout.gateway()))
                .map(service -> new Summary.Row(service, "UP")).toList();

        List<String> lines = Summary.render(rows, layout, "t0ken", "H2 files", TopicSpec.DESIGN, Path.of("/d"),
                Duration.ZERO, Optional.empty());

        List<Integer> openApiColumns = lines.stream().filter(line -> line.contains("/v3/api-docs")).map(line -> line.indexOf("http://", line.indexOf("http://") + 1)).toList();
        assertThat(openApiColumns).hasSize(3).containsOnly(openApiColumns.get(0));
        assertThat(lines).filteredOn(line -> line.startsWith("  gateway ")).singleElement()
                .satisfies(line -> assertThat(line.indexOf("-")).isEqualTo(openApiColumns.get(0)));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("all healthy in 0.0 s. Ctrl-C stops everything."));
    }

    @Test
    void a_cluster_and_second_instances_are_shown_as_such() {
        StackLayout layout = new StackLayout(3, 2, 0);
        List<Summary.Row> rows = layout.services().stream().map(service -> new Summary.Row(service, "UP")).toList();

        List<String> lines = Summary.render(rows, layout, "t0ken", "H2 files", TopicSpec.DESIGN, Path.of("/d"), Duration.ZERO, Optional.empty());

        assertThat(lines).anySatisfy(line -> assertThat(line).contains("agreements-service-2", "http://localhost:8092"));
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .contains("localhost:9092,localhost:9094,localhost:9096 (KRaft, 3 nodes, replication factor 3, min.insync.replicas 2)"));
    }
}
