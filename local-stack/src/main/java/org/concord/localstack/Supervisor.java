package org.concord.localstack;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * Owns every process the launcher started. Once the stack is up it keeps it up, as compose's restart policy does:
 * a process that stops on its own is started again after a back-off (1 s, doubling to 30 s; back to 1 s once it had
 * been ready for ten seconds, as Docker does), while the others keep running; one stopped by {@code ./concord restart} is started
 * again at once. {@link #stopAll()} stops everything, once, in order: the services (SIGTERM, up to {@link #GRACE} to
 * finish, then SIGKILL), then the Kafka nodes.
 */
final class Supervisor {

    static final Duration GRACE = Duration.ofSeconds(20);
    static final Duration BROKER_GRACE = Duration.ofSeconds(30);
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    static final Duration STABLE = Duration.ofSeconds(10);
    static final Duration READINESS_POLL = Duration.ofMillis(300);

    private final String farewell;
    private final RunDirectory run;
    private final LogFollower logs;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final List<ChildProcess> kafka = new ArrayList<>();
    private final List<ChildProcess> services = new ArrayList<>();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "supervisor");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean restarting;
    private boolean stopped;

    /** @param farewell the last line printed once everything stopped */
    Supervisor(String farewell, RunDirectory run, LogFollower logs) {
        this.farewell = farewell;
        this.run = run;
        this.logs = logs;
    }

    /** Starts a Kafka node or a service and takes charge of it. */
    void start(ChildProcess child, boolean isKafka) {
        synchronized (this) {
            if (stopping.get()) {
                return;
            }
            (isKafka ? kafka : services).add(child);
        }
        logs.follow(child.name(), child.tag(), child.colour(), child.logFile());
        launch(child);
    }

    /** From now on a process that stops is started again; until now (startup) a stop fails the launch. */
    void keepRunning() {
        restarting = true;
    }

    synchronized List<ChildProcess> services() {
        return List.copyOf(services);
    }

    synchronized List<ChildProcess> kafkaNodes() {
        return List.copyOf(kafka);
    }

    boolean isStopping() {
        return stopping.get();
    }

    /** Last words of a process, read from its log up to now. */
    List<String> lastWords(ChildProcess child) {
        return logs.drain(child.name());
    }

    private void launch(ChildProcess child) {
        logs.newRun(child.name());
        child.start();
        run.writeProcess(child.state(RunDirectory.ProcessState.STARTING, null));
        child.process().onExit().thenRun(() -> exited(child));
    }

    private void exited(ChildProcess child) {
        if (stopping.get() || !restarting) {
            return;
        }
        List<String> lastWords = lastWords(child);
        int exit = child.process().exitValue();
        String why = "exit code " + exit + ": " + ChildProcess.why(exit, lastWords);
        boolean asked = run.takeRestartRequest(child.name());
        Duration delay = asked ? Duration.ZERO : child.nextBackoff(Instant.now());
        child.countRestart();
        run.writeProcess(child.state(RunDirectory.ProcessState.RESTARTING, asked ? "restarted by ./concord restart" : why));
        if (asked) {
            Console.info(child.name() + " stopped for ./concord restart; starting it again");
        } else {
            Console.warn(child.name() + " stopped unexpectedly (" + why + "); starting it again in "
                    + Summary.seconds(delay) + " (restart " + child.restarts() + "; log: " + child.logFile() + ")");
        }
        Instant stoppedAt = Instant.now();
        scheduler.schedule(() -> restart(child, stoppedAt), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void restart(ChildProcess child, Instant stoppedAt) {
        if (stopping.get()) {
            return;
        }
        try {
            launch(child);
        } catch (LaunchException e) {
            Console.error(e.getMessage() + "; trying again in " + Summary.seconds(MAX_BACKOFF));
            scheduler.schedule(() -> restart(child, stoppedAt), MAX_BACKOFF.toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        Process started = child.process();
        scheduler.execute(() -> awaitReady(child, started, stoppedAt));
    }

    /** Reports the restarted process healthy once it is (or gives up when it stops again: exited() takes over). */
    private void awaitReady(ChildProcess child, Process started, Instant stoppedAt) {
        try {
            while (!stopping.get() && started.isAlive()) {
                if (child.readiness().up()) {
                    Instant now = Instant.now();
                    child.healthy(now);
                    run.writeProcess(child.state(RunDirectory.ProcessState.UP, null));
                    Console.info(child.name() + " is back (pid " + started.pid() + "), ready "
                            + Summary.seconds(Duration.between(stoppedAt, now)) + " after it stopped");
                    return;
                }
                Thread.sleep(READINESS_POLL.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Marks a process healthy during the first start of the stack. */
    void healthy(ChildProcess child) {
        child.healthy(Instant.now());
        run.writeProcess(child.state(RunDirectory.ProcessState.UP, null));
    }

    /** The delay before the next start after {@code quickStops} stops in a row without ten seconds of good health. */
    static Duration backoff(int quickStops) {
        Duration delay = FIRST_BACKOFF.multipliedBy(1L << Math.min(quickStops, 5));
        return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
    }

    synchronized void stopAll() {
        if (stopped) {
            return;
        }
        stopping.set(true);
        scheduler.shutdownNow();
        boolean anything = !services.isEmpty() || !kafka.isEmpty();
        stop(services, GRACE, "");
        stop(kafka, BROKER_GRACE, "Kafka: ");
        stopped = true;
        logs.stop();
        if (anything) {
            Console.info(farewell);
        }
    }

    private void stop(List<ChildProcess> children, Duration grace, String what) {
        List<ChildProcess> running = children.stream()
                .filter(child -> child.process() != null && child.process().isAlive()).toList();
        if (running.isEmpty()) {
            return;
        }
        Console.info("stopping " + what + running.stream().map(ChildProcess::name).collect(Collectors.joining(", ")) + " ...");
        running.forEach(ChildProcess::terminate);
        for (ChildProcess child : running) {
            // and SIGCONT: a frozen process (SIGSTOP) acts on the SIGTERM only once it runs again
            ProcessSignals.send("CONT", child.process().pid());
        }
        Instant deadline = Instant.now().plus(grace);
        for (ChildProcess child : running) {
            Duration left = Duration.between(Instant.now(), deadline);
            if (!child.awaitExit(left.isNegative() ? Duration.ZERO : left)) {
                Console.warn(child.name() + " did not stop within " + grace.toSeconds() + " s: killed it");
            }
            run.writeProcess(child.state(RunDirectory.ProcessState.STOPPED, null));
        }
    }
}
