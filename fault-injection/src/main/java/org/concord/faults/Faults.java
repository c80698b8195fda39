package org.concord.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.concord.localstack.ProcessSignals;
import org.concord.localstack.RunDirectory;

/** The scenarios of the suite, each a fault injected into the real processes of a stack under load. */
final class Faults {

    static final List<String> SERVICES = List.of("regions-service", "agreements-service", "notifications-service");
    static final Duration FREEZE = Duration.ofSeconds(45);
    static final Duration WEBHOOK_OUTAGE = Duration.ofMinutes(2);
    static final Duration POSTGRES_DOWN = Duration.ofSeconds(10);
    static final Duration BETWEEN_KILLS = Duration.ofSeconds(12);
    static final Duration CONNECTION_FREEZE = Duration.ofSeconds(70);
    /**
     * By then webhooks must arrive again although the connection is still frozen: the webhook dispatcher gives up on
     * a group commit of attempt records after 30 s, frees a send's slot and cuts a round off after 50 s.
     */
    static final Duration WEBHOOKS_AGAIN_BY = Duration.ofSeconds(40);
    /** notifications-service's database, as the launcher names it on a PostgreSQL server. */
    static final String NOTIFICATIONS_DATABASE = "concord_notifications";
    static final Duration BACKEND_SEARCH = Duration.ofSeconds(15);
    /**
     * What the webhook dispatcher's statements name, in the order a backend is preferred: its attempt records, its
     * claims, its reads of due deliveries. Not {@code INSERT INTO webhook_delivery}: that is the consumer queueing an
     * event's deliveries, whose frozen transaction holds the consumer's events (docs/faults.md).
     */
    static final List<String> DISPATCHER_STATEMENTS = List.of("delivery_attempt", "UPDATE webhook_delivery",
            "FROM webhook_delivery");

    private Faults() {
    }

    /** Every scenario, in the order of the results table. */
    static List<Scenario> all() {
        return List.of(
                new Scenario("kill-agreements", "kill -9 agreements-service", 1, 1, false, false,
                        others("agreements-service"), kill("agreements-service", 1)),
                new Scenario("kill-regions", "kill -9 regions-service", 1, 1, false, false,
                        others("regions-service"), kill("regions-service", 1)),
                new Scenario("kill-notifications", "kill -9 notifications-service", 1, 1, false, true,
                        others("notifications-service"), kill("notifications-service", 1)),
                new Scenario("kill-agreements-10x", "kill -9 agreements-service ten times, each time 12 s after it is back and caught up", 1, 1,
                        false, false, others("agreements-service"), kill("agreements-service", 10)),
                new Scenario("freeze-launcher", "the launcher frozen (SIGSTOP) for 45 s: the services write their logs to files, never"
                        + " to it", 1, 1, false, false, SERVICES, Faults::freezeLauncher),
                new Scenario("kill-broker", "kill -9 one Kafka broker of three (the leader of most agreements.v1 partitions)",
                        3, 1, false, false, SERVICES, Faults::killBroker),
                new Scenario("freeze-broker", "the Kafka broker frozen (SIGSTOP) for 45 s", 1, 1, false, true, SERVICES,
                        Faults::freezeBroker),
                new Scenario("restart-postgres", "PostgreSQL crashes (pg_ctl stop -m immediate) and starts again 10 s later", 1, 1, true,
                        false, SERVICES, Faults::restartPostgres),
                new Scenario("freeze-db-connection", "one of notifications-service's PostgreSQL connections frozen (SIGSTOP of its"
                        + " backend, preferably the webhook dispatcher's) for 70 s; webhooks must arrive again before it ends", 1, 1, true,
                        false, SERVICES, Faults::freezeDbConnection),
                new Scenario("kill-relay-holder", "kill -9 the agreements-service instance holding the outbox relay lease (two instances)",
                        1, 2, false, false, others("agreements-service"), Faults::killRelayHolder),
                new Scenario("webhook-down", "the webhook endpoint refuses connections for 2 minutes; once it is back the operator sends the pending deliveries now", 1, 1, false, false,
                        SERVICES, Faults::webhookDown),
                new Scenario("poison-and-duplicates", "poison records (not JSON, no CloudEvents headers, wrong shape) and exact"
                        + " duplicates of 20 records published on the topics", 1, 1, false, true, SERVICES, Faults::poisonAndDuplicates),
                new Scenario("stop-and-start", "./concord stop under load, then ./concord up again", 1, 1, false, false, List.of(),
                        Faults::stopAndStart));
    }

