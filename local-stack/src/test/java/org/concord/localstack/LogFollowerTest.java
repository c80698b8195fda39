package org.concord.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFollowerTest {

    @Test
    void the_last_words_of_a_run_are_read_from_the_file_and_forgotten_when_the_next_run_begins(@TempDir Path logs) throws Exception {
        Path file = logs.resolve("regions-service.log");
        Files.writeString(file, "an earlier run's output\n");
        LogFollower follower = new LogFollower();
        try {
            follower.follow("regions-service", "regions", Console.Colour.GREEN, file);
            Files.writeString(file, "2026-11-29T05:32:13.195Z ERROR [main] org.concord.X : disk full\nunfinished",
                    StandardOpenOption.APPEND);

            assertThat(follower.drain("regions-service"))
                    .containsExactly("2026-11-29T05:32:13.195Z ERROR [main] org.concord.X : disk full");

            Files.writeString(file, " line\n", StandardOpenOption.APPEND);
            assertThat(follower.drain("regions-service")).endsWith("unfinished line");

            follower.newRun("regions-service");
            assertThat(follower.drain("regions-service")).isEmpty();
        } finally {
            follower.stop();
        }
    }
}
