package org.concord.gateway.support;

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
import org.concord.agreements.AgreementsApplication;
import org.concord.notifications.NotificationsApplication;
import org.concord.platform.ConcordApplication;
import org.concord.regions.RegionsApplication;
import org.concord.testsupport.db.TestDatabase;
import org.concord.testsupport.kafka.TestKafka;
import org.concord.testsupport.security.Tokens;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The three services in this JVM, as end-to-end runs them: each its own Spring application started the way its
 * {@code main} starts it, with its own database (H2 or PostgreSQL), a random port, this run's own topics on
 * test-support's real broker, and token verification on (test-support's {@link Tokens}).
 */
public final class ConcordServices implements AutoCloseable {

    private static final int PARTITIONS = 3;

    private final Map<String, ConfigurableApplicationContext> services;

    private ConcordServices(Map<String, ConfigurableApplicationContext> services) {
        this.services = services;
    }

    /**
     * Starts the three in parallel on fresh databases of {@code database}.
     *
     * @param notificationsSettings extra properties for notifications-service (webhook retries, allowed hosts)
     */
    public static ConcordServices start(TestDatabase database, Map<String, Object> notificationsSettings) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> topics = Map.of(
                "concord.topics.regions", "regions.v1-" + run,
                "concord.topics.agreements", "agreements.v1-" + run,
                "concord.topics.notifications", "notifications.v1-" + run);
        TestKafka.createTopics(List.of(
                new NewTopic("regions.v1-" + run, PARTITIONS, (short) 1).configs(Map.of("cleanup.policy", "compact")),
                new NewTopic("agreements.v1-" + run, PARTITIONS, (short) 1),
                new NewTopic("notifications.v1-" + run, PARTITIONS, (short) 1)));
        ExecutorService starters = Executors.newFixedThreadPool(3);
        try {
            Map<String, CompletableFuture<ConfigurableApplicationContext>> starting = new LinkedHashMap<>();
            starting.put(RegionsApplication.NAME, CompletableFuture.supplyAsync(() -> start(RegionsApplication.class,
                    RegionsApplication.NAME, database, run, topics, Map.of()), starters));
            starting.put(AgreementsApplication.NAME, CompletableFuture.supplyAsync(() -> start(AgreementsApplication.class,
                    AgreementsApplication.NAME, database, run, topics, Map.of()), starters));
            starting.put(NotificationsApplication.NAME, CompletableFuture.supplyAsync(() -> start(
                    NotificationsApplication.class, NotificationsApplication.NAME, database, run, topics,
                    notificationsSettings), starters));
            try {
                CompletableFuture.allOf(starting.values().toArray(CompletableFuture[]::new)).join();
            } catch (CompletionException e) {
                starting.values().stream().filter(future -> !future.isCompletedExceptionally())
                        .forEach(future -> future.join().close());
                throw e;
            }
            Map<String, ConfigurableApplicationContext> started = new LinkedHashMap<>();
            starting.forEach((name, future) -> started.put(name, future.join()));
            return new ConcordServices(started);
        } finally {
            starters.shutdown();
        }
    }

    private static ConfigurableApplicationContext start(Class<?> application, String name, TestDatabase database,
            String run, Map<String, Object> topics, Map<String, Object> extra) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("server.port", 0);
        settings.put("spring.kafka.bootstrap-servers", TestKafka.bootstrapServers());
        settings.putAll(database.freshDatabase(name.replace("-service", "") + "_" + run));
        settings.putAll(topics);
        settings.put("concord.messaging.group", name + "-" + run);
        settings.put("concord.security.enabled", true);
        settings.putAll(Tokens.verification());
        settings.putAll(extra);
        // command-line arguments: above the service's own <service>.yml, as a deployment's environment would be
        List<String> args = new ArrayList<>();
        settings.forEach((key, value) -> args.add("--" + key + "=" + value));
        return ConcordApplication.builder(application, name).run(args.toArray(String[]::new));
    }

    /** Where a service listens, e.g. {@code url("agreements-service")}: {@code http://localhost:41234}. */
    public URI url(String service) {
        Integer port = services.get(service).getEnvironment().getProperty("local.server.port", Integer.class);
        return URI.create("http://localhost:" + port);
    }

    @Override
    public void close() {
        // the consumers first, then the service whose events they read
        services.get(NotificationsApplication.NAME).close();
        services.get(RegionsApplication.NAME).close();
        services.get(AgreementsApplication.NAME).close();
    }
}
