package org.concord.testsupport.system;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.apache.kafka.clients.admin.NewTopic;
import org.concord.testsupport.db.TestDatabase;
import org.concord.testsupport.kafka.TestKafka;
import org.concord.testsupport.security.Tokens;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole system as production runs it, in one JVM: test-support's real Kafka broker and the services, each its
 * own Spring application started the way its {@code main} starts it, with a fresh database of its own (H2 or
 * PostgreSQL), a random port, a consumer group of this run, and token verification on ({@link Tokens}). The topics
 * are this run's own ({@code agreements.v1-<run>} ...), created as in production (regions compacted).
 *
 * <pre>{@code
 * ConcordSystem system = ConcordSystem.builder(ConcordApplication::run)
 *         .service(AgreementsApplication.NAME, AgreementsApplication.class)
 *         .service(RegionsApplication.NAME, RegionsApplication.class)
 *         .settings(RegionsApplication.NAME, Map.of("some.property", "value"))
 *         .database(TestDatabase.POSTGRESQL)
 *         .start();
 * }</pre>
 */
public final class ConcordSystem implements AutoCloseable {

    /**
     * How a service starts: {@code ConcordApplication::run} (platform's; test-support cannot depend on platform,
     * whose own tests use test-support).
     */
    @FunctionalInterface
    public interface Starter {

        ConfigurableApplicationContext run(Class<?> application, String name, String... args);
    }

    /** The topic names of this run. */
    public record Topics(String regions, String agreements, String notifications) {
    }

    private static final int PARTITIONS = 3;

    private final Topics topics;
    private final Map<String, RunningService> services;

    private ConcordSystem(Topics topics, Map<String, RunningService> services) {
        this.topics = topics;
        this.services = services;
    }

    public static Builder builder(Starter starter) {
        return new Builder(starter);
    }

    public Topics topics() {
        return topics;
    }

    /** A service by its name, e.g. {@code service("agreements-service")}. */
    public RunningService service(String name) {
        RunningService service = services.get(name);
        if (service == null) {
            throw new IllegalArgumentException("no service " + name + " in this system: " + services.keySet());
        }
        return service;
    }

    /** Where a service listens: {@code http://localhost:<port>}. */
    public URI url(String name) {
        return service(name).url();
    }

    /** The services, in the order they were declared. */
    public List<RunningService> services() {
        return List.copyOf(services.values());
    }

    /** Stops the services in the reverse order they were declared: declare the ones whose events others read first. */
    @Override
    public void close() {
        List<RunningService> declared = services();
        for (int i = declared.size() - 1; i >= 0; i--) {
            declared.get(i).close();
        }
    }

    /** What to start: the services (name and application class), their extra settings, the database. */
    public static final class Builder {

        private final Starter starter;
        private final Map<String, Class<?>> applications = new LinkedHashMap<>();
        private final Map<String, Map<String, ?>> settings = new LinkedHashMap<>();
        private TestDatabase database = TestDatabase.H2;

        private Builder(Starter starter) {
            this.starter = starter;
        }

        public Builder service(String name, Class<?> application) {
            applications.put(name, application);
            return this;
        }

        /** Extra properties of one service, above its own {@code <service>.yml} and the system's settings. */
        public Builder settings(String name, Map<String, ?> properties) {
            settings.put(name, properties);
            return this;
        }

        /** H2 unless told otherwise. */
        public Builder database(TestDatabase database) {
            this.database = database;
            return this;
        }

        /** Creates this run's topics and starts the services in parallel (each waits mostly for the broker and Flyway). */
        public ConcordSystem start() {
            String run = UUID.randomUUID().toString().substring(0, 8);
            Topics topics = new Topics("regions.v1-" + run, "agreements.v1-" + run, "notifications.v1-" + run);
            TestKafka.createTopics(List.of(
                    new NewTopic(topics.regions(), PARTITIONS, (short) 1).configs(Map.of("cleanup.policy", "compact")),
                    new NewTopic(topics.agreements(), PARTITIONS, (short) 1),
                    new NewTopic(topics.notifications(), PARTITIONS, (short) 1)));
            ExecutorService starters = Executors.newFixedThreadPool(applications.size());
            try {
                Map<String, CompletableFuture<RunningService>> starting = new LinkedHashMap<>();
                applications.keySet().forEach(name -> starting.put(name,
                        CompletableFuture.supplyAsync(() -> start(name, run, topics), starters)));
                try {
                    CompletableFuture.allOf(starting.values().toArray(CompletableFuture[]::new)).join();
                } catch (CompletionException e) {
                    // stop the ones that did start, then report the first failure
                    starting.values().stream().filter(future -> !future.isCompletedExceptionally())
                            .forEach(future -> future.join().close());
                    throw e;
                }
                Map<String, RunningService> started = new LinkedHashMap<>();
                starting.forEach((name, future) -> started.put(name, future.join()));
                return new ConcordSystem(topics, started);
            } finally {
                starters.shutdown();
            }
        }

        private RunningService start(String name, String run, Topics topics) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("server.port", 0);
            properties.put("spring.kafka.bootstrap-servers", TestKafka.bootstrapServers());
            properties.putAll(database.freshDatabase(name.replace("-service", "") + "_" + run));
            properties.put("concord.topics.regions", topics.regions());
            properties.put("concord.topics.agreements", topics.agreements());
            properties.put("concord.topics.notifications", topics.notifications());
            properties.put("concord.messaging.group", name + "-" + run);
            properties.put("concord.security.enabled", true);
            properties.putAll(Tokens.verification());
            properties.putAll(settings.getOrDefault(name, Map.of()));
            // command-line arguments: above the service's own <service>.yml, as a deployment's environment would be
            List<String> args = new ArrayList<>();
            properties.forEach((key, value) -> args.add("--" + key + "=" + value));
            return new RunningService(name, starter.run(applications.get(name), name, args.toArray(String[]::new)));
        }
    }
}
