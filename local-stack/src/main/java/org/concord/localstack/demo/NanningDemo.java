package org.concord.localstack.demo;

import org.concord.testsupport.seed.SeedMou;
import org.concord.testsupport.webhooks.WebhookReceiver;
import org.concord.evidence.Algorithm;
import org.concord.evidence.HistoryHead;
import org.concord.evidence.JwkSet;
import org.concord.evidence.SignaturePayload;
import org.concord.evidence.VerificationReport;
import org.concord.evidence.Verifier;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * {@code ./concord demo}: the Nanning signing played against the running local stack, told as it happens.
 * The departments register the public keys they sign with (regions-service), Guangxi drafts the MoU and opens it
 * for signature, the twelve departments of commerce sign it with their keys (four one after another, then eight at
 * the same moment), and the demo shows what each service did in reaction: the events on {@code agreements.v1} (read
 * by a Kafka consumer of its own), Guangxi's inbox and the signed webhooks (notifications-service), Yunnan's
 * portfolio and partners (regions-service). It ends with the evidence of the signing, fetched, written to a file
 * and verified offline, as any department can do on its own machine.
 *
 * <p>Every run drafts a new MoU (its title carries the run's time) and changes nothing else, so it can be run
 * again and again: each run adds one signed agreement to the twelve portfolios. The webhook subscription it makes
 * is deleted when it ends, Ctrl-C included.
 */
public final class NanningDemo {

    /** Where the local stack listens (see ./concord up: the ports move with its port offset). */
    public record Settings(URI regions, URI agreements, URI notifications, String bootstrapServers,
            String agreementsTopic, Duration patience) {

        public static Settings at(URI regions, URI agreements, URI notifications, String bootstrapServers) {
            return new Settings(regions, agreements, notifications, bootstrapServers, "agreements.v1",
                    Duration.ofSeconds(60));
        }
    }

    static final String SIGNED = "concord.agreement.signed";
    /** A concluded MoU is SIGNED, or IN_FORCE once it took effect (with the last signature, by default). */
    static final java.util.Set<String> CONCLUDED_STATUSES = java.util.Set.of("SIGNED", "IN_FORCE");
    static final String SHOWN_PORTFOLIO = "CN-YN";
    private static final DateTimeFormatter RUN_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final int ONE_AFTER_ANOTHER = 4;

    private final Settings settings;
    private final Path dataDirectory;
    private final TokenIssuer tokens;
    private final Narrator narrator;
    private final Clock clock;
    private final StackClient regions;
    private final StackClient agreements;
    private final StackClient notifications;
    private final DemoKeys keys;

    NanningDemo(Settings settings, Path dataDirectory, TokenIssuer tokens, Narrator narrator, Clock clock) {
        this.settings = settings;
        this.dataDirectory = dataDirectory;
        this.tokens = tokens;
        this.narrator = narrator;
        this.clock = clock;
        this.regions = new StackClient("regions-service", settings.regions());
        this.agreements = new StackClient("agreements-service", settings.agreements());
        this.notifications = new StackClient("notifications-service", settings.notifications());
        this.keys = new DemoKeys(dataDirectory);
    }

    /**
     * Runs the demo against the local stack; a {@link DemoException} says why it could not. Keeps the departments'
     * keys and the evidence it fetches in the data directory.
     */
    public static int run(List<String> args, Settings settings, Path dataDirectory, TokenIssuer tokens) {
        if (args.contains("-h") || args.contains("--help")) {
            System.out.println("./concord demo: plays the Nanning signing (twelve regions sign an MoU with ASEAN) against the "
                    + "local stack started with ./concord up, and shows how each service reacts. Each run drafts a new MoU.");
            return 0;
        }
        if (!args.isEmpty()) {
            throw new DemoException("./concord demo takes no arguments, not " + args + " (see ./concord help)");
        }
        new NanningDemo(settings, dataDirectory, tokens, Narrator.toTerminal(), Clock.systemUTC()).play();
        return 0;
    }

    void play() {
        String title = SeedMou.TITLE + " (demo run " + RUN_TIME.format(clock.instant()) + ")";
        regions.requireUp();
        agreements.requireUp();
        notifications.requireUp();
        narrator.headline("The Nanning signing, 24 September 2024: twelve regions sign an MoU on e-commerce with ASEAN");
        try (AgreementsTopic topic = AgreementsTopic.fromTheEnd(settings.bootstrapServers(), settings.agreementsTopic());
             WebhookReceiver receiver = WebhookReceiver.start()) {
            narrator.say("the local stack is UP; a Kafka consumer reads " + topic.name() + " on "
                    + settings.bootstrapServers() + " from its end");
            Subscription subscription = subscribe(receiver);
            try {
                Map<String, String> authorities = signingAuthorities();
                RegisteredKeys registered = new RegisteredKeys();
                String id;
                List<AgreementsTopic.Event> story;
                try {
                    id = draft(title);
                    String contentHash = open(id);
                    signInShuffledOrder(id, contentHash, authorities);
                    concluded(id);
                } finally {
                    registered.withdraw();
                }

                narrator.pause();
                narrator.headline("What each service did in reaction");
                story = showTopic(topic, id);
                showInbox(id);
                showWebhooks(receiver, subscription.secret(), story.size());
                showPortfolio(id);
                narrator.pause();
                showPartners(SHOWN_PORTFOLIO);
                narrator.pause();
                verifyEvidence(id, story);
            } finally {
                subscription.cancel();
            }
        }
    }

    // ---- the story ------------------------------------------------------------------------------------------------

    /** A webhook subscription for the length of the demo, cancelled at the end or on Ctrl-C. */
    private final class Subscription {

        private final String id;
        private final String secret;
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private final Thread onCtrlC;

        Subscription(String id, String secret) {
            this.id = id;
            this.secret = secret;
            this.onCtrlC = new Thread(this::delete, "demo-unsubscribe");
            Runtime.getRuntime().addShutdownHook(onCtrlC);
        }

        String secret() {
            return secret;
        }

        void cancel() {
            delete();
            try {
                Runtime.getRuntime().removeShutdownHook(onCtrlC);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook runs (and finds nothing left to do)
            }
        }

        private void delete() {
            if (cancelled.compareAndSet(false, true)) {
                try {
                    notifications.delete("/api/subscriptions/" + id, tokens.admin());
                } catch (DemoException e) {
                    // the stack went away: nothing left to deliver to the receiver either
                }
            }
        }
    }

    private Subscription subscribe(WebhookReceiver receiver) {
        var created = notifications.expect(201, "subscribe the demo's webhook receiver",
                notifications.post("/api/subscriptions", tokens.admin(), Map.of(
                        "url", receiver.url(), "eventTypes", List.of("concord.agreement.*"), "regions", List.of())));
        String id = Json.string(created.body(), "id");
        narrator.say("a webhook receiver listens on " + receiver.url() + "; notifications-service subscription "
                + id + " sends it every agreement event");
        return new Subscription(id, Json.string(created.body(), "secret"));
    }

    /** Each department signs in the name of its region's signing authority, as regions-service knows it. */
    private Map<String, String> signingAuthorities() {
        Map<String, String> authorities = new LinkedHashMap<>();
        for (String code : SeedMou.PARTIES) {
            var region = regions.expect(200, "read region " + code, regions.get("/api/regions/" + code, tokens.viewer()));
            authorities.put(code, Json.string(region.body(), "signingAuthority"));
        }
        return authorities;
    }

    /**
     * Each department registers the public half of its own key in regions-service (its signatory's token, If-Match
     * the region's version): ES256 and EdDSA in turn. They are withdrawn when the demo ends (Ctrl-C included), so the
     * stack signs with bearer tokens again as before (the walkthrough's curl signatures); the keys stay in the data
     * directory for the next run, and the bundles keep the keys they were signed with.
     */
    private final class RegisteredKeys {

        private final AtomicBoolean withdrawn = new AtomicBoolean();
        private final Thread onCtrlC = new Thread(this::withdrawAll, "demo-withdraw-keys");

        RegisteredKeys() {
            Runtime.getRuntime().addShutdownHook(onCtrlC);
            for (String code : SeedMou.PARTIES) {
                replace(code, new JwkSet(List.of(keys.of(code).publicJwk())).toJson());
            }
            long es256 = SeedMou.PARTIES.stream().filter(code -> keys.of(code).algorithm() == Algorithm.ES256).count();
            narrator.say("the twelve departments register the keys they sign with in regions-service (" + es256
                    + " ES256, " + (SeedMou.PARTIES.size() - es256) + " EdDSA; private halves in "
                    + dataDirectory.toAbsolutePath().normalize().resolve("keys").resolve("demo-regions") + ")");
        }

        void withdraw() {
            withdrawAll();
            try {
                Runtime.getRuntime().removeShutdownHook(onCtrlC);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook runs (and finds nothing left to do)
            }
        }

        private void withdrawAll() {
            if (withdrawn.compareAndSet(false, true)) {
                try {
                    SeedMou.PARTIES.forEach(code -> replace(code, Map.of("keys", List.of())));
                } catch (DemoException e) {
                    // the stack went away: nothing left to sign with them either
                }
            }
        }

        private void replace(String code, Object keySet) {
            String path = "/api/regions/" + code + "/keys";
            var current = regions.expect(200, "read the keys of " + code, regions.get(path, tokens.viewer()));
            regions.expect(200, "register the keys of " + code, regions.put(path, tokens.signatory(code),
                    current.etag().orElse("*"), keySet));
        }
    }

    /** Drafts the MoU; on a fresh stack agreements-service may still be learning the regions from regions.v1. */
    private String draft(String title) {
        boolean told = false;
        long deadline = System.nanoTime() + settings.patience().toNanos();
        while (true) {
            var reply = agreements.post("/api/agreements", tokens.admin(), SeedMou.draft(title));
            if (reply.is(422) && reply.problem().contains("unknown region") && System.nanoTime() < deadline) {
                if (!told) {
                    narrator.say("agreements-service does not know all twelve regions yet (it learns them from regions.v1); waiting ...");
                    told = true;
                }
                pause(Duration.ofMillis(500));
                continue;
            }
            var drafted = agreements.expect(201, "draft the MoU", reply);
            String id = Json.string(drafted.body(), "id");
            narrator.say("Guangxi drafted the MoU: agreement " + id);
            narrator.say("  \"" + title + "\"");
            narrator.say("  12 parties, counterpart ASEAN, areas E_COMMERCE and CROSS_BORDER_E_COMMERCE, "
                    + SeedMou.COMMITMENTS.size() + " commitments; to be signed in Nanning on 2024-09-24");
            return id;
        }
    }

    private String open(String id) {
        var opened = agreements.expect(200, "open the MoU for signature",
                agreements.post("/api/agreements/" + id + "/open", tokens.admin(), Map.of()));
        String contentHash = Json.string(opened.body(), "contentHash");
        narrator.say("opened for signature: the text is frozen, content hash " + contentHash);
        return contentHash;
    }

    private void signInShuffledOrder(String id, String contentHash, Map<String, String> authorities) {
        List<String> order = new ArrayList<>(SeedMou.PARTIES);
        Collections.shuffle(order);
        narrator.say(ONE_AFTER_ANOTHER + " departments sign one after another:");
        for (String party : order.subList(0, ONE_AFTER_ANOTHER)) {
            signed(party, sign(id, contentHash, party, authorities.get(party)));
        }
        List<String> together = order.subList(ONE_AFTER_ANOTHER, order.size());
        narrator.say("the other " + together.size() + " sign at the same moment:");
        ExecutorService pool = Executors.newFixedThreadPool(together.size());
        try {
            CountDownLatch gate = new CountDownLatch(1);
            List<Future<?>> signing = new ArrayList<>();
            for (String party : together) {
                signing.add(pool.submit(() -> {
                    gate.await();
                    signed(party, sign(id, contentHash, party, authorities.get(party)));
                    return null;
                }));
            }
            gate.countDown();
            for (Future<?> future : signing) {
                future.get();
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof DemoException failure) {
                throw failure;
            }
            throw new DemoException("signing failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoException("interrupted while signing", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The party's signatory signs with its token and a JWS by its own key. On the first run agreements-service may
     * still be learning the keys just registered (from regions.v1): until then it does not know the key (422).
     */
    private StackClient.Reply sign(String id, String contentHash, String party, String organisation) {
        String jws = new SignaturePayload(id, contentHash, party).sign(keys.of(party));
        long deadline = System.nanoTime() + settings.patience().toNanos();
        while (true) {
            var reply = agreements.post("/api/agreements/" + id + "/signatures", tokens.signatory(party),
                    SeedMou.signature(party, contentHash, organisation, jws));
            if (reply.is(422) && reply.problem().contains("has not registered") && System.nanoTime() < deadline) {
                pause(Duration.ofMillis(300));
                continue;
            }
            return agreements.expect(200, "sign for " + party + " (with a signatory token for " + party
                    + " and a JWS by its key)", reply);
        }
    }

    /** "Yunnan signed (5 of 12)": the count is the agreement's own, as the signature's response shows it. */
    private void signed(String party, StackClient.Reply reply) {
        List<Object> parties = Json.list(reply.body(), "parties");
        long signed = parties.stream().filter(p -> Json.bool(p, "signed")).count();
        String organisation = parties.stream().filter(p -> party.equals(Json.string(p, "region")))
                .map(p -> Json.string(p, "signatory", "organisation")).findFirst().orElse("");
        narrator.say("  " + signedLine(SeedMou.shortName(party), signed, parties.size()) + "  " + organisation + " ("
                + keys.of(party).algorithm().jwsName() + " JWS)");
    }

    static String signedLine(String name, long signed, int parties) {
        return name + " signed (" + signed + " of " + parties + ")";
    }

    private void concluded(String id) {
        var agreement = agreements.expect(200, "read the MoU", agreements.get("/api/agreements/" + id, tokens.viewer()));
        List<Object> parties = Json.list(agreement.body(), "parties");
        long signed = parties.stream().filter(p -> Json.bool(p, "signed")).count();
        narrator.say("concluded: the MoU is " + Json.string(agreement.body(), "status") + ", " + signed + " of "
                + parties.size() + " signatures, concluded at " + Json.string(agreement.body(), "concludedAt"));
    }

    // ---- the reactions --------------------------------------------------------------------------------------------

    /** agreements-service published the story on agreements.v1, one event per change, in order. */
    private List<AgreementsTopic.Event> showTopic(AgreementsTopic topic, String id) {
        List<AgreementsTopic.Event> story = topic.storyOf(id, settings.patience());
        if (story.stream().noneMatch(event -> SIGNED.equals(event.type()))) {
            throw new DemoException("the conclusion of " + id + " did not appear on " + topic.name() + " within "
                    + settings.patience().toSeconds() + " s (" + story.size() + " of its events did): is the outbox "
                    + "relay of agreements-service publishing? See its log in the data directory's logs/");
        }
        narrator.line(topic.name(), story.size() + " events keyed " + id + ", as the demo's Kafka consumer read them:");
        for (AgreementsTopic.Event event : story) {
            narrator.line(topic.name(), "  " + describe(event));
        }
        return story;
    }

    static String describe(AgreementsTopic.Event event) {
        String where = "partition " + event.partition() + " offset " + event.offset();
        String what = event.type() == null ? "(no ce_type)" : event.type();
        String party = Json.string(event.data(), "signature", "party");
        String detail = party == null ? ""
                : "  " + party + " (" + Json.number(event.data(), "signatureCount") + " of "
                + Json.number(event.data(), "partyCount") + ")";
        return String.format("%-26s %s%s", where, what, detail);
    }

    /** notifications-service told every party; Guangxi's inbox shows what it was told. */
    private void showInbox(String id) {
        String region = SeedMou.CONVENER;
        Object inbox = await("the conclusion in " + region + "'s inbox (notifications-service)", () -> {
            var reply = notifications.expect(200, "read " + region + "'s inbox",
                    notifications.get("/api/notifications?region=" + region + "&size=100", tokens.viewer()));
            boolean concluded = Json.list(reply.body(), "items").stream()
                    .anyMatch(item -> id.equals(Json.string(item, "agreementId")) && SIGNED.equals(Json.string(item, "type")));
            return concluded ? Optional.of(reply.body()) : Optional.empty();
        });
        // newest first
        List<Object> aboutThis = Json.list(inbox, "items").stream()
                .filter(item -> id.equals(Json.string(item, "agreementId"))).toList();
        narrator.line("notifications", "inbox of " + region + ": " + aboutThis.size() + " notifications about this MoU ("
                + Json.number(inbox, "total") + " in all); the latest:");
        narrator.line("notifications", "  \"" + Json.string(aboutThis.get(0), "message") + "\"");
    }

    /** notifications-service POSTed every event of the MoU to the subscribed receiver, signed. */
    private void showWebhooks(WebhookReceiver receiver, String secret, int events) {
        List<WebhookReceiver.Received> received = await(events + " webhooks at the demo's receiver", () -> {
            var all = receiver.received();
            return all.stream().map(WebhookReceiver.Received::webhookId).distinct().count() >= events
                    ? Optional.of(all) : Optional.empty();
        });
        long valid = received.stream().filter(request -> WebhookReceiver.signedWith(secret, request)).count();
        long distinct = received.stream().map(WebhookReceiver.Received::webhookId).distinct().count();
        narrator.line("notifications", "webhooks: " + received.size() + " POSTs to the demo's receiver for "
                + distinct + " events (webhook-id = ce_id); " + (valid == received.size()
                        ? "every signature valid (Standard Webhooks, HMAC-SHA256 with the subscription's secret)"
                        : (received.size() - valid) + " signatures INVALID"));
    }

    /** regions-service added the MoU to each party's portfolio. */
    private void showPortfolio(String id) {
        String region = SHOWN_PORTFOLIO;
        Object entry = await("the MoU as concluded (SIGNED or IN_FORCE) in " + region + "'s portfolio (regions-service)", () -> {
            for (int page = 0; ; page++) {
                var reply = regions.expect(200, "read " + region + "'s portfolio",
                        regions.get("/api/regions/" + region + "/agreements?size=100&page=" + page, tokens.viewer()));
                List<Object> items = Json.list(reply.body(), "items");
                Optional<Object> found = items.stream()
                        .filter(item -> id.equals(Json.string(item, "id"))
                                && CONCLUDED_STATUSES.contains(Json.string(item, "status")))
                        .findFirst();
                if (found.isPresent() || items.isEmpty()) {
                    return found;
                }
            }
        });
        narrator.line("regions", "portfolio of " + region + ": the MoU is " + Json.string(entry, "status") + " ("
                + Json.number(entry, "partyCount") + " parties), " + SeedMou.shortName(region) + " signed at "
                + Json.string(entry, "signedAt"));
    }

    /** The end of the story: who the region now cooperates with, according to regions-service. */
    private void showPartners(String region) {
        var reply = regions.expect(200, "read the partners of " + region,
                regions.get("/api/regions/" + region + "/partners?size=100", tokens.viewer()));
        List<Object> partners = Json.list(reply.body(), "items");
        narrator.headline("Partners of " + SeedMou.shortName(region) + " (" + region + "), from regions-service "
                + regions.url("/api/regions/" + region + "/partners") + ":");
        for (Object partner : partners) {
            long count = Json.number(partner, "signedAgreements");
            narrator.say(String.format("  %-6s %-36s %d signed agreement%s", Json.string(partner, "region"),
                    Json.string(partner, "name"), count, count == 1 ? "" : "s"));
        }
        narrator.say("(every signed agreement counts: each run of ./concord demo adds one to these numbers)");
    }

    // ---- the evidence -------------------------------------------------------------------------------------------------

    /**
     * The end of the story: the record any department can check on its own machine. The demo fetches the evidence
     * bundle and the service's published key set, writes both to files, and verifies the bundle offline with the
     * evidence library, pinning the head the conclusion's event carried; then prints the command that does the same.
     */
    private void verifyEvidence(String id, List<AgreementsTopic.Event> story) {
        var bundle = agreements.expect(200, "fetch the evidence bundle",
                agreements.get("/api/agreements/" + id + "/evidence", tokens.viewer()));
        var serviceKeys = agreements.expect(200, "fetch the service's evidence keys",
                agreements.get("/api/evidence/keys", null));
        Path directory = dataDirectory.toAbsolutePath().normalize().resolve("evidence");
        Path bundleFile = directory.resolve(id + ".json");
        Path keysFile = directory.resolve("service-keys.json");
        try {
            Files.createDirectories(directory);
            Files.writeString(bundleFile, bundle.text(), StandardCharsets.UTF_8);
            Files.writeString(keysFile, serviceKeys.text(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DemoException("could not write the evidence to " + directory + ": " + e.getMessage(), e);
        }
        Object head = story.stream().filter(event -> SIGNED.equals(event.type())).map(event -> Json.at(event.data(), "historyHead"))
                .findFirst().orElseThrow(() -> new DemoException("the conclusion's event carries no historyHead"));
        HistoryHead pinned = new HistoryHead(Json.string(head, "hash"), Json.number(head, "length"));

        narrator.headline("The evidence: a record each department can check on its own machine");
        narrator.say("evidence bundle of the MoU written to " + bundleFile + " (" + Json.list(bundle.body(), "history").size()
                + " history entries, " + Json.list(bundle.body(), "history").stream()
                        .filter(entry -> "signature-recorded".equals(Json.string(entry, "type"))).count()
                + " signatures with their JWS, the regions' keys, a checkpoint signed by agreements-service)");
        narrator.say("the service's published key set (GET /api/evidence/keys, no token needed) written to " + keysFile);
        VerificationReport report;
        try {
            report = new Verifier(Verifier.Options.DEFAULT
                    .trustingServiceKeys(JwkSet.fromJson(org.concord.evidence.Json.parse(serviceKeys.text()), "the service keys"))
                    .knowingHead(pinned))
                    .verify(bundle.text().getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new DemoException("could not verify the evidence: " + e.getMessage(), e);
        }
        narrator.say("verified offline with the evidence library, pinning the head " + pinned.length() + ":"
                + pinned.hash().substring(0, 12) + "... the conclusion's event carried on " + settings.agreementsTopic() + ":");
        report.toText().lines().forEach(narrator::say);
        if (!report.passed()) {
            throw new DemoException("the evidence of " + id + " does NOT verify (above)");
        }
        narrator.say("check it yourself, anywhere with a JDK (the jar needs nothing else):");
        narrator.say("  ./concord verify --service-keys " + keysFile + " --known-head " + pinned.length() + ":"
                + pinned.hash() + " " + bundleFile);
    }

    // ---- waiting ----------------------------------------------------------------------------------------------------

    /** Polls until the value is there; a reaction that does not come within the patience stops the demo, naming it. */
    private <T> T await(String what, Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + settings.patience().toNanos();
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            if (System.nanoTime() > deadline) {
                throw new DemoException("waited " + settings.patience().toSeconds() + " s for " + what + " in vain");
            }
            pause(Duration.ofMillis(300));
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoException("interrupted", e);
        }
    }
}
