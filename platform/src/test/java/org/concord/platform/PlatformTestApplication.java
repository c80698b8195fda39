package org.concord.platform;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.concord.platform.domain.DomainException;
import org.concord.platform.messaging.EventConsumer;
import org.concord.platform.messaging.EventConsumers;
import org.concord.platform.observability.TraceContext;
import org.concord.platform.persistence.Sql;
import org.concord.platform.security.AccessRules;
import org.concord.platform.security.Roles;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.dao.DataAccessResourceFailureException;
import reactor.core.publisher.Mono;

/** A minimal service that uses the platform the way the real services do, for the platform's own tests. */
@SpringBootApplication
public class PlatformTestApplication {

    public static final String NAME = "platform-test";

    /** How often each event's effect has met an unavailable database so far. */
    static final java.util.Map<String, Integer> OUTAGES = new java.util.concurrent.ConcurrentHashMap<>();

    /** Events whose effect fails (a bug in the consumer, say) until a test takes them out: the cause is fixed. */
    public static final java.util.Set<String> BROKEN = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * Events whose effect, once it runs, waits until a test counts their latch down: a poll's transaction held open in
     * the middle. {@link #REACHED} tells which have started waiting.
     */
    public static final java.util.Map<String, java.util.concurrent.CountDownLatch> HELD = new java.util.concurrent.ConcurrentHashMap<>();
    public static final java.util.Set<String> REACHED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * The consumer's own view of the test events; one that says it is poison cannot be read; one that says
     * {@code "unavailable": k} finds the database unavailable the first k times its effect runs.
     */
    record TestData(Integer n, Boolean poison, Integer unavailable) {
        TestData {
            if (Boolean.TRUE.equals(poison)) {
                throw new IllegalArgumentException("poison");
            }
        }
    }

    /**
     * A consumer declared like the services' ones: idempotent, and poison records end in the dead-letter topic. Its
     * effect stores the trace context it runs in, as a service's effect does with what it writes (an outbox row, a
     * webhook delivery).
     */
    @Bean
    EventConsumer recordEffects(EventConsumers consumers, DatabaseClient db, TraceContext trace) {
        return consumers.function("recordEffects")
                .on("concord.agreement.*", TestData.class, (event, data) -> Mono.defer(() -> {
                    if (BROKEN.contains(event.id())) {
                        return Mono.error(new IllegalStateException("the effect of " + event.id() + " is broken"));
                    }
                    if (data.unavailable() != null && OUTAGES.merge(event.id(), 1, Integer::sum) <= data.unavailable()) {
                        return Mono.error(new DataAccessResourceFailureException("Failed to obtain R2DBC Connection"));
                    }
                    return held(event.id()).then(trace.current().defaultIfEmpty("").flatMap(traceparent -> Sql.bind(
                            db.sql("INSERT INTO test_effect (event_id, payload, traceparent) VALUES (:id, :payload, :traceparent)")
                                    .bind("id", event.id()).bind("payload", event.dataAsString()),
                            "traceparent", traceparent.isEmpty() ? null : traceparent, String.class).then()));
                }))
                .build();
    }

    /** Waits (off the database's threads) while the test holds the event. */
    private static Mono<Void> held(String eventId) {
        var latch = HELD.get(eventId);
        if (latch == null) {
            return Mono.empty();
        }
        return Mono.fromCallable(() -> {
            REACHED.add(eventId);
            return latch.await(60, java.util.concurrent.TimeUnit.SECONDS);
        }).subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic()).then();
    }

    /** Like a service's own rules: only signatories sign. */
    @Bean
    AccessRules signingRules() {
        return exchanges -> exchanges.pathMatchers(HttpMethod.POST, "/api/things/*/signatures").hasRole(Roles.SIGNATORY);
    }

    record Thing(@NotBlank String name, @Size(max = 3) java.util.List<String> tags, Integer count) {
    }

    @RestController
    static class ThingController {

        @PostMapping("/test/things")
        Mono<Thing> create(@Valid @RequestBody Thing thing) {
            return Mono.just(thing);
        }

        @GetMapping("/test/refusals/{meaning}")
        Mono<Void> refuse(@PathVariable DomainException.Meaning meaning) {
            return Mono.error(new DomainException(meaning, "refused because the test said " + meaning));
        }

        @GetMapping("/api/things/{id}")
        Mono<Thing> read(@PathVariable String id) {
            return Mono.just(new Thing(id, java.util.List.of(), 1));
        }

        @PostMapping("/api/things/{id}/signatures")
        Mono<Thing> sign(@PathVariable String id) {
            return Mono.just(new Thing(id, java.util.List.of("signed"), 1));
        }

        @GetMapping("/test/failure")
        Mono<Void> fail() {
            return Mono.error(new IllegalStateException("secret internal detail"));
        }
    }
}
