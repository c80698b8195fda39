package org.concord.localstack;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.utils.Exit;
import org.concord.localstack.demo.DemoException;
import org.concord.localstack.demo.NanningDemo;
import org.slf4j.LoggerFactory;

/**
 * {@code ./concord up}: a real single-node Kafka broker (KRaft) in this JVM, the topics DESIGN.md describes,
 * and the three services on H2 files under one data directory, until Ctrl-C stops it all. Run by the
 * {@code concord} script at the repository root, which builds the jars first.
 */
public final class LocalStack {

    static final int KAFKA_PORT = 9092;
    static final int CONTROLLER_PORT = 9093;
    static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(90);
    static final String LOGS_DIR_PROPERTY = "concord.logs.dir";

    private LocalStack() {
    }

    public static void main(String[] args) {
        int exitCode;
        try {
            exitCode = run(List.of(args));
        } catch (LaunchException e) {
            report(e);
            exitCode = e.exitCode();
        } catch (RuntimeException | Error e) {
            Console.error("the local stack failed unexpectedly: " + e);
            e.printStackTrace();
            exitCode = LaunchException.FAILED;
        }
        System.exit(exitCode);
    }

    static int run(List<String> args) {
        if (!args.isEmpty() && args.get(0).equals("up")) {
            return up(args.subList(1, args.size()));
        }
        if (args.isEmpty() || args.get(0).startsWith("--")) {
            return up(args);
        }
        if (args.get(0).equals("token")) {
            return token(args.subList(1, args.size()));
        }
        if (args.get(0).equals("bench")) {
            LaunchOptions options = LaunchOptions.parse(List.of(), System.getenv(), System.getProperties());
            return OutboxLatencyBenchmark.run(args.subList(1, args.size()), options.dataDirectory());
        }
        if (args.get(0).equals("demo")) {
            return demo(args.subList(1, args.size()));
        }
        throw new LaunchException("unknown command '" + args.get(0) + "' (see ./concord help)", LaunchException.USAGE);
    }

    private static int up(List<String> args) {
        Instant launched = Instant.now();
        LaunchOptions options = LaunchOptions.parse(args, System.getenv(), System.getProperties());
        Preflight.requireJars(options.home(), ServiceSpec.ALL);
        Preflight.requirePortFree(KAFKA_PORT, "Kafka broker");
        Preflight.requirePortFree(CONTROLLER_PORT, "Kafka controller");
        ServiceSpec.ALL.forEach(service -> Preflight.requirePortFree(service.port(), service.name()));
        DataDirectory data = DataDirectory.prepare(options.dataDirectory(), options.fresh(),
                ServiceSpec.ALL.stream().map(ServiceSpec::name).toList());
        // Before anything logs: the broker's log file lives in the data directory.
        System.setProperty(LOGS_DIR_PROPERTY, data.logs().toString());

        Supervisor supervisor = new Supervisor("stopped; the data stays in " + data.root() + " for the next ./concord up");
        Runtime.getRuntime().addShutdownHook(new Thread(supervisor::stopAll, "concord-stop"));
        guardKafkaExits(supervisor);
        try {
            return start(options, data, supervisor, launched);
        } catch (LaunchException e) {
            report(e);
            return e.exitCode();
        } finally {
            supervisor.stopAll();
        }
    }

    /** Prints a development token signed with the local stack's key (made now if the stack never ran). */
    private static int token(List<String> args) {
        DevToken token = DevToken.parse(args);
        LaunchOptions options = LaunchOptions.parse(List.of(), System.getenv(), System.getProperties());
        DevKeys keys = new DevKeys(options.dataDirectory());
        keys.ensure();
        System.out.println(token.sign(keys.privateKey(), Instant.now()));
        return 0;
    }

    /** Plays the Nanning signing against the running stack, with tokens signed by the stack's key. */
    private static int demo(List<String> args) {
        LaunchOptions options = LaunchOptions.parse(List.of(), System.getenv(), System.getProperties());
        DevKeys keys = new DevKeys(options.dataDirectory());
        keys.ensure();
        try {
            return NanningDemo.run(args, (role, region) ->
                    DevToken.parse(region == null ? List.of(role) : List.of(role, region)).sign(keys.privateKey(), Instant.now()));
        } catch (DemoException e) {
            throw new LaunchException(e.getMessage(), e.getCause());
        }
    }

