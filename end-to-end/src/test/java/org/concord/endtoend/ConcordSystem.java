package org.concord.endtoend;

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
 * The whole system as production runs it, in one JVM: a real Kafka broker (test-support's) and the three
 * services, each its own Spring application started the way its {@code main} starts it (its own config name, so
 * the three {@code <service>.yml} files on one classpath never mix), with its own H2 database, a random port,
 * and token verification switched on. The topics are this run's own ({@code agreements.v1-<run>} ...), created
 * as in production (regions compacted).
 */
final class ConcordSystem implements AutoCloseable {

    /** The topic names of this run. */
    record Topics(String regions, String agreements, String notifications) {
    }

    private static final int PARTITIONS = 3;

    private final Topics topics;
    private final RunningService regions;
    private final RunningService agreements;
    private final RunningService notifications;

    private ConcordSystem(Topics topics, List<RunningService> services) {
        this.topics = topics;
        this.regions = services.get(0);
        this.agreements = services.get(1);
        this.notifications = services.get(2);
    }

    /**
     * Starts the three services (in parallel: each waits mostly for its broker connections and migrations).
     *
     * @param notificationsSettings extra properties for notifications-service (webhook retries, allowed hosts)
     */
    static ConcordSystem start(Map<String, Object> notificationsSettings) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Topics topics = new Topics("regions.v1-" + run, "agreements.v1-" + run, "notifications.v1-" + run);
        TestKafka.createTopics(List.of(
                new NewTopic(topics.regions(), PARTITIONS, (short) 1).configs(Map.of("cleanup.policy", "compact")),
                new NewTopic(topics.agreements(), PARTITIONS, (short) 1),
                new NewTopic(topics.notifications(), PARTITIONS, (short) 1)));

        ExecutorService starters = Executors.newFixedThreadPool(3);
        try {
            List<CompletableFuture<RunningService>> starting = List.of(
                    CompletableFuture.supplyAsync(() -> start(RegionsApplication.class, RegionsApplication.NAME,
                            run, topics, Map.of()), starters),
                    CompletableFuture.supplyAsync(() -> start(AgreementsApplication.class, AgreementsApplication.NAME,
                            run, topics, Map.of()), starters),
                    CompletableFuture.supplyAsync(() -> start(NotificationsApplication.class, NotificationsApplication.NAME,
                            run, topics, notificationsSettings), starters));
            try {
                CompletableFuture.allOf(starting.toArray(CompletableFuture[]::new)).join();
            } catch (CompletionException e) {
                // stop the ones that did start, then report the first failure
                starting.stream().filter(future -> !future.isCompletedExceptionally())
                        .forEach(future -> future.join().close());
                throw e;
            }
            return new ConcordSystem(topics, starting.stream().map(CompletableFuture::join).toList());
        } finally {
            starters.shutdown();
        }
    }

    private static RunningService start(Class<?> application, String name, String run, Topics topics,
            Map<String, Object> extra) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("server.port", 0);
        settings.put("spring.kafka.bootstrap-servers", TestKafka.bootstrapServers());
        settings.putAll(TestDatabase.H2.freshDatabase(name.replace("-service", "") + "_" + run));
        settings.put("concord.topics.regions", topics.regions());
        settings.put("concord.topics.agreements", topics.agreements());
        settings.put("concord.topics.notifications", topics.notifications());
        settings.put("concord.messaging.group", name + "-" + run);
        settings.put("concord.security.enabled", true);
        settings.putAll(Tokens.verification());
        settings.putAll(extra);
        // Command-line arguments: above the service's own <service>.yml, as a deployment's environment would be.
        List<String> args = new ArrayList<>();
        settings.forEach((key, value) -> args.add("--" + key + "=" + value));
        ConfigurableApplicationContext context = ConcordApplication.builder(application, name)
                .run(args.toArray(String[]::new));
        return new RunningService(name, context);
    }

    Topics topics() {
        return topics;
    }

    RunningService regions() {
        return regions;
    }

    RunningService agreements() {
        return agreements;
    }

    RunningService notifications() {
        return notifications;
    }

    @Override
    public void close() {
        // the consumers first, then the service whose events they read
        notifications.close();
        regions.close();
        agreements.close();
    }
}
