package org.concord.localstack;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.concord.localstack.demo.DemoException;
import org.concord.localstack.demo.NanningDemo;
import org.slf4j.LoggerFactory;

/**
 * {@code ./concord up}: real Kafka (one KRaft node, or three), the topics DESIGN.md describes, the three services
 * (one instance each, or more) and the gateway in front of them, every one a process of its own writing its own log
 * file, kept running until Ctrl-C.
 * Also the commands that talk to a running stack ({@code status}, {@code stop}, {@code restart}, {@code logs}) and
 * the one each Kafka process runs ({@code kafka-node}). Run by the {@code concord} script at the repository root,
 * which builds the jars first.
 */
public final class LocalStack {

    static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(180);
    static final String LOGS_DIR_PROPERTY = "concord.logs.dir";
    /** The launcher's own executable jar: each Kafka node runs it too. */
    static final String JAR = "local-stack/target/local-stack-exec.jar";

    private LocalStack() {
    }

    public static void main(String[] args) {
        int exitCode;
        try {
            if (args.length == 0 || !args[0].equals("kafka-node")) {
                // whatever the launcher's Kafka clients log goes to the data directory, never to where the command was run
                System.setProperty(LOGS_DIR_PROPERTY, environmentOptions().dataDirectory().resolve("logs").toString());
            }
            exitCode = run(List.of(args));
        } catch (LaunchException e) {
            report(e);
            exitCode = e.exitCode();
        } catch (RuntimeException | Error e) {
            Console.error("the local stack failed unexpectedly: " + e);
            e.printStackTrace();
            exitCode = LaunchException.FAILED;
        }
        Console.flush(Duration.ofSeconds(2));
        System.exit(exitCode);
    }

    static int run(List<String> args) {
        if (args.isEmpty() || args.get(0).startsWith("--")) {
            return up(args);
        }
        List<String> rest = args.subList(1, args.size());
        return switch (args.get(0)) {
            case "up" -> up(rest);
            case "token" -> token(rest);
            case "demo" -> demo(rest);
            case "status", "stop", "restart", "logs" -> new StackControl(environmentOptions()).run(args.get(0), rest);
            case "dead-letters" -> DeadLetterCommand.run(rest, environmentOptions());
            case "kafka-node" -> KafkaNode.runInThisProcess(rest);
            default -> throw new LaunchException("unknown command '" + args.get(0) + "' (see ./concord help)", LaunchException.USAGE);
        };
    }

    /** Options of a command that takes none but the environment's (data directory, port offset). */
    private static LaunchOptions environmentOptions() {
        return LaunchOptions.parse(List.of(), System.getenv(), System.getProperties());
    }

