package org.concord.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The cross-check itself: it fails, naming the variable, when a compose file gives a service something it does not read. */
class ComposeEnvironmentCheckTest {

    private static final Set<String> AGREEMENTS_READS = Set.of("PORT", "CONCORD_KAFKA_BOOTSTRAP_SERVERS",
            "CONCORD_DB_R2DBC_URL", "CONCORD_DB_JDBC_URL", "CONCORD_DB_USER", "CONCORD_DB_PASSWORD");

    private final ComposeEnvironmentCheck check = new ComposeEnvironmentCheck(Map.of("agreements-service", AGREEMENTS_READS));

    @Test
    void a_misspelled_variable_is_reported_by_name_with_the_one_meant() {
        ComposeFile compose = ComposeFile.parse("snippet.yml", """
                services:
                  agreements-service:
                    environment:
                      PORT: "8082"
                      CONCORD_KAFKA_BOOTSTRAP_SERVER: kafka:9092
                """);

        List<String> problems = check.unreadVariables(compose);

        assertThat(problems).containsExactly("snippet.yml: agreements-service is given CONCORD_KAFKA_BOOTSTRAP_SERVER, "
                + "which agreements-service does not read (did you mean CONCORD_KAFKA_BOOTSTRAP_SERVERS?)");
    }

    @Test
    void the_list_form_of_environment_is_checked_too() {
        ComposeFile compose = ComposeFile.parse("snippet.yml", """
                services:
                  agreements-service:
                    environment:
                      - PORT=8082
                      - CONCORD_DB_URL=r2dbc:postgresql://postgres:5432/agreements
                """);

        assertThat(check.unreadVariables(compose)).singleElement().asString()
                .contains("agreements-service is given CONCORD_DB_URL,");
    }

    @Test
    void a_variable_like_no_other_is_reported_with_what_the_service_does_read() {
        ComposeFile compose = ComposeFile.parse("snippet.yml", """
                services:
                  agreements-service:
                    environment:
                      SPRING_PROFILES_ACTIVE: docker
                """);

        assertThat(check.unreadVariables(compose)).singleElement().asString()
                .contains("is given SPRING_PROFILES_ACTIVE, which agreements-service does not read (it reads ")
                .contains("CONCORD_DB_USER");
    }

    @Test
    void containers_that_are_not_concord_services_are_left_alone() {
        ComposeFile compose = ComposeFile.parse("snippet.yml", """
                services:
                  kafka:
                    environment:
                      KAFKA_NODE_ID: "1"
                  agreements-service:
                    environment:
                      PORT: "8082"
                """);

        assertThat(check.unreadVariables(compose)).isEmpty();
    }

    @Test
    void a_container_missing_its_database_settings_is_reported() {
        ComposeFile compose = ComposeFile.parse("snippet.yml", """
                services:
                  agreements-service:
                    environment:
                      PORT: "8082"
                      CONCORD_KAFKA_BOOTSTRAP_SERVERS: kafka:9092
                """);

        assertThat(check.missingVariables(compose, AGREEMENTS_READS))
                .hasSize(4)
                .contains("snippet.yml: agreements-service is not given CONCORD_DB_PASSWORD "
                        + "(without it the service falls back to its local-development default)");
    }

    @Test
    void the_real_services_settings_catch_the_misspelling_as_well() {
        ComposeFile compose = ComposeFile.parse("snippet.yml", """
                services:
                  notifications-service:
                    environment:
                      CONCORD_KAFKA_BOOTSTRAP_SERVER: kafka:9092
                """);

        assertThat(ComposeEnvironmentCheck.ofRepository().unreadVariables(compose)).singleElement().asString()
                .contains("notifications-service is given CONCORD_KAFKA_BOOTSTRAP_SERVER,")
                .contains("did you mean CONCORD_KAFKA_BOOTSTRAP_SERVERS?");
    }
}
