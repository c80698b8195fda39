package org.concord.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * docker-compose.yml and its three-broker override, read the way an operator's typo would slip through: the
 * variables given to each service container against those the service reads, and the ${...} settings against
 * .env.
 */
class ComposeFilesTest {

    static final String BASE = "docker-compose.yml";
    static final String KAFKA_CLUSTER = "docker-compose.kafka-cluster.yml";

    /**
     * Without any of these a container would quietly run on a local-development default: H2 in memory, a broker
     * on localhost, no token checks.
     */
    static final Set<String> EVERY_CONTAINER_NEEDS = Set.of("PORT", "CONCORD_KAFKA_BOOTSTRAP_SERVERS",
            "CONCORD_DB_R2DBC_URL", "CONCORD_DB_JDBC_URL", "CONCORD_DB_USER", "CONCORD_DB_PASSWORD",
            "CONCORD_SECURITY_ENABLED");

    private final ComposeEnvironmentCheck check = ComposeEnvironmentCheck.ofRepository();

    @ParameterizedTest
    @ValueSource(strings = {BASE, KAFKA_CLUSTER})
    void every_variable_given_to_a_service_container_is_one_the_service_reads(String file) {
        assertThat(check.unreadVariables(ComposeFile.read(file))).isEmpty();
    }

    @Test
    void every_service_container_is_given_its_port_broker_database_and_token_checks() {
        assertThat(check.missingVariables(ComposeFile.read(BASE), EVERY_CONTAINER_NEEDS)).isEmpty();
    }

    @Test
    void every_service_is_built_from_the_service_dockerfile_with_its_own_name() {
        ComposeFile compose = ComposeFile.read(BASE);
        String dockerfile = "deploy/service/Dockerfile";
        assertThat(Files.isRegularFile(RepositoryRoot.resolve(dockerfile))).as(dockerfile + " exists").isTrue();
        for (String service : ServiceSettings.SERVICES) {
            assertThat(compose.dockerfile(service)).as(service + " build.dockerfile").contains(dockerfile);
            assertThat(compose.buildArgs(service)).as(service + " build.args").containsEntry("SERVICE", service);
            assertThat(Files.isDirectory(RepositoryRoot.resolve(service))).as(service + " is a module").isTrue();
        }
    }

    @Test
    void every_service_publishes_the_port_it_listens_on() {
        ComposeFile compose = ComposeFile.read(BASE);
        for (String service : ServiceSettings.SERVICES) {
            String port = compose.environment(service).get("PORT");
            assertThat(compose.containerPorts(service)).as(service + " published container ports").containsExactly(port);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {BASE, KAFKA_CLUSTER})
    void every_setting_a_compose_file_takes_is_defined_in_dotenv(String file) {
        Set<String> undefined = new TreeSet<>(ComposeFile.read(file).interpolatedVariables());
        undefined.removeAll(DotEnv.read().keySet());
        assertThat(undefined).as("variables " + file + " uses but .env does not define").isEmpty();
    }

    @Test
    void every_dotenv_setting_is_used_by_a_compose_file() {
        Set<String> unused = new TreeSet<>(DotEnv.read().keySet());
        List.of(BASE, KAFKA_CLUSTER).forEach(file -> unused.removeAll(ComposeFile.read(file).interpolatedVariables()));
        unused.removeIf(name -> name.startsWith("COMPOSE_")); // read by docker compose itself, e.g. COMPOSE_PROJECT_NAME
        assertThat(unused).as(".env settings no compose file uses").isEmpty();
    }

    @Test
    void the_kafka_cluster_override_points_every_service_at_all_three_brokers() {
        ComposeFile cluster = ComposeFile.read(KAFKA_CLUSTER);
        for (String service : ServiceSettings.SERVICES) {
            assertThat(cluster.environment(service))
                    .as(service + " in " + KAFKA_CLUSTER)
                    .containsEntry("CONCORD_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092,kafka-2:9092,kafka-3:9092");
        }
        assertThat(cluster.environment("topic-init"))
                .containsEntry("BOOTSTRAP_SERVERS", "kafka:9092,kafka-2:9092,kafka-3:9092")
                .containsKeys("TOPIC_REPLICATION_FACTOR", "TOPIC_MIN_INSYNC_REPLICAS");
        assertThat(DotEnv.read())
                .containsEntry("CONCORD_CLUSTER_REPLICATION_FACTOR", "3")
                .containsEntry("CONCORD_CLUSTER_MIN_INSYNC_REPLICAS", "2");
    }

    @Test
    void topic_init_is_given_only_variables_its_script_reads() {
        Set<String> reads = Scripts.environmentVariablesReadBy(TopicInitTest.SCRIPT);
        for (String file : List.of(BASE, KAFKA_CLUSTER)) {
            Map<String, String> given = ComposeFile.read(file).environment("topic-init");
            assertThat(reads).as("variables the topic-init script reads, against those " + file + " gives it")
                    .containsAll(given.keySet());
        }
    }
}