    static List<String> others(String service) {
        return SERVICES.stream().filter(name -> !name.equals(service)).toList();
    }

    /**
     * kill -9 of a process of the stack, {@code times} times; each next kill once it has been back and caught up for
     * {@link #BETWEEN_KILLS} (longer than the launcher's 10 s of good health after which its back-off starts again from
     * 1 s: kills closer together meet a back-off doubling to 30 s, as a crash loop should).
     */
    static Scenario.Fault kill(String process, int times) {
        return run -> {
            Instant start = Instant.now();
            List<ScenarioRun.Recovery> recoveries = new ArrayList<>();
            Instant last = start;
            long lastPid = 0;
            for (int round = 1; round <= times; round++) {
                if (round > 1) {
                    ScenarioRun.pause(BETWEEN_KILLS);
                }
                long pid = run.stack().kill(process);
                last = Instant.now();
                lastPid = pid;
                run.say("kill -9 " + process + " (pid " + pid + ")" + (times > 1 ? ", " + round + " of " + times : ""));
                if (times > 1) {
                    ScenarioRun.Recovery recovery = run.measure(last, () -> run.stack().isBack(process, pid));
                    recoveries.add(recovery);
                    run.say("  back after " + ScenarioRun.seconds(recovery.back()) + ", caught up after "
                            + ScenarioRun.seconds(recovery.caughtUp()));
                    if (recovery.caughtUp() == null) {
                        break;
                    }
                }
            }
            long killed = lastPid;
            return new Scenario.Window(start, last, times + " x kill -9 " + process, () -> run.stack().isBack(process, killed), recoveries,
                    List.of());
        };
    }

    static Scenario.Window killBroker(ScenarioRun run) throws Exception {
        Map<Integer, Long> leaders = run.topic().leaders();
        int node = leaders.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(1);
        String name = "kafka-" + node;
        run.note(name + " led " + leaders.getOrDefault(node, 0L) + " of the agreements.v1 partitions " + leaders);
        long pid = run.stack().kill(name);
        Instant killed = Instant.now();
        return Scenario.Window.of(killed, killed, "kill -9 " + name + " (pid " + pid + ")", () -> run.stack().isBack(name, pid));
    }

    static Scenario.Window freezeBroker(ScenarioRun run) {
        long pid = run.stack().pid("kafka");
        Instant start = Instant.now();
        ProcessSignals.send("STOP", pid);
        run.say("SIGSTOP kafka (pid " + pid + ") for " + FREEZE.toSeconds() + " s");
        ScenarioRun.pause(FREEZE);
        ProcessSignals.send("CONT", pid);
        Instant end = Instant.now();
        return Scenario.Window.of(start, end, "kafka frozen " + FREEZE.toSeconds() + " s", () -> run.topic().clusterAnswers());
    }

    static Scenario.Window freezeLauncher(ScenarioRun run) {
        long pid = run.stack().runDirectory().launcherPid().orElseThrow();
        Instant start = Instant.now();
        ProcessSignals.send("STOP", pid);
        run.say("SIGSTOP the launcher (pid " + pid + ") for " + FREEZE.toSeconds() + " s");
        ScenarioRun.pause(FREEZE);
        ProcessSignals.send("CONT", pid);
        Instant end = Instant.now();
        return Scenario.Window.of(start, end, "launcher frozen " + FREEZE.toSeconds() + " s", () -> true);
    }

    static Scenario.Window restartPostgres(ScenarioRun run) throws IOException {
        Instant start = Instant.now();
        run.postgres().crashAndRestart(POSTGRES_DOWN);
        Instant end = Instant.now();
        run.note("PostgreSQL was down " + ScenarioRun.seconds(Duration.between(start, end)));
        return Scenario.Window.of(start, end, "PostgreSQL crashed and restarted", () -> run.servicesUp() && run.signedSince(end));
    }