    private static int start(LaunchOptions options, DataDirectory data, Supervisor supervisor, Instant launched) {
        Console.info("data directory " + data.root() + (options.fresh() ? " (emptied by --fresh)" : ""));
        if (new DevKeys(data.root()).ensure()) {
            Console.info("made the development token key in " + data.root().resolve("keys") + " (./concord token signs with it)");
        }
        KafkaBroker broker = new KafkaBroker(data.kafka(), KAFKA_PORT, CONTROLLER_PORT, options.partitions());
        supervisor.broker(broker);
        Console.info("starting the Kafka broker (KRaft) on " + broker.bootstrapServers() + " ...");
        Instant brokerStart = Instant.now();
        broker.start();
        Console.info("Kafka broker ready in " + Summary.seconds(Duration.between(brokerStart, Instant.now()))
                + (broker.formattedNow() ? ", new cluster " : ", cluster ") + broker.clusterId().orElse("?")
                + " (log: " + data.logFile("kafka") + ")");
        try (Admin admin = Admin.create(Topics.adminConfig(broker.bootstrapServers()))) {
            new Topics(admin).ensure(TopicSpec.DESIGN, options.partitions()).forEach(Console::info);
        }
        for (ServiceSpec service : ServiceSpec.ALL) {
            Console.info("starting " + service.name() + " on port " + service.port() + " ...");
            supervisor.add(ServiceProcess.start(service, options.home(), data, broker.bootstrapServers()));
        }
        List<Summary.Row> rows = awaitHealthy(supervisor);
        Instant healthy = Instant.now();
        Summary.render(rows, broker.bootstrapServers(), TopicSpec.DESIGN, data.root(),
                        Duration.between(launched, healthy),
                        options.commandStarted().map(started -> Duration.between(started, healthy)))
                .forEach(Console::plain);
        return watch(supervisor);
    }

    /** Waits for every service in parallel; the first one to fail stops the wait with its reason. */
    private static List<Summary.Row> awaitHealthy(Supervisor supervisor) {
        List<ServiceProcess> services = supervisor.services();
        ExecutorService pool = Executors.newFixedThreadPool(services.size(), runnable -> {
            Thread thread = new Thread(runnable, "health-wait");
            thread.setDaemon(true);
            return thread;
        });
        try {
            CompletionService<Summary.Row> waits = new ExecutorCompletionService<>(pool);
            Health health = new Health();
            for (ServiceProcess service : services) {
                waits.submit(() -> {
                    Duration took = service.awaitHealthy(health, HEALTH_TIMEOUT, supervisor::isStopping);
                    Console.info(service.spec().name() + " is healthy after " + Summary.seconds(took));
                    return new Summary.Row(service.spec(), "UP after " + Summary.seconds(took));
                });
            }
            List<Summary.Row> rows = new ArrayList<>();
            for (int i = 0; i < services.size(); i++) {
                rows.add(waits.take().get());
            }
            rows.sort(Comparator.comparing(row -> ServiceSpec.ALL.indexOf(row.service())));
            return rows;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof LaunchException failure) {
                throw failure;
            }
            throw new LaunchException("waiting for the services failed: " + LaunchException.rootCause(e), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException(null, LaunchException.INTERRUPTED);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs until Ctrl-C (the shutdown hook stops everything) or until a service dies on its own. */
    private static int watch(Supervisor supervisor) {
        List<ServiceProcess> services = supervisor.services();
        CompletableFuture.anyOf(services.stream().map(service -> service.process().onExit()).toArray(CompletableFuture[]::new)).join();
        try {
            // Ctrl-C reaches the services too; give the shutdown hook a moment to say it was that.
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (supervisor.isStopping()) {
            return LaunchException.INTERRUPTED;
        }
        ServiceProcess dead = services.stream().filter(service -> !service.process().isAlive()).findFirst().orElseThrow();
        throw new LaunchException(dead.diedMessage("stopped unexpectedly") + "; stopping everything");
    }

    /**
     * The broker runs in this JVM: should it ever call Kafka's Exit, stop the services first, so no service
     * outlives the launcher.
     */
    private static void guardKafkaExits(Supervisor supervisor) {
        Exit.setExitProcedure((code, message) -> {
            if (supervisor.isStopping()) {
                return;
            }
            Console.error("the Kafka broker asked to exit (" + code + (message == null ? "" : ": " + message)
                    + "); stopping everything (log: " + System.getProperty(LOGS_DIR_PROPERTY) + "/kafka.log)");
            System.exit(code == 0 ? LaunchException.FAILED : code);
        });
        Exit.setHaltProcedure((code, message) -> {
            Console.error("the Kafka broker halted (" + code + (message == null ? "" : ": " + message) + ")");
            supervisor.killServicesNow();
            Runtime.getRuntime().halt(code == 0 ? LaunchException.FAILED : code);
        });
    }

    private static void report(LaunchException e) {
        if (e.getMessage() != null) {
            Console.error(e.getMessage());
        }
        if (e.getCause() != null && System.getProperty(LOGS_DIR_PROPERTY) != null) {
            LoggerFactory.getLogger(LocalStack.class).error(e.getMessage(), e.getCause());
        }
    }
}