    private static int up(List<String> args) {
        Instant launched = Instant.now();
        LaunchOptions options = LaunchOptions.parse(args, System.getenv(), System.getProperties());
        StackLayout layout = options.layout();
        RunDirectory run = new RunDirectory(options.dataDirectory());
        Preflight.requireJars(options.home(), Stream.concat(ServiceSpec.ALL.stream(), Stream.of(ServiceSpec.GATEWAY)).toList());
        Preflight.requireNotRunning(run);
        for (StackLayout.KafkaNodeSpec node : layout.nodes()) {
            Preflight.requirePortFree(node.port(), "Kafka broker " + node.name());
            Preflight.requirePortFree(node.controllerPort(), "Kafka controller " + node.name());
        }
        layout.services().forEach(service -> Preflight.requirePortFree(service.port(), service.name()));
        Preflight.requirePortFree(layout.gateway().port(), layout.gateway().name());
        DataDirectory data = DataDirectory.prepare(options.dataDirectory(), options.fresh(),
                layout.nodes().stream().map(StackLayout.KafkaNodeSpec::name).toList(),
                ServiceSpec.ALL.stream().map(ServiceSpec::name).toList());
        Database database = Database.of(options, System.getenv());
        run.create();
        run.clear();
        run.writeLauncher(ProcessHandle.current().pid(), stackProperties(options, layout, database));

        Console.detach();
        LogFollower logs = new LogFollower();
        Supervisor supervisor = new Supervisor("stopped; the data stays in " + data.root() + " for the next ./concord up", run, logs);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            supervisor.stopAll();
            run.clear();
            Console.flush(Duration.ofSeconds(2));
        }, "concord-stop"));
        try {
            start(options, layout, database, data, supervisor, launched);
        } catch (LaunchException e) {
            report(e);
            supervisor.stopAll();
            return e.exitCode();
        }
        supervisor.keepRunning();
        try {
            // Until Ctrl-C or ./concord stop: the shutdown hook stops everything.
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return LaunchException.INTERRUPTED;
    }

    /** What the other commands and the fault suite need to know about this stack. */
    private static Properties stackProperties(LaunchOptions options, StackLayout layout, Database database) {
        Properties stack = new Properties();
        stack.setProperty("brokers", Integer.toString(layout.brokers()));
        stack.setProperty("instances", Integer.toString(layout.instances()));
        stack.setProperty("port-offset", Integer.toString(layout.portOffset()));
        stack.setProperty("bootstrap-servers", layout.bootstrapServers());
        stack.setProperty("database", database.describe());
        stack.setProperty("service-jvm-options", String.join(" ", options.serviceJvm()));
        stack.setProperty("started", Instant.now().toString());
        return stack;
    }

    /** Prints a development token signed with the local stack's key (made now if the stack never ran). */
    private static int token(List<String> args) {
        DevToken token = DevToken.parse(args);
        DevKeys keys = new DevKeys(environmentOptions().dataDirectory());
        keys.ensure();
        System.out.println(token.sign(keys.privateKey(), Instant.now()));
        return 0;
    }

    /**
     * Plays the Nanning signing against the running stack, where it listens (its port offset, as its launcher wrote
     * it; else {@code CONCORD_PORT_OFFSET}), with tokens signed by the stack's key.
     */
    private static int demo(List<String> args) {
        LaunchOptions options = environmentOptions();
        DevKeys keys = new DevKeys(options.dataDirectory());
        keys.ensure();
        StackLayout layout = new RunDirectory(options.dataDirectory()).layout().orElseGet(options::layout);
        var settings = NanningDemo.Settings.at(layout.instancesOf("regions-service").get(0).url(),
                layout.instancesOf("agreements-service").get(0).url(),
                layout.instancesOf("notifications-service").get(0).url(), layout.bootstrapServers());
        try {
            return NanningDemo.run(args, settings, options.dataDirectory(), (role, region) ->
                    DevToken.parse(region == null ? List.of(role) : List.of(role, region)).sign(keys.privateKey(), Instant.now()));
        } catch (DemoException e) {
            throw new LaunchException(e.getMessage(), e.getCause());
        }
    }

    private static void start(LaunchOptions options, StackLayout layout, Database database, DataDirectory data,
            Supervisor supervisor, Instant launched) {
        Console.info("data directory " + data.root() + (options.fresh() ? " (emptied by --fresh)" : ""));
        if (new DevKeys(data.root()).ensure()) {
            Console.info("made the development token key in " + data.root().resolve("keys") + " (./concord token signs with it)");
        }
        EvidenceKey evidenceKey = new EvidenceKey(data.root());
        if (evidenceKey.ensure()) {
            Console.info("made the evidence signing key " + evidenceKey.file() + " (agreements-service signs evidence bundles with it)");
        }
        database.ensurePostgresDatabases().forEach(Console::info);
        startKafka(options, layout, data, supervisor);
        try (Admin admin = Admin.create(Topics.adminConfig(layout.bootstrapServers()))) {
            new Topics(admin).ensure(TopicSpec.all(), options.partitions(), layout.replicationFactor(), layout.minInsyncReplicas())
                    .forEach(Console::info);
        }
        Map<String, QuickStart.Launch> launches = quickStarts(options, layout, database, data);
        // In waves, one instance of each service at a time: the first instance to open an H2 file serves it to the
        // others (AUTO_SERVER), and one opening it while the first is still starting would find no server yet.
        Map<ChildProcess, Duration> ready = new LinkedHashMap<>();
        for (int instance = 1; instance <= layout.instances(); instance++) {
            List<ChildProcess> wave = new ArrayList<>();
            for (StackLayout.ServiceInstance service : layout.services()) {
                if (service.instance() != instance) {
                    continue;
                }
                Console.info("starting " + service.name() + " on port " + service.port() + " ...");
                ChildProcess child = serviceProcess(service, launches.get(service.name()), options.serviceJvm(), data,
                        environment(service, data.root(), database, layout.bootstrapServers()));
                supervisor.start(child, false);
                wave.add(child);
            }
            ready.putAll(awaitReady(supervisor, wave));
        }
        StackLayout.ServiceInstance gateway = layout.gateway();
        Console.info("starting the gateway on port " + gateway.port() + " ...");
        ChildProcess gatewayProcess = serviceProcess(gateway, launches.get(gateway.name()), options.serviceJvm(), data, gatewayEnvironment(layout, data.root()));
        supervisor.start(gatewayProcess, false);
        ready.putAll(awaitReady(supervisor, List.of(gatewayProcess)));
        List<Summary.Row> rows = ready.entrySet().stream()
                .map(entry -> new Summary.Row(layout.service(entry.getKey().name()).orElseThrow(),
                        "UP after " + Summary.seconds(entry.getValue())))
                .sorted(Comparator.comparing(row -> layout.processNames().indexOf(row.service().name())))
                .toList();
        String adminToken = DevToken.parse(List.of("admin")).sign(new DevKeys(data.root()).privateKey(), Instant.now());
        Instant healthy = Instant.now();
        Summary.render(rows, layout, adminToken, database.describe(), TopicSpec.DESIGN, data.root(), Duration.between(launched, healthy),
                        options.commandStarted().map(started -> Duration.between(started, healthy)))
                .forEach(Console::plain);
    }

    private static void startKafka(LaunchOptions options, StackLayout layout, DataDirectory data, Supervisor supervisor) {
        List<StackLayout.KafkaNodeSpec> nodes = layout.nodes();
        String clusterId = nodes.stream().map(node -> KafkaNode.clusterId(data.kafka(node.name())))
                .flatMap(java.util.Optional::stream).findFirst().orElseGet(KafkaNode::newClusterId);
        boolean formatted = nodes.stream().anyMatch(node -> KafkaNode.isFormatted(data.kafka(node.name())));
        Console.info("starting " + (nodes.size() == 1 ? "the Kafka broker (KRaft) on " : nodes.size() + " Kafka brokers (KRaft) on ")
                + layout.bootstrapServers() + " ...");
        Path jar = options.home().resolve(JAR);
        for (StackLayout.KafkaNodeSpec node : nodes) {
            supervisor.start(kafkaProcess(node, layout.portOffset(), jar, data, options.partitions(), clusterId), true);
        }
        Map<ChildProcess, Duration> ready = awaitReady(supervisor, supervisor.kafkaNodes());
        Duration slowest = ready.values().stream().max(Comparator.naturalOrder()).orElse(Duration.ZERO);
        Console.info("Kafka ready in " + Summary.seconds(slowest) + (formatted ? ", cluster " : ", new cluster ") + clusterId
                + " (log: " + data.logFile(nodes.get(0).name()) + (nodes.size() > 1 ? " and the next ones" : "") + ")");
    }

    static ChildProcess kafkaProcess(StackLayout.KafkaNodeSpec node, int portOffset, Path jar, DataDirectory data, int partitions,
            String clusterId) {
        List<String> jvm = new ArrayList<>(ChildProcess.KAFKA_JVM);
        jvm.add("-Dlogback.configurationFile=kafka-node-logback.xml");
        List<String> command = ChildProcess.javaCommand(ChildProcess.currentJava(), jvm, jar, List.of("kafka-node",
                Integer.toString(node.nodeId()), Integer.toString(node.clusterSize()),
                Integer.toString(portOffset),
                Integer.toString(partitions), data.kafka(node.name()).toString(), clusterId));
        return new ChildProcess(node.name(), node.name(), Console.Colour.YELLOW, command, Map.of(), data.kafka(node.name()),
                data.logFile(node.name()), URI.create("kafka://" + node.address()),
                () -> Topics.clusterReady(node.address(), node.clusterSize()));
    }

    /** A service instance, or the gateway: the same JVM, healthy when its {@code /actuator/health} says UP. */
    /**
     * Each service's and the gateway's quick start (see QuickStart), made in parallel when a jar's content changed: a
     * training start of each runs against the real broker and its real database, so this comes after Kafka and before
     * the services.
     */
    private static Map<String, QuickStart.Launch> quickStarts(LaunchOptions options, StackLayout layout, Database database,
            DataDirectory data) {
        Instant began = Instant.now();
        List<ServiceSpec> services = Stream.concat(ServiceSpec.ALL.stream(), Stream.of(ServiceSpec.GATEWAY)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(services.size());
        Map<String, java.util.concurrent.Future<QuickStart.Launch>> preparing = new LinkedHashMap<>();
        for (ServiceSpec service : services) {
            StackLayout.ServiceInstance first = service == ServiceSpec.GATEWAY ? layout.gateway()
                    : layout.instancesOf(service.name()).get(0);
            Map<String, String> environment = service == ServiceSpec.GATEWAY ? gatewayEnvironment(layout, data.root())
                    : environment(first, data.root(), database, layout.bootstrapServers());
            QuickStart quickStart = new QuickStart(service.jar(options.home()), options.serviceJvm(), ChildProcess.currentJava());
            preparing.put(service.name(), pool.submit(() -> quickStart.prepare(environment, service.directory(data.root()))));
        }
        Map<String, QuickStart.Launch> launches = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, java.util.concurrent.Future<QuickStart.Launch>> launch : preparing.entrySet()) {
                launches.put(launch.getKey(), launch.getValue().get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException(null, LaunchException.INTERRUPTED);
        } catch (ExecutionException e) {
            throw new LaunchException("preparing the quick starts failed: " + LaunchException.rootCause(e), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        Duration took = Duration.between(began, Instant.now());
        if (took.compareTo(Duration.ofSeconds(5)) > 0) {
            Console.info("quick starts made in " + Summary.seconds(took) + " (the jars unpacked, and a class data sharing"
                    + " archive from a training start of each; made again only when what is in a jar changes; docs/local-stack.md)");
        }
        return launches;
    }

    static ChildProcess serviceProcess(StackLayout.ServiceInstance instance, QuickStart.Launch launch, List<String> jvmOptions,
            DataDirectory data,
            Map<String, String> environment) {
        ServiceSpec service = instance.service();
        List<String> jvm = Stream.concat(jvmOptions.stream().map(option -> option.replace("{name}", instance.name())),
                launch.jvmOptions().stream()).toList();
        List<String> command = ChildProcess.javaCommand(ChildProcess.currentJava(), jvm, launch.jar(), List.of());
        Health health = new Health();
        return new ChildProcess(instance.name(), instance.tag(), service.colour(), command,
                environment, service.directory(data.root()),
                data.logFile(instance.name()), instance.url(), () -> health.check(instance.healthUrl()));
    }

    /** The environment a service instance reads (see docs/configuration.md). */
    static Map<String, String> environment(StackLayout.ServiceInstance instance, Path dataDirectory, Database database,
            String bootstrapServers) {
        ServiceSpec service = instance.service();
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("PORT", Integer.toString(instance.port()));
        environment.put("CONCORD_KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        environment.put("CONCORD_DB_R2DBC_URL", database.r2dbcUrl(service, dataDirectory));
        environment.put("CONCORD_DB_JDBC_URL", database.jdbcUrl(service, dataDirectory));
        // Explicit, so a PostgreSQL user exported in the developer's shell never meets these H2 files.
        environment.put("CONCORD_DB_USER", database.user());
        environment.put("CONCORD_DB_PASSWORD", database.password());
        // tokens from ./concord token: signed with the key the launcher keeps in the data directory
        environment.putAll(new DevKeys(dataDirectory).verification());
        if (service.name().equals("agreements-service")) {
            // every instance signs evidence checkpoints with the same key, kept across restarts
            environment.put("CONCORD_EVIDENCE_SIGNING_KEY", new EvidenceKey(dataDirectory).file().toString());
        }
        if (service.name().equals("notifications-service")) {
            // webhook receivers on this machine (a developer's test server) are allowed here, and only here
            environment.put("CONCORD_WEBHOOKS_ALLOWED_HOSTS", "localhost,127.0.0.1");
        }
        return environment;
    }

    /**
     * The environment the gateway reads (gateway/README.md): its port, the services' token settings, and the first
     * instance of each service, where it sends their requests.
     */
    static Map<String, String> gatewayEnvironment(StackLayout layout, Path dataDirectory) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("PORT", Integer.toString(layout.gateway().port()));
        environment.putAll(new DevKeys(dataDirectory).verification());
        environment.put("CONCORD_GATEWAY_REGIONS_URL", layout.instancesOf("regions-service").get(0).url().toString());
        environment.put("CONCORD_GATEWAY_AGREEMENTS_URL", layout.instancesOf("agreements-service").get(0).url().toString());
        environment.put("CONCORD_GATEWAY_NOTIFICATIONS_URL", layout.instancesOf("notifications-service").get(0).url().toString());
        return environment;
    }

    /**
     * Waits for every process in parallel until it is ready; the first one to stop or to time out fails the start
     * with its reason. Returns how long each took.
     */
    private static Map<ChildProcess, Duration> awaitReady(Supervisor supervisor, List<ChildProcess> children) {
        ExecutorService pool = Executors.newFixedThreadPool(children.size(), runnable -> {
            Thread thread = new Thread(runnable, "ready-wait");
            thread.setDaemon(true);
            return thread;
        });
        try {
            CompletionService<Map.Entry<ChildProcess, Duration>> waits = new ExecutorCompletionService<>(pool);
            for (ChildProcess child : children) {
                waits.submit(() -> {
                    Duration took = awaitReady(supervisor, child);
                    supervisor.healthy(child);
                    Console.info(child.name() + " is " + (child.address().getScheme().equals("kafka") ? "ready" : "healthy")
                            + " after " + Summary.seconds(took));
                    return Map.entry(child, took);
                });
            }
            Map<ChildProcess, Duration> ready = new LinkedHashMap<>();
            for (int i = 0; i < children.size(); i++) {
                Map.Entry<ChildProcess, Duration> entry = waits.take().get();
                ready.put(entry.getKey(), entry.getValue());
            }
            return ready;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof LaunchException failure) {
                throw failure;
            }
            throw new LaunchException("waiting for the stack failed: " + LaunchException.rootCause(e), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException(null, LaunchException.INTERRUPTED);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Polls the process's readiness until it says UP. Fails at once, naming the cause, when the process dies first;
     * fails after {@link #HEALTH_TIMEOUT} with what it last said.
     */
    private static Duration awaitReady(Supervisor supervisor, ChildProcess child) throws InterruptedException {
        Instant deadline = child.started().plus(HEALTH_TIMEOUT);
        Health.Status last = new Health.Status(false, "not checked");
        while (true) {
            if (supervisor.isStopping()) {
                throw new LaunchException(null, LaunchException.INTERRUPTED);
            }
            if (!child.process().isAlive()) {
                throw new LaunchException(child.diedMessage("exited during startup", supervisor.lastWords(child)));
            }
            last = child.readiness();
            if (last.up()) {
                return Duration.between(child.started(), Instant.now());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new LaunchException(child.name() + " is not ready after " + HEALTH_TIMEOUT.toSeconds() + " s ("
                        + child.address() + ": " + last.description() + ") (log: " + child.logFile() + ")");
            }
            Thread.sleep(Supervisor.READINESS_POLL.toMillis());
        }
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