    /**
     * SIGSTOP of one backend of notifications-service's database, a connection of its pool: whatever the pool hands
     * it to waits. The scenario fails unless webhooks reached the endpoint in the last 30 s of the freeze.
     */
    static Scenario.Window freezeDbConnection(ScenarioRun run) throws Exception {
        String database = NOTIFICATIONS_DATABASE;
        PrivatePostgres.Backend backend = poolBackend(run, database);
        Instant start = Instant.now();
        if (!ProcessSignals.send("STOP", backend.pid())) {
            throw new IllegalStateException("could not SIGSTOP the backend " + backend.pid());
        }
        try {
            run.say("SIGSTOP the " + database + " backend (pid " + backend.pid() + ") for " + CONNECTION_FREEZE.toSeconds() + " s");
            ScenarioRun.pause(CONNECTION_FREEZE);
        } finally {
            ProcessSignals.send("CONT", backend.pid());
        }
        Instant end = Instant.now();
        Instant lateFrom = start.plus(WEBHOOKS_AGAIN_BY);
        long early = run.receiver().arrivedBetween(start, lateFrom);
        long late = run.receiver().arrivedBetween(lateFrom, end);
        run.note("webhooks during the freeze: " + early + " in its first " + WEBHOOKS_AGAIN_BY.toSeconds() + " s, " + late
                + " from " + WEBHOOKS_AGAIN_BY.toSeconds() + " s to the SIGCONT; longest pause without one "
                + ScenarioRun.seconds(longestPause(run.receiver().received(), start, end)));
        List<String> unmet = late > 0 ? List.of() : List.of("no webhook reached the endpoint from " + WEBHOOKS_AGAIN_BY.toSeconds()
                + " s after the freeze began to the SIGCONT (" + ScenarioRun.seconds(Duration.between(start, end))
                + "): the webhook dispatcher's bounds (a group commit 30 s, a send and a round 50 s) did not get past the frozen connection");
        return new Scenario.Window(start, end, database + " backend frozen " + CONNECTION_FREEZE.toSeconds() + " s",
                () -> run.servicesUp() && run.receiver().arrivedBetween(end, Instant.MAX) > 0, List.of(), unmet);
    }

    /**
     * A backend of {@code database} in use by the service's pool: preferably one busy with a statement or transaction
     * of the webhook dispatcher (its claims, reads and group commits of attempts), looked for again and again for a few
     * seconds; else one the dispatcher used last (idle in the pool: whoever takes it next waits on it); else any.
     */
    static PrivatePostgres.Backend poolBackend(ScenarioRun run, String database) throws SQLException {
        try (PrivatePostgres.Activity activity = run.postgres().activity()) {
            Instant deadline = Instant.now().plus(BACKEND_SEARCH);
            int reads = 0;
            List<PrivatePostgres.Backend> backends;
            Optional<PrivatePostgres.Backend> idleDispatcher = Optional.empty();
            do {
                backends = activity.backends(database);
                reads++;
                Optional<PrivatePostgres.Backend> dispatcher = dispatchers(backends);
                if (dispatcher.isPresent() && !dispatcher.get().state().equals("idle")) {
                    noteChosen(run, dispatcher.get(), backends.size(), "the webhook dispatcher's, read " + reads + " time(s)");
                    return dispatcher.get();
                }
                idleDispatcher = dispatcher.isPresent() ? dispatcher : idleDispatcher;
            } while (Instant.now().isBefore(deadline));
            if (idleDispatcher.isPresent()) {
                noteChosen(run, idleDispatcher.get(), backends.size(), "the webhook dispatcher's last, idle in the pool"
                        + " (none busy in " + reads + " reads over " + BACKEND_SEARCH.toSeconds() + " s)");
                return idleDispatcher.get();
            }
            PrivatePostgres.Backend any = backends.stream().findFirst()
                    .orElseThrow(() -> new IllegalStateException("no backend of " + database + " in pg_stat_activity"));
            noteChosen(run, any, backends.size(), "none of the webhook dispatcher's in " + reads + " reads over "
                    + BACKEND_SEARCH.toSeconds() + " s");
            return any;
        }
    }

