package org.concord.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class ServiceSpecTest {

    private final ServiceSpec regions = ServiceSpec.ALL.get(0);
    private final Path data = Path.of("/tmp/concord data/../concord-data");

    @Test
    void the_three_services_listen_on_the_ports_of_DESIGN() {
        assertThat(ServiceSpec.ALL).extracting(ServiceSpec::name, ServiceSpec::port).containsExactly(
                tuple("regions-service", 8081),
                tuple("agreements-service", 8082),
                tuple("notifications-service", 8083));
    }

    @Test
    void the_r2dbc_url_has_four_slashes_before_the_absolute_database_path() {
        assertThat(regions.r2dbcUrl(data)).isEqualTo("r2dbc:h2:file:////tmp/concord-data/regions-service/db");
    }

    @Test
    void the_jdbc_url_names_the_same_file() {
        assertThat(regions.jdbcUrl(data)).isEqualTo("jdbc:h2:file:/tmp/concord-data/regions-service/db");
    }

    @Test
    void a_relative_data_directory_becomes_absolute_in_the_urls() {
        String expected = Path.of("").toAbsolutePath().resolve("rel/regions-service/db").toString();
        assertThat(regions.jdbcUrl(Path.of("rel"))).isEqualTo("jdbc:h2:file:" + expected);
        assertThat(regions.r2dbcUrl(Path.of("rel"))).isEqualTo("r2dbc:h2:file:///" + expected);
    }

    @Test
    void the_environment_carries_everything_a_service_reads() {
        assertThat(regions.environment(data, "localhost:9092"))
                .containsEntry("PORT", "8081")
                .containsEntry("CONCORD_KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
                .containsEntry("CONCORD_DB_R2DBC_URL", "r2dbc:h2:file:////tmp/concord-data/regions-service/db")
                .containsEntry("CONCORD_DB_JDBC_URL", "jdbc:h2:file:/tmp/concord-data/regions-service/db")
                .containsEntry("CONCORD_DB_USER", "sa")
                .containsEntry("CONCORD_DB_PASSWORD", "");
    }

    @Test
    void jars_and_urls_are_found_where_the_build_and_the_service_put_them() {
        assertThat(regions.jar(Path.of("/repo"))).isEqualTo(Path.of("/repo/regions-service/target/regions-service-exec.jar"));
        assertThat(regions.healthUrl()).hasToString("http://localhost:8081/actuator/health");
        assertThat(regions.openApiUrl()).hasToString("http://localhost:8081/v3/api-docs");
        assertThat(regions.swaggerUiUrl()).hasToString("http://localhost:8081/swagger-ui.html");
    }

    @Test
    void a_service_jvm_is_started_small_and_with_a_console_pattern_the_launcher_can_read() {
        assertThat(ServiceProcess.command(Path.of("/jdk/bin/java"), Path.of("/repo/x.jar")))
                .startsWith("/jdk/bin/java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m")
                .contains("-Dlogging.pattern.console=" + ServiceOutput.LOG_PATTERN)
                .endsWith("-jar", "/repo/x.jar");
    }

    @Test
    void a_service_killed_by_a_signal_is_explained_by_the_signal_not_by_its_last_log_line() {
        List<String> lastWords = List.of("2026-11-29T05:32:13.195Z  INFO [main] a.B : Cluster ID: xyz");

        assertThat(ServiceProcess.why(137, lastWords)).isEqualTo("killed by SIGKILL (out of memory, or someone killed it)");
        assertThat(ServiceProcess.why(1, lastWords)).isEqualTo("Cluster ID: xyz");
    }
}
