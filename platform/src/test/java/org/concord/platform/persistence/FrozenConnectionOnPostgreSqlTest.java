package org.concord.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.concord.platform.PlatformTest;
import org.concord.testsupport.ConcordIntegrationTest;
import org.concord.testsupport.db.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * A use case that gives up on a PostgreSQL connection whose server process stopped answering (frozen with SIGSTOP, as
 * a stuck backend or a network that drops everything would leave it) does not leave that connection in the pool for
 * the next use cases to wait on.
 */
@PlatformTest
@ConcordIntegrationTest(database = TestDatabase.POSTGRESQL)
class FrozenConnectionOnPostgreSqlTest {

    private static final Duration GIVEN_UP_AFTER = Duration.ofSeconds(3);

    @Autowired
    DatabaseClient db;

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void a_connection_given_up_on_while_its_server_process_does_not_answer_is_not_handed_out_again(CapturedOutput output) {
        long anyBackend = db.sql("SELECT pg_backend_pid() AS pid").map(row -> ((Number) row.get("pid")).longValue())
                .one().block();
        assumeTrue(ProcessHandle.of(anyBackend).isPresent(),
                "the PostgreSQL server runs on another machine: its processes cannot be frozen from here");
        long poolSize = db.sql("SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database()")
                .map(row -> ((Number) row.get("n")).longValue()).one().block();
        AtomicLong frozen = new AtomicLong();
        try {
            Mono<Integer> givenUp = db.inConnection(connection -> Mono.from(connection
                            .createStatement("SELECT pg_backend_pid()").execute())
                    .flatMap(result -> Mono.from(result.map((row, meta) -> ((Number) row.get(0)).longValue())))
                    .doOnNext(pid -> {
                        signal("-STOP", pid);
                        frozen.set(pid);
                    })
                    .then(Mono.from(connection.createStatement("SELECT 1").execute())
                            .flatMap(result -> Mono.from(result.map((row, meta) -> row.get(0, Integer.class))))))
                    .timeout(GIVEN_UP_AFTER);
            assertThatThrownBy(givenUp::block).hasCauseInstanceOf(TimeoutException.class);
            await("the connection asked for an answer on its way back").atMost(Duration.ofSeconds(10))
                    .until(() -> output.getOut().contains("a database connection held for"));

            // one query more than the pool holds connections: whatever the order it hands them out in, one gets there
            for (int i = 0; i <= poolSize; i++) {
                Integer answer = db.sql("SELECT 1").map(row -> row.get(0, Integer.class)).one()
                        .block(Duration.ofSeconds(15));
                assertThat(answer).as("query " + (i + 1)).isEqualTo(1);
            }
        } finally {
            if (frozen.get() != 0) {
                signal("-CONT", frozen.get());
            }
        }
    }

    private static void signal(String signal, long pid) {
        try {
            Process kill = new ProcessBuilder("kill", signal, Long.toString(pid)).inheritIO().start();
            assertThat(kill.waitFor()).as("kill " + signal + " " + pid).isZero();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
