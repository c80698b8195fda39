package org.concord.faults;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One run of a scenario, start to verdict: a fresh stack (and a private PostgreSQL when the scenario needs one), a
 * webhook endpoint subscribed to every agreement event, the suite's reader of {@code agreements.v1}, the load, then the
 * fault; then how long the stack took to be back and caught up, a quiet end, the final state, and the checker's
 * verdict. Everything it wrote (launcher output, the stack's logs, the history) stays in its work directory, which
 * it empties first.
 */
final class ScenarioRun implements AutoCloseable {

    static final double SIGNATURES_PER_SECOND = 20;
    static final Duration WARM_UP = Duration.ofSeconds(10);
    static final Duration AFTERWARDS = Duration.ofSeconds(5);
    static final Duration RECOVERY_PATIENCE = Duration.ofMinutes(6);
    static final Duration SETTLE_PATIENCE = Duration.ofMinutes(8);
    private static final String ON_THE_TOPIC = "on the topic";
    private static final String WEBHOOKS = "webhook endpoint";

    /** How long after a fault ended the faulted part was back, and all that was acknowledged until then had caught up. */
    record Recovery(Duration back, Duration caughtUp) {

        boolean within(Duration limit) {
            return back != null && caughtUp != null && caughtUp.compareTo(limit) <= 0 && back.compareTo(limit) <= 0;
        }

        static Recovery worst(List<Recovery> recoveries) {
            Duration back = Duration.ZERO;
            Duration caughtUp = Duration.ZERO;
            for (Recovery recovery : recoveries) {
                back = recovery.back() == null || back == null ? null : max(back, recovery.back());
                caughtUp = recovery.caughtUp() == null || caughtUp == null ? null : max(caughtUp, recovery.caughtUp());
            }
            return new Recovery(back, caughtUp);
        }

        private static Duration max(Duration a, Duration b) {
            return a.compareTo(b) >= 0 ? a : b;
        }
    }

    /** Everything the run found out, for the results table. */
    record Result(Scenario scenario, Verdict verdict, Recovery recovery, List<Recovery> recoveries, String availability,
            boolean othersAlwaysAnswered, long starvedTicks, Duration faultLength, Duration took, String note, Path workDirectory,
            List<String> unmet) {

        /**
         * The acceptance of issue 11: nothing lost or doubled, back and caught up within a minute of the fault's end;
         * and whatever the scenario itself required during the fault.
         */
        boolean accepted() {
            return verdict != null && verdict.holds() && recovery != null && recovery.within(Duration.ofSeconds(60))
                    && unmet.isEmpty();
        }
    }

    private final Scenario scenario;
    private final Path home;
    private final Path work;
    private final Consumer<String> say;
    private PrivatePostgres postgres;
    private Stack stack;
    private WebhookReceiver receiver;
    private AgreementsTopic topic;
    private History history;
    private SigningLoad load;
    private String subscription;
    private final List<String> notes = new ArrayList<>();
    private final java.util.Set<String> injected = java.util.concurrent.ConcurrentHashMap.newKeySet();

    ScenarioRun(Scenario scenario, Path home, Path work, Consumer<String> say) {
        this.scenario = scenario;
        this.home = home;
        this.work = work;
        this.say = say;
    }

    Result run() throws Exception {
        Instant began = Instant.now();
        emptyWorkDirectory();
        if (scenario.postgres()) {
            postgres = PrivatePostgres.start(freePort());
            say("private PostgreSQL on " + postgres.address());
        }
        stack = Stack.start(home, work, scenario.brokers(), scenario.instances(), Optional.ofNullable(postgres).map(PrivatePostgres::address));
        say("stack up: Kafka " + stack.bootstrapServers() + ", agreements-service " + stack.urls("agreements-service")
                + " (data " + stack.dataDirectory() + ")");
        receiver = WebhookReceiver.start(freePort());
        subscription = subscribe();
        topic = new AgreementsTopic(stack.bootstrapServers());
        history = new History(work.resolve("history.jsonl"));
        load = new SigningLoad(stack, history, "Fault suite, " + scenario.name(), SIGNATURES_PER_SECOND).start();
        Availability availability = new Availability(stack, scenario.watched()).start();
        awaitFirstSignature();
        pause(WARM_UP);

        say("fault: " + scenario.title());
        Scenario.Window window = scenario.fault().inject(this);
        say("fault over after " + seconds(window.length()) + " (" + window.what() + "); waiting for the stack to be back and caught up");
        List<Recovery> recoveries = new ArrayList<>(window.measured());
        if (recoveries.isEmpty()) {
            recoveries.add(measure(window.end(), window.back()));
        }
        Recovery recovery = Recovery.worst(recoveries);
        say("back after " + seconds(recovery.back()) + ", caught up after " + seconds(recovery.caughtUp()));
        pause(AFTERWARDS);

        load.close();
        availability.close();
        say("load stopped: " + history.operations().stream().filter(op -> op.kind() == History.Kind.SIGN).count()
                + " signatures sent; settling");
        settle();
        FinalState state = FinalState.read(stack, load.agreements(), topic, injected, receiver, subscription, SigningLoad.PARTIES);
        Verdict verdict = HistoryChecker.check(history.operations(), state);
        writeVerdict(verdict, recoveries, window.unmet());
        return new Result(scenario, verdict, recovery, recoveries, availability.describe(), availability.alwaysAnswered(),
                load.starvedTicks(), window.length(), Duration.between(began, Instant.now()), String.join("; ", notes), work,
                window.unmet());
    }

    // ---- what faults use -----------------------------------------------------------------------------------------

    Stack stack() {
        return stack;
    }

    PrivatePostgres postgres() {
        return postgres;
    }

    WebhookReceiver receiver() {
        return receiver;
    }

    /** The id of the suite's webhook subscription. */
    String subscription() {
        return subscription;
    }

    AgreementsTopic topic() {
        return topic;
    }

    void say(String line) {
        say.accept(line);
    }

    /** Event ids the suite published itself (poison records): not the system's events, so not checked as such. */
    void injected(List<String> ceIds) {
        injected.addAll(ceIds);
    }

    /** A remark for the results table (what the fault chose, what it saw). */
    void note(String line) {
        notes.add(line);
        say(line);
    }

    /**
     * Waits until {@code back} holds, then until every signature acknowledged by then (so all the backlog the fault
     * left: what was signed while a consumer was down, the broker frozen, the endpoint away) has gone all the way
     * through: published, applied by every consumer group, delivered to the webhook endpoint.
     */
    Recovery measure(Instant faultEnd, BooleanSupplier back) {
        Instant deadline = faultEnd.plus(RECOVERY_PATIENCE);
        Instant backAt = null;
        List<History.Operation> acknowledged = List.of();
        Map<String, Instant> passed = new LinkedHashMap<>();
        while (Instant.now().isBefore(deadline)) {
            if (backAt == null && back.getAsBoolean()) {
                backAt = Instant.now();
                acknowledged = history.acknowledgedSignatures(backAt);
            }
            if (backAt != null && caughtUp(acknowledged, passed)) {
                note("caught up stage by stage: " + stages(faultEnd, passed));
                return new Recovery(Duration.between(faultEnd, backAt), Duration.between(faultEnd, Instant.now()));
            }
            pause(Duration.ofMillis(500));
        }
        note("not caught up; stages passed: " + (passed.isEmpty() ? "none" : stages(faultEnd, passed)));
        return new Recovery(backAt == null ? null : Duration.between(faultEnd, backAt), null);
    }

    /**
     * Whether {@code acknowledged} have passed every stage: on the topic, applied by each consumer group (its committed
     * offset is past them), received by the webhook endpoint. Records in {@code passed} when each stage was first
     * passed (a stage once passed stays passed), so a slow recovery names the part the others waited for.
     */
    private boolean caughtUp(List<History.Operation> acknowledged, Map<String, Instant> passed) {
        List<AgreementsTopic.Event> events = new ArrayList<>();
        for (History.Operation operation : acknowledged) {
            Optional<AgreementsTopic.Event> event = topic.signature(operation.agreementId(), operation.party());
            if (event.isEmpty()) {
                return false;
            }
            events.add(event.get());
        }
        passed.putIfAbsent(ON_THE_TOPIC, Instant.now());
        for (String group : AgreementsTopic.CONSUMER_GROUPS) {
            if (!passed.containsKey(group) && topic.consumedBy(group, events)) {
                passed.put(group, Instant.now());
            }
        }
        if (!passed.containsKey(WEBHOOKS) && events.stream().allMatch(event -> receiver.got(event.ceId()))) {
            passed.put(WEBHOOKS, Instant.now());
        }
        return passed.size() == AgreementsTopic.CONSUMER_GROUPS.size() + 2;
    }

    private static String stages(Instant faultEnd, Map<String, Instant> passed) {
        return String.join(", ", passed.entrySet().stream()
                .map(stage -> stage.getKey() + " " + seconds(Duration.between(faultEnd, stage.getValue()))).toList());
    }

    /** The stack answers a signature again: one acknowledged after {@code since}. */
    boolean signedSince(Instant since) {
        return history.operations().stream().anyMatch(op -> op.kind() == History.Kind.SIGN && op.isAcknowledged()
                && op.answered().isAfter(since));
    }

    /** Every service instance healthy. */
    boolean servicesUp() {
        return stack.layout().services().stream().allMatch(service -> stack.isUp(service.name()));
    }

    static void pause(Duration duration) {
        Stack.pause(duration);
    }

    // ---- the run's steps -------------------------------------------------------------------------------------------

    private String subscribe() throws IOException, InterruptedException {
        Http.Reply created = new Http().post(stack.url("notifications-service").resolve("/api/subscriptions"), stack.token("admin", null),
                Map.of("url", receiver.url(), "eventTypes", List.of("concord.agreement.*"), "regions", List.of()));
        if (created.status() != 201) {
            throw new IOException("could not subscribe the webhook endpoint: " + created.status() + " " + created.body());
        }
        return created.body().path("id").asString();
    }

    private void awaitFirstSignature() {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (!signedSince(Instant.EPOCH)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("no signature answered 200 within 2 minutes of the start: " + lastAnswers());
            }
            pause(Duration.ofMillis(200));
        }
    }

    private String lastAnswers() {
        List<History.Operation> operations = history.operations();
        return operations.subList(Math.max(0, operations.size() - 3), operations.size()).toString();
    }

    /** Once the load stopped: waits until everything committed has been consumed and delivered. */
    private void settle() {
        Instant began = Instant.now();
        Instant deadline = began.plus(SETTLE_PATIENCE);
        List<History.Operation> acknowledged = history.acknowledgedSignatures(began);
        Map<String, Instant> passed = new LinkedHashMap<>();
        while (Instant.now().isBefore(deadline)) {
            if (caughtUp(acknowledged, passed) && topic.drained() && everyEventDelivered()) {
                pause(Duration.ofSeconds(2));
                return;
            }
            pause(Duration.ofSeconds(1));
        }
        note("did not settle within " + SETTLE_PATIENCE.toMinutes() + " min; stages passed: "
                + (passed.isEmpty() ? "none" : stages(began, passed)));
    }

    private boolean everyEventDelivered() {
        return topic.events().stream().filter(event -> event.ceId() != null && !injected.contains(event.ceId()))
                .allMatch(event -> receiver.got(event.ceId()));
    }

    private void writeVerdict(Verdict verdict, List<Recovery> recoveries, List<String> unmet) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("scenario " + scenario.name() + ": " + scenario.title());
        lines.add("acknowledged signatures " + verdict.acknowledged() + ", unanswered " + verdict.unanswered() + " (applied "
                + verdict.unansweredApplied() + "), refused " + verdict.refused());
        lines.add("lost " + verdict.lost().size() + ", doubled " + verdict.doubled().size() + ", phantom " + verdict.phantoms().size());
        lines.add("recoveries " + recoveries);
        lines.addAll(verdict.lost().stream().map(line -> "lost: " + line).toList());
        lines.addAll(verdict.doubled().stream().map(line -> "doubled: " + line).toList());
        lines.addAll(verdict.phantoms().stream().map(line -> "phantom: " + line).toList());
        lines.addAll(unmet.stream().map(line -> "unmet: " + line).toList());
        Files.write(work.resolve("verdict.txt"), lines);
    }

    /** A run starts from nothing: data a previous run left (its topics, its subscription) would count as this one's. */
    private void emptyWorkDirectory() throws IOException {
        if (Files.exists(work)) {
            try (var paths = Files.walk(work)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        Files.createDirectories(work);
    }

    static String seconds(Duration duration) {
        return duration == null ? "never" : String.format(java.util.Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        for (AutoCloseable part : new AutoCloseable[] {load, topic, receiver, stack, history, postgres}) {
            if (part == null) {
                continue;
            }
            try {
                part.close();
            } catch (Exception e) {
                say("could not close " + part.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
    }
}
