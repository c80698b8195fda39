package org.concord.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class StackLayoutTest {

    private final Path data = Path.of("/tmp/concord data/../concord-data");

    @Test
    void by_default_one_broker_on_9092_and_the_three_services_on_the_ports_of_DESIGN() {
        StackLayout layout = new StackLayout(1, 1, 0);

        assertThat(layout.nodes()).extracting(StackLayout.KafkaNodeSpec::name, StackLayout.KafkaNodeSpec::port,
                StackLayout.KafkaNodeSpec::controllerPort).containsExactly(tuple("kafka", 9092, 9093));
        assertThat(layout.services()).extracting(StackLayout.ServiceInstance::name, StackLayout.ServiceInstance::port)
                .containsExactly(tuple("regions-service", 8081), tuple("agreements-service", 8082), tuple("notifications-service", 8083));
        assertThat(layout.bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(layout.replicationFactor()).isEqualTo(1);
        assertThat(layout.minInsyncReplicas()).isEqualTo(1);
    }

    @Test
    void a_cluster_has_three_nodes_two_ports_apart_three_replicas_and_two_in_sync() {
        StackLayout layout = new StackLayout(3, 1, 0);

        assertThat(layout.nodes()).extracting(StackLayout.KafkaNodeSpec::name, StackLayout.KafkaNodeSpec::port,
                        StackLayout.KafkaNodeSpec::controllerPort)
                .containsExactly(tuple("kafka-1", 9092, 9093), tuple("kafka-2", 9094, 9095), tuple("kafka-3", 9096, 9097));
        assertThat(layout.bootstrapServers()).isEqualTo("localhost:9092,localhost:9094,localhost:9096");
        assertThat(layout.replicationFactor()).isEqualTo(3);
        assertThat(layout.minInsyncReplicas()).isEqualTo(2);
    }

    @Test
    void second_instances_listen_ten_ports_further_and_the_offset_moves_everything() {
        StackLayout layout = new StackLayout(1, 2, 20000);

        assertThat(layout.services()).extracting(StackLayout.ServiceInstance::name, StackLayout.ServiceInstance::port)
                .containsExactly(tuple("regions-service", 28081), tuple("agreements-service", 28082),
                        tuple("notifications-service", 28083), tuple("regions-service-2", 28091),
                        tuple("agreements-service-2", 28092), tuple("notifications-service-2", 28093));
        assertThat(layout.bootstrapServers()).isEqualTo("localhost:29092");
        assertThat(layout.instancesOf("agreements-service")).extracting(StackLayout.ServiceInstance::port).containsExactly(28082, 28092);
        assertThat(layout.processNames()).startsWith("kafka", "regions-service").endsWith("notifications-service-2", "gateway");
        assertThat(StackLayout.highestPort(20000)).isEqualTo(29097);
    }

    @Test
    void urls_are_found_where_the_service_puts_them() {
        StackLayout.ServiceInstance regions = new StackLayout(1, 1, 0).services().get(0);

        assertThat(regions.service().jar(Path.of("/repo"))).isEqualTo(Path.of("/repo/regions-service/target/regions-service-exec.jar"));
        assertThat(regions.healthUrl()).hasToString("http://localhost:8081/actuator/health");
        assertThat(regions.openApiUrl()).hasToString("http://localhost:8081/v3/api-docs");
        assertThat(regions.swaggerUiUrl()).hasToString("http://localhost:8081/swagger-ui.html");
    }

    @Test
    void the_gateway_listens_on_8080_moved_by_the_offset_like_every_port() {
        StackLayout.ServiceInstance gateway = new StackLayout(1, 2, 20000).gateway();

        assertThat(gateway.name()).isEqualTo("gateway");
        assertThat(gateway.url()).hasToString("http://localhost:28080");
        assertThat(gateway.healthUrl()).hasToString("http://localhost:28080/actuator/health");
        assertThat(gateway.swaggerUiUrl()).hasToString("http://localhost:28080/swagger-ui.html");
        assertThat(gateway.service().jar(Path.of("/repo"))).isEqualTo(Path.of("/repo/gateway/target/gateway-exec.jar"));
        assertThat(new StackLayout(1, 2, 20000).service("gateway")).contains(gateway);
        assertThat(new StackLayout(1, 1, 0).gateway().port()).isEqualTo(8080);
    }

    @Test
    void every_h2_file_is_written_before_a_commit_returns_and_shared_between_instances_when_there_are_several() {
        ServiceSpec regions = ServiceSpec.ALL.get(0);
        Database one = new Database(Optional.empty(), "postgres", "", 1);
        Database two = new Database(Optional.empty(), "postgres", "", 2);

        assertThat(one.r2dbcUrl(regions, data)).isEqualTo("r2dbc:h2:file:////tmp/concord-data/regions-service/db;WRITE_DELAY=0;QUERY_CACHE_SIZE=64");
        assertThat(one.jdbcUrl(regions, data)).isEqualTo("jdbc:h2:file:/tmp/concord-data/regions-service/db;WRITE_DELAY=0;QUERY_CACHE_SIZE=64");
        assertThat(two.r2dbcUrl(regions, data)).endsWith("/regions-service/db;WRITE_DELAY=0;QUERY_CACHE_SIZE=64;AUTO_SERVER=TRUE");
        assertThat(two.jdbcUrl(regions, data)).endsWith("/regions-service/db;WRITE_DELAY=0;QUERY_CACHE_SIZE=64;AUTO_SERVER=TRUE");
        assertThat(one.user()).isEqualTo("sa");
    }

    @Test
    void a_relative_data_directory_becomes_absolute_in_the_urls() {
        String expected = Path.of("").toAbsolutePath().resolve("rel/regions-service/db").toString();
        Database h2 = new Database(Optional.empty(), "postgres", "", 1);

        assertThat(h2.jdbcUrl(ServiceSpec.ALL.get(0), Path.of("rel"))).isEqualTo("jdbc:h2:file:" + expected + ";WRITE_DELAY=0;QUERY_CACHE_SIZE=64");
    }

    @Test
    void with_postgres_each_service_gets_a_database_of_its_own_on_that_server() {
        Database postgres = new Database(Optional.of("127.0.0.1:54321"), "postgres", "secret", 1);

        assertThat(postgres.r2dbcUrl(ServiceSpec.named("agreements-service"), data))
                .isEqualTo("r2dbc:postgresql://127.0.0.1:54321/concord_agreements");
        assertThat(postgres.jdbcUrl(ServiceSpec.named("notifications-service"), data))
                .isEqualTo("jdbc:postgresql://127.0.0.1:54321/concord_notifications");
        assertThat(List.of(postgres.user(), postgres.password())).containsExactly("postgres", "secret");
    }

    @Test
    void the_environment_carries_everything_a_service_reads() {
        StackLayout.ServiceInstance second = new StackLayout(1, 2, 0).service("notifications-service-2").orElseThrow();
        Map<String, String> environment = LocalStack.environment(second, Path.of("/tmp/concord-data"),
                new Database(Optional.empty(), "postgres", "", 2), "localhost:9092");

        assertThat(environment)
                .containsEntry("PORT", "8093")
                .containsEntry("CONCORD_KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
                .containsEntry("CONCORD_DB_R2DBC_URL", "r2dbc:h2:file:////tmp/concord-data/notifications-service/db;WRITE_DELAY=0;QUERY_CACHE_SIZE=64;AUTO_SERVER=TRUE")
                .containsEntry("CONCORD_DB_JDBC_URL", "jdbc:h2:file:/tmp/concord-data/notifications-service/db;WRITE_DELAY=0;QUERY_CACHE_SIZE=64;AUTO_SERVER=TRUE")
                .containsEntry("CONCORD_DB_USER", "sa")
                .containsEntry("CONCORD_DB_PASSWORD", "")
                .containsEntry("CONCORD_WEBHOOKS_ALLOWED_HOSTS", "localhost,127.0.0.1")
                .doesNotContainKey("CONCORD_EVIDENCE_SIGNING_KEY");
    }

    @Test
    void agreements_service_signs_evidence_with_the_key_kept_in_the_data_directory() {
        StackLayout.ServiceInstance agreements = new StackLayout(1, 2, 0).service("agreements-service-2").orElseThrow();
        Map<String, String> environment = LocalStack.environment(agreements, Path.of("/tmp/concord-data"),
                new Database(Optional.empty(), "postgres", "", 2), "localhost:9092");

        assertThat(environment).containsEntry("CONCORD_EVIDENCE_SIGNING_KEY",
                "/tmp/concord-data/keys/evidence-signing-key.json");
    }

    @Test
    void the_gateway_sends_each_service_to_its_first_instance_and_verifies_tokens_as_the_services_do() {
        StackLayout layout = new StackLayout(1, 2, 20000);
        Path dataDirectory = Path.of("/tmp/concord-data");
        Map<String, String> service = LocalStack.environment(layout.services().get(0), dataDirectory,
                new Database(Optional.empty(), "postgres", "", 2), layout.bootstrapServers());

        Map<String, String> environment = LocalStack.gatewayEnvironment(layout, dataDirectory);

        assertThat(environment)
                .containsEntry("PORT", "28080")
                .containsEntry("CONCORD_GATEWAY_REGIONS_URL", "http://localhost:28081")
                .containsEntry("CONCORD_GATEWAY_AGREEMENTS_URL", "http://localhost:28082")
                .containsEntry("CONCORD_GATEWAY_NOTIFICATIONS_URL", "http://localhost:28083")
                .containsEntry("CONCORD_SECURITY_PUBLIC_KEY", "file:///tmp/concord-data/keys/public.pem")
                .doesNotContainKeys("CONCORD_KAFKA_BOOTSTRAP_SERVERS", "CONCORD_DB_R2DBC_URL");
        for (String setting : List.of("CONCORD_SECURITY_ISSUER", "CONCORD_SECURITY_AUDIENCE", "CONCORD_SECURITY_PUBLIC_KEY")) {
            assertThat(environment).containsEntry(setting, service.get(setting));
        }
    }

    @Test
    void a_process_is_started_small_with_a_console_pattern_the_launcher_can_read() {
        assertThat(ChildProcess.javaCommand(Path.of("/jdk/bin/java"), ChildProcess.SERVICE_JVM, Path.of("/repo/x.jar"), List.of()))
                .startsWith("/jdk/bin/java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m")
                .contains("-Dlogging.pattern.console=" + ServiceOutput.LOG_PATTERN)
                .endsWith("-jar", "/repo/x.jar");
    }

    @Test
    void a_process_killed_by_a_signal_is_explained_by_the_signal_not_by_its_last_log_line() {
        List<String> lastWords = List.of("2026-11-29T05:32:13.195Z  INFO [main] a.B : Cluster ID: xyz");

        assertThat(ChildProcess.why(137, lastWords)).isEqualTo("killed by SIGKILL (out of memory, or someone killed it)");
        assertThat(ChildProcess.why(1, lastWords)).isEqualTo("Cluster ID: xyz");
    }
}