    /** A backend at the dispatcher's statements: a busy one before an idle one, then in {@link #DISPATCHER_STATEMENTS}' order. */
    static Optional<PrivatePostgres.Backend> dispatchers(List<PrivatePostgres.Backend> backends) {
        return backends.stream()
                .filter(backend -> dispatcherStatement(backend) >= 0)
                .min(Comparator.comparing((PrivatePostgres.Backend backend) -> backend.state().equals("idle"))
                        .thenComparing(Faults::dispatcherStatement));
    }

    private static int dispatcherStatement(PrivatePostgres.Backend backend) {
        for (int i = 0; i < DISPATCHER_STATEMENTS.size(); i++) {
            if (backend.query().contains(DISPATCHER_STATEMENTS.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static void noteChosen(ScenarioRun run, PrivatePostgres.Backend backend, int of, String how) {
        String query = backend.query().replaceAll("\\s+", " ").strip();
        run.note("froze backend " + backend.pid() + ", one of " + of + " of " + NOTIFICATIONS_DATABASE + " (" + how + "; "
                + backend.state() + ": " + query.substring(0, Math.min(90, query.length())) + ")");
    }

    /** The longest stretch between {@code from} and {@code to} in which no webhook arrived. */
    static Duration longestPause(List<WebhookReceiver.Received> received, Instant from, Instant to) {
        List<Instant> arrivals = received.stream().map(WebhookReceiver.Received::at)
                .filter(at -> !at.isBefore(from) && at.isBefore(to)).sorted().toList();
        Duration longest = Duration.ZERO;
        Instant previous = from;
        for (Instant at : arrivals) {
            longest = Duration.between(previous, at).compareTo(longest) > 0 ? Duration.between(previous, at) : longest;
            previous = at;
        }
        return Duration.between(previous, to).compareTo(longest) > 0 ? Duration.between(previous, to) : longest;
    }

    static Scenario.Window killRelayHolder(ScenarioRun run) throws IOException {
        List<String> instances = run.stack().layout().instancesOf("agreements-service").stream()
                .map(instance -> instance.name()).toList();
        String holder = instances.stream()
                .max(Comparator.comparing(name -> lastPublishing(run, name).orElse("")))
                .orElseThrow();
        long pid = run.stack().pid(holder);
        String other = instances.stream().filter(name -> !name.equals(holder)).findFirst().orElseThrow();
        run.note(holder + " (pid " + pid + ") held the outbox relay lease");
        run.stack().kill(holder);
        Instant killed = Instant.now();
        return Scenario.Window.of(killed, killed, "kill -9 " + holder + " (pid " + pid + ")", () -> {
            boolean takenOver = lastPublishing(run, other).filter(line -> line.compareTo(killed.toString()) > 0).isPresent();
            return takenOver && run.stack().isBack(holder, pid);
        });
    }

    /** The time stamp of the last "outbox relay ... is publishing" line of the instance's current process, if any. */
    static Optional<String> lastPublishing(ScenarioRun run, String instance) {
        long pid = run.stack().runDirectory().process(instance).map(RunDirectory.ProcessState::pid).orElse(0L);
        Pattern line = Pattern.compile("^(\\S+) .*outbox relay agreements-service@" + pid + "@\\S+ is publishing");
        try {
            Optional<String> last = Optional.empty();
            for (String text : Files.readAllLines(run.stack().dataDirectory().resolve("logs").resolve(instance + ".log"), StandardCharsets.UTF_8)) {
                Matcher matcher = line.matcher(text);
                if (matcher.find()) {
                    last = Optional.of(matcher.group(1));
                }
            }
            return last;
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The endpoint refuses connections for two minutes. Its deliveries fail, and by the retry schedule (immediately,
     * 5 s, 5 min...) the last of them would wait five minutes more; so once it is back, the operator sends the pending
     * deliveries now, one request each ({@code POST /api/subscriptions/{id}/deliveries/{deliveryId}/retry}).
     */
    static Scenario.Window webhookDown(ScenarioRun run) throws Exception {
        Instant start = Instant.now();
        run.receiver().down();
        run.say("webhook endpoint down for " + WEBHOOK_OUTAGE.toSeconds() + " s");
        ScenarioRun.pause(WEBHOOK_OUTAGE);
        run.receiver().up();
        Instant end = Instant.now();
        Http http = new Http();
        String admin = run.stack().token("admin", null);
        java.net.URI log = run.stack().url("notifications-service").resolve("/api/subscriptions/" + run.subscription() + "/deliveries");
        int sent = 0;
        int pending = 0;
        for (tools.jackson.databind.JsonNode delivery : http.all(log, admin)) {
            if (delivery.path("status").asString().equals("PENDING")) {
                pending++;
                if (http.post(java.net.URI.create(log + "/" + delivery.path("id").asString() + "/retry"), admin, Map.of()).status() == 202) {
                    sent++;
                }
            }
        }
        run.note("the endpoint was back; the operator sent " + sent + " of " + pending + " pending deliveries now, in "
                + ScenarioRun.seconds(Duration.between(end, Instant.now())));
        return Scenario.Window.of(start, end, "webhook endpoint down " + WEBHOOK_OUTAGE.toSeconds() + " s", () -> true);
    }

    static Scenario.Window poisonAndDuplicates(ScenarioRun run) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, run.stack().bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        Instant start = Instant.now();
        List<ConsumerRecord<String, byte[]>> recent = run.topic().recentRecords();
        List<ConsumerRecord<String, byte[]>> originals = recent.subList(Math.max(0, recent.size() - 20), recent.size());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            String agreementId = UUID.randomUUID().toString();
            producer.send(poison(AgreementsTopic.TOPIC, agreementId, "concord.agreement.signature-recorded", "this is not JSON", run)).get();
            producer.send(poison(AgreementsTopic.TOPIC, agreementId, "concord.agreement.signed", "{\"agreement\":42}", run)).get();
            producer.send(new ProducerRecord<>(AgreementsTopic.TOPIC, agreementId, "{\"no\":\"headers\"}".getBytes(StandardCharsets.UTF_8))).get();
            producer.send(poison("regions.v1", "CN-ZZ", "concord.region.registered", "{\"code\":", run)).get();
            for (ConsumerRecord<String, byte[]> original : originals) {
                ProducerRecord<String, byte[]> copy = new ProducerRecord<>(AgreementsTopic.TOPIC, original.partition(), original.key(),
                        original.value(), original.headers());
                producer.send(copy).get();
            }
        }
        run.note("published 3 poison records on agreements.v1, 1 on regions.v1 and " + originals.size() + " exact duplicates");
        Instant end = Instant.now();
        return Scenario.Window.of(start, end, "poison and duplicate records", () -> parked(run));
    }

    /** Dead-letter topics and the poison records each should hold once the consumers gave up on them. */
    static final Map<String, Long> PARKED = Map.of(
            "agreements.v1.regions-service.dlq", 3L,
            "agreements.v1.notifications-service.dlq", 3L,
            "regions.v1.agreements-service.dlq", 1L,
            "regions.v1.notifications-service.dlq", 1L);

    /** Every consumer parked the poison it was fed (and went on: the run measures that it caught up). */
    private static boolean parked(ScenarioRun run) {
        Map<String, Long> counts = new java.util.TreeMap<>(run.topic().recordCounts("agreements.v1."));
        counts.putAll(run.topic().recordCounts("regions.v1."));
        boolean all = PARKED.entrySet().stream().allMatch(expected -> counts.getOrDefault(expected.getKey(), 0L) >= expected.getValue());
        if (all) {
            run.note("dead-letter topics: " + counts);
        }
        return all;
    }

    private static ProducerRecord<String, byte[]> poison(String topic, String key, String type, String value, ScenarioRun run) {
        String ceId = "poison-" + UUID.randomUUID();
        run.injected(List.of(ceId));
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_id", ceId.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_source", "/fault-suite".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        record.headers().add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
        return record;
    }

    static Scenario.Window stopAndStart(ScenarioRun run) throws IOException {
        Instant start = Instant.now();
        run.say("./concord stop");
        run.stack().stop();
        ScenarioRun.pause(Duration.ofSeconds(5));
        run.say("./concord up");
        run.stack().up();
        Instant end = Instant.now();
        run.note("stopped and up again in " + ScenarioRun.seconds(Duration.between(start, end)));
        return Scenario.Window.of(start, end, "stop and start", () -> run.servicesUp() && run.signedSince(end));
    }

}
