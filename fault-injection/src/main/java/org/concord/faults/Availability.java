package org.concord.faults;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Asks the services the fault is not aimed at a question every half second (a region, the inbox, a page of
 * agreements), to show they answer throughout. Counts answers and failures per service, the longest stretch
 * without an answer, and when and why the first few questions were not answered.
 */
final class Availability implements AutoCloseable {

    /** What one service did while it was watched. */
    static final class Watch {
        final String service;
        final URI probe;
        int asked;
        int answered;
        Instant failingSince;
        Duration longestGap = Duration.ZERO;
        final List<String> misses = new ArrayList<>();

        Watch(String service, URI probe) {
            this.service = service;
            this.probe = probe;
        }

        /** One question's outcome: {@code miss} is empty when it was answered, else why not. */
        synchronized void record(Instant askedAt, Optional<String> miss) {
            asked++;
            Instant now = Instant.now();
            miss.filter(reason -> misses.size() < MISSES_SHOWN)
                    .ifPresent(reason -> misses.add(TIME.format(askedAt) + " " + reason));
            if (miss.isEmpty()) {
                answered++;
                if (failingSince != null && Duration.between(failingSince, now).compareTo(longestGap) > 0) {
                    longestGap = Duration.between(failingSince, now);
                }
                failingSince = null;
            } else if (failingSince == null) {
                failingSince = now;
            }
        }

        synchronized String describe() {
            return service + " " + answered + "/" + asked
                    + (longestGap.isZero() ? "" : " (longest gap " + longestGap.toSeconds() + " s)")
                    + (misses.isEmpty() ? "" : " [missed: " + String.join("; ", misses) + "]");
        }

        synchronized boolean always() {
            return answered == asked;
        }
    }

    private static final int MISSES_SHOWN = 3;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.S").withZone(ZoneOffset.UTC);

    private static final Map<String, String> PROBES = Map.of(
            "regions-service", "/api/regions/CN-GX",
            "agreements-service", "/api/agreements?size=1",
            "notifications-service", "/api/notifications?size=1");

    private final Map<String, Watch> watches = new LinkedHashMap<>();
    private final Http http = new Http();
    private final String token;
    private final ScheduledExecutorService clock = Executors.newScheduledThreadPool(3, runnable -> {
        Thread thread = new Thread(runnable, "availability");
        thread.setDaemon(true);
        return thread;
    });

    Availability(Stack stack, List<String> services) {
        this(probes(stack, services), stack.token("viewer", null));
    }

    /** Watches each service by its probe, {@code token} on every question. */
    Availability(Map<String, URI> probes, String token) {
        this.token = token;
        probes.forEach((service, probe) -> watches.put(service, new Watch(service, probe)));
    }

    private static Map<String, URI> probes(Stack stack, List<String> services) {
        Map<String, URI> probes = new LinkedHashMap<>();
        services.forEach(service -> probes.put(service, stack.url(service).resolve(PROBES.get(service))));
        return probes;
    }

    Availability start() {
        for (Watch watch : watches.values()) {
            clock.scheduleWithFixedDelay(() -> ask(watch), 0, 500, TimeUnit.MILLISECONDS);
        }
        return this;
    }

    private void ask(Watch watch) {
        Instant askedAt = Instant.now();
        Optional<String> miss;
        try {
            Http.Reply reply = http.get(watch.probe, token);
            miss = reply.ok() ? Optional.empty() : Optional.of("HTTP " + reply.status());
        } catch (InterruptedException e) {
            // withdrawn, not unanswered: the watch is being closed
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            miss = Optional.of(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
        watch.record(askedAt, miss);
    }

    /**
     * "regions-service 240/240, notifications-service 238/240 (longest gap 1 s) [missed: 19:52:40.1 HTTP 503; ...]", or
     * "-" when nothing was watched.
     */
    String describe() {
        return watches.isEmpty() ? "-" : String.join(", ", watches.values().stream().map(Watch::describe).toList());
    }

    boolean alwaysAnswered() {
        return watches.values().stream().allMatch(Watch::always);
    }

    /** Asks no more, and lets a question in flight get its answer (or its timeout) before the counts are read. */
    @Override
    public void close() {
        clock.shutdown();
        try {
            if (!clock.awaitTermination(Http.TIMEOUT.toSeconds() + 2, TimeUnit.SECONDS)) {
                clock.shutdownNow();
            }
        } catch (InterruptedException e) {
            clock.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
