package org.concord.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The table printed once everything is healthy: where each service and the gateway listen, the console's link, and
 * where everything lives.
 */
final class Summary {

    /** One service instance's line, or the gateway's. */
    record Row(StackLayout.ServiceInstance service, String health) {
    }

    private Summary() {
    }

    /** @param adminToken a development admin token: the console's link carries it in its fragment, never sent to a server */
    static List<String> render(List<Row> rows, StackLayout layout, String adminToken, String database, List<TopicSpec> topics,
            Path dataDirectory, Duration stack, Optional<Duration> sinceCommand) {
        List<List<String>> table = new ArrayList<>();
        table.add(List.of("SERVICE", "URL", "OPENAPI", "SWAGGER UI", "HEALTH"));
        for (Row row : rows) {
            StackLayout.ServiceInstance service = row.service();
            // the gateway has no API of its own: its API page lists the services' documents
            String openApi = service.service().equals(ServiceSpec.GATEWAY) ? "-" : service.openApiUrl().toString();
            table.add(List.of(service.name(), service.url().toString(), openApi, service.swaggerUiUrl().toString(), row.health()));
        }
        List<String> lines = new ArrayList<>();
        lines.add("");
        for (List<String> cells : table) {
            lines.add(("  " + pad(cells, widths(table))).stripTrailing());
        }
        lines.add("");
        StackLayout.ServiceInstance gateway = layout.gateway();
        lines.add("  console         " + gateway.url().resolve("/#token=" + adminToken) + "   (signed in as admin for 12 h)");
        lines.add("  API page        " + gateway.swaggerUiUrl() + "   (the three services' OpenAPI documents)");
        String topicList = topics.stream().map(topic -> topic.name() + " (" + topic.describe() + ")").collect(Collectors.joining(", "));
        String cluster = layout.brokers() == 1 ? "KRaft, single node"
                : "KRaft, " + layout.brokers() + " nodes, replication factor " + layout.replicationFactor()
                        + ", min.insync.replicas " + layout.minInsyncReplicas();
        lines.add("  kafka           " + layout.bootstrapServers() + " (" + cluster + "); topics " + topicList
                + " and " + TopicSpec.DEAD_LETTERS.size() + " dead-letter topics");
        lines.add("  databases       " + database);
        lines.add("  metrics         " + rows.stream().map(row -> row.service().metricsUrl().toString())
                .collect(Collectors.joining(" ")) + " (Prometheus text, with an admin token: curl -H \"Authorization: Bearer"
                + " $(./concord token admin)\" <url>; the meters: docs/observability.md)");
        lines.add("  traces, logs    trace and span ids in every log line; spans exported when CONCORD_OTLP_TRACES_ENDPOINT is set;"
                + " dead letters: ./concord dead-letters");
        lines.add("  data directory  " + dataDirectory + "   logs: " + dataDirectory.resolve("logs"));
        lines.add("");
        lines.add("  all healthy in " + seconds(sinceCommand.orElse(stack))
                + sinceCommand.map(total -> " since ./concord up (build " + seconds(total.minus(stack)) + ", start " + seconds(stack) + ")").orElse("")
                + ". Ctrl-C stops everything.");
        lines.add("  A service or broker that stops is started again. From another terminal: ./concord status, "
                + "./concord logs <service>, ./concord restart <service>, ./concord stop.");
        lines.add("");
        return lines;
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", Math.max(0, duration.toMillis()) / 1000.0);
    }

    private static int[] widths(List<List<String>> table) {
        int[] widths = new int[table.get(0).size()];
        for (List<String> row : table) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        return widths;
    }

    private static String pad(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            line.append(String.format("%-" + (widths[i] + 3) + "s", cells.get(i)));
        }
        return line.toString();
    }
}
