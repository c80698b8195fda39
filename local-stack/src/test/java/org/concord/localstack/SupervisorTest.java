package org.concord.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real processes (a shell loop that logs), killed for real: the supervisor starts them again. */
class SupervisorTest {

    @TempDir
    Path data;

    private Supervisor supervisor;

    @AfterEach
    void stop() {
        if (supervisor != null) {
            supervisor.stopAll();
        }
    }

    private ChildProcess looping(String name) {
        List<String> command = List.of("bash", "-c", "trap 'echo bye; exit 0' TERM; echo hello from $$; while true; do sleep 0.2; done");
        return new ChildProcess(name, name, Console.Colour.NONE, command, Map.of(), data, data.resolve("logs").resolve(name + ".log"),
                URI.create("test://" + name), () -> new Health.Status(true, "UP"));
    }

    @Test
    void a_killed_process_is_started_again_while_the_others_keep_running() throws Exception {
        RunDirectory run = new RunDirectory(data);
        run.create();
        supervisor = new Supervisor("stopped", run, new LogFollower());
        ChildProcess victim = looping("victim");
        ChildProcess bystander = looping("bystander");
        supervisor.start(victim, false);
        supervisor.start(bystander, false);
        supervisor.healthy(victim);
        supervisor.keepRunning();
        long first = victim.process().pid();
        long other = bystander.process().pid();
        // killed once it has written its first line (on a busy machine bash may not have got that far yet)
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(Files.readString(data.resolve("logs/victim.log"))).contains("hello from " + first));

        assertThat(ProcessSignals.send("KILL", first)).isTrue();

        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() ->
                run.process("victim").map(state -> state.pid() != first && state.state().equals(RunDirectory.ProcessState.UP)).orElse(false));
        assertThat(victim.process().isAlive()).isTrue();
        assertThat(victim.restarts()).isEqualTo(1);
        assertThat(run.process("victim").orElseThrow().lastExit()).contains("exit code 137: killed by SIGKILL");
        assertThat(bystander.process().pid()).isEqualTo(other);
        assertThat(bystander.process().isAlive()).isTrue();
        // the restarted process may be up before its first line reaches the log
        Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(Files.readString(data.resolve("logs/victim.log"))).containsPattern("(?s)hello from " + first
                        + ".*hello from " + victim.process().pid()));
    }

    @Test
    void a_restart_asked_for_is_immediate_and_stop_all_ends_every_process_even_a_frozen_one() {
        RunDirectory run = new RunDirectory(data);
        run.create();
        supervisor = new Supervisor("stopped", run, new LogFollower());
        ChildProcess child = looping("child");
        supervisor.start(child, false);
        supervisor.keepRunning();
        long first = child.process().pid();

        run.requestRestart("child");
        ProcessSignals.send("TERM", first);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> child.process().pid() != first && child.process().isAlive());
        Process second = child.process();
        ProcessSignals.send("STOP", second.pid());

        supervisor.stopAll();

        assertThat(second.isAlive()).isFalse();
        assertThat(run.process("child").orElseThrow().state()).isEqualTo(RunDirectory.ProcessState.STOPPED);
    }

    @Test
    void the_back_off_doubles_from_one_second_to_thirty() {
        assertThat(List.of(0, 1, 2, 3, 4, 5, 6, 10).stream().map(Supervisor::backoff).map(Duration::toSeconds).toList())
                .containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
    }
}
