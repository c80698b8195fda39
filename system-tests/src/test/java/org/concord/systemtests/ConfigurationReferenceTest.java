package org.concord.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** docs/configuration.md lists exactly what the services and docker compose read, no more and no less. */
class ConfigurationReferenceTest {

    static final List<String> SERVICES = ServiceSettings.SERVICES;

    private final ConfigurationReference reference = ConfigurationReference.read();

    @ParameterizedTest
    @FieldSource("SERVICES")
    void documents_exactly_the_environment_variables_the_service_reads(String service) {
        Set<String> documented = new TreeSet<>(reference.everyService());
        documented.addAll(reference.serviceOnly(service));
        Set<String> read = ServiceSettings.of(service).environmentVariables();

        assertThat(difference(read, documented)).as(service + " reads, but " + ConfigurationReference.FILE + " does not document").isEmpty();
        assertThat(difference(documented, read)).as(ConfigurationReference.FILE + " documents for " + service + ", but it does not read").isEmpty();
    }

    @Test
    void variables_documented_for_every_service_are_read_by_every_service() {
        for (String service : SERVICES) {
            assertThat(ServiceSettings.of(service).environmentVariables()).as(service).containsAll(reference.everyService());
        }
        // the platform defaults' variables are read by every service, so they belong in the shared table
        assertThat(reference.everyService()).containsAll(ServiceSettings.of(SERVICES.get(0)).platformEnvironmentVariables());
    }

    @Test
    void documents_every_dotenv_setting_with_the_default_dotenv_gives_it() {
        assertThat(reference.composeSettings()).containsExactlyInAnyOrderEntriesOf(DotEnv.read());
    }

    @Test
    void has_no_variable_rows_outside_the_sections_the_checks_know() {
        assertThat(reference.unknownPlaces(SERVICES)).isEmpty();
    }

    @Test
    void a_variable_left_out_of_the_reference_is_noticed() {
        ConfigurationReference partial = ConfigurationReference.parse("""
                ## Environment variables of the services
                ### Every service
                | variable | default | what it does |
                |---|---|---|
                | `PORT` | 8081 | HTTP port |
                ## Compose settings (.env)
                | `CONCORD_KAFKA_VERSION` | `4.1.2` | image tag |
                """);

        assertThat(difference(Set.of("PORT", "CONCORD_KAFKA_BOOTSTRAP_SERVERS"), partial.everyService()))
                .containsExactly("CONCORD_KAFKA_BOOTSTRAP_SERVERS");
        assertThat(partial.composeSettings()).containsExactly(Map.entry("CONCORD_KAFKA_VERSION", "4.1.2"));
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> difference = new TreeSet<>(a);
        difference.removeAll(b);
        return difference;
    }
}
