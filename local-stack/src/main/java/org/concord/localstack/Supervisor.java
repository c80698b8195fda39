package org.concord.localstack;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * Owns everything the launcher started and stops it all, once, in order: the services first (SIGTERM, up
 * to {@link #GRACE} to finish, then SIGKILL; their child processes too), then the broker. Called by the
 * shutdown hook (Ctrl-C) and by the launcher itself when something fails, whichever comes first.
 */
final class Supervisor {

    static final Duration GRACE = Duration.ofSeconds(20);
    static final Duration BROKER_GRACE = Duration.ofSeconds(30);

    private final String farewell;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final List<ServiceProcess> services = new ArrayList<>();
    private KafkaBroker broker;
    private boolean stopped;

    /** @param farewell the last line printed once everything stopped */
    Supervisor(String farewell) {
        this.farewell = farewell;
    }

    /** Takes charge of a started service; if everything is already stopping, stops it at once. */
    void add(ServiceProcess service) {
        synchronized (services) {
            if (!stopping.get()) {
                services.add(service);
                return;
            }
        }
        service.process().destroyForcibly();
    }

    synchronized void broker(KafkaBroker broker) {
        this.broker = broker;
    }

    List<ServiceProcess> services() {
        synchronized (services) {
            return List.copyOf(services);
        }
    }

    boolean isStopping() {
        return stopping.get();
    }

    synchronized void stopAll() {
        if (stopped) {
            return;
        }
        stopping.set(true);
        boolean anything = !services().isEmpty() || broker != null;
        stopServices();
        stopBroker();
        stopped = true;
        if (anything) {
            Console.info(farewell);
        }
    }

    private void stopServices() {
        List<ServiceProcess> running = services().stream().filter(service -> service.process().isAlive()).toList();
        if (running.isEmpty()) {
            return;
        }
        Console.info("stopping " + running.stream().map(service -> service.spec().name()).collect(Collectors.joining(", ")) + " ...");
        // Children are found before their parent goes: afterwards they would no longer be its descendants.
        Map<ServiceProcess, List<ProcessHandle>> children = new HashMap<>();
        for (ServiceProcess service : running) {
            children.put(service, service.process().descendants().toList());
            // SIGTERM through the handle: Process.destroy() would also close the pipe, losing the shutdown log.
            service.process().toHandle().destroy();
            children.get(service).forEach(ProcessHandle::destroy);
        }
        Instant deadline = Instant.now().plus(GRACE);
        for (ServiceProcess service : running) {
            try {
                long left = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
                if (!service.process().waitFor(left, TimeUnit.MILLISECONDS)) {
                    Console.warn(service.spec().name() + " did not stop within " + GRACE.toSeconds() + " s: killing it");
                    service.process().destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                service.process().destroyForcibly();
            }
            children.get(service).stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
            service.awaitOutput();
        }
    }

    private void stopBroker() {
        KafkaBroker running;
        synchronized (this) {
            running = broker;
            broker = null;
        }
        if (running == null) {
            return;
        }
        Console.info("stopping the Kafka broker ...");
        Thread stopper = new Thread(running::close, "kafka-stop");
        stopper.setDaemon(true);
        stopper.start();
        try {
            stopper.join(BROKER_GRACE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (stopper.isAlive()) {
            Console.warn("the Kafka broker did not stop within " + BROKER_GRACE.toSeconds() + " s; leaving it to the JVM's exit");
        }
    }

    /** Last resort when the JVM must halt at once (Kafka asked for it): no service may outlive the launcher. */
    void killServicesNow() {
        stopping.set(true);
        for (ServiceProcess service : services()) {
            service.process().descendants().forEach(ProcessHandle::destroyForcibly);
            service.process().destroyForcibly();
        }
    }
}
