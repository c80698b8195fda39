package org.concord.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {

    @TempDir
    Path temp;

    @Test
    void a_new_data_directory_gets_a_place_for_the_broker_the_logs_each_service_and_a_marker() {
        DataDirectory data = DataDirectory.prepare(temp.resolve("data"), false, List.of("kafka"), List.of("regions-service"));

        assertThat(data.kafka("kafka")).isDirectory();
        assertThat(data.logs()).isDirectory();
        assertThat(temp.resolve("data/regions-service")).isDirectory();
        assertThat(temp.resolve("data").resolve(DataDirectory.MARKER)).isRegularFile();
        assertThat(data.logFile("kafka")).isEqualTo(temp.resolve("data/logs/kafka.log"));
    }

    @Test
    void a_second_start_keeps_what_is_there() throws IOException {
        DataDirectory.prepare(temp, false, List.of("kafka"), List.of("regions-service"));
        Files.writeString(temp.resolve("regions-service/db.mv.db"), "data");

        DataDirectory.prepare(temp, false, List.of("kafka"), List.of("regions-service"));

        assertThat(temp.resolve("regions-service/db.mv.db")).hasContent("data");
    }

    @Test
    void fresh_empties_a_directory_the_launcher_made() throws IOException {
        DataDirectory.prepare(temp.resolve("data"), false, List.of("kafka"), List.of("regions-service"));
        Files.writeString(temp.resolve("data/regions-service/db.mv.db"), "data");

        DataDirectory.prepare(temp.resolve("data"), true, List.of("kafka"), List.of("regions-service"));

        assertThat(temp.resolve("data/regions-service/db.mv.db")).doesNotExist();
        assertThat(temp.resolve("data/regions-service")).isDirectory();
        assertThat(temp.resolve("data").resolve(DataDirectory.MARKER)).isRegularFile();
    }

    @Test
    void fresh_refuses_to_empty_a_directory_it_did_not_make() throws IOException {
        Files.writeString(temp.resolve("thesis.tex"), "years of work");

        assertThatThrownBy(() -> DataDirectory.prepare(temp, true, List.of("kafka"), List.of()))
                .isInstanceOf(LaunchException.class)
                .hasMessageContaining("--fresh refuses to empty " + temp);
        assertThat(temp.resolve("thesis.tex")).exists();
    }

    @Test
    void a_data_directory_that_cannot_be_written_is_one_sentence_naming_the_fix() throws IOException {
        Path file = Files.writeString(temp.resolve("a-file"), "");

        assertThatThrownBy(() -> DataDirectory.prepare(file.resolve("data"), false, List.of("kafka"), List.of()))
                .isInstanceOfSatisfying(LaunchException.class, e -> assertThat(e.exitCode()).isEqualTo(LaunchException.USAGE))
                .hasMessageStartingWith("data directory " + file.resolve("data") + " is not writable (")
                .hasMessageEndingWith("set CONCORD_DATA_DIR to a directory you can write to");
    }

    @Test
    void the_data_of_one_kafka_broker_is_never_taken_for_a_clusters_nor_the_other_way_round() throws IOException {
        DataDirectory.prepare(temp, false, List.of("kafka"), List.of());
        Files.writeString(temp.resolve("kafka/meta.properties"), "cluster.id=x\n");

        assertThatThrownBy(() -> DataDirectory.prepare(temp, false, List.of("kafka-1", "kafka-2", "kafka-3"), List.of()))
                .isInstanceOfSatisfying(LaunchException.class, e -> assertThat(e.exitCode()).isEqualTo(LaunchException.USAGE))
                .hasMessageContaining("holds the data of a single Kafka broker (kafka/)")
                .hasMessageContaining("--fresh");
        DataDirectory.prepare(temp, false, List.of("kafka"), List.of());
    }
}
