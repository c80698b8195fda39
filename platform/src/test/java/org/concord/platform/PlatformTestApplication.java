package org.concord.platform;

import java.util.function.Consumer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.concord.platform.cloudevents.CloudEvent;
import org.concord.platform.cloudevents.InvalidCloudEventException;
import org.concord.platform.inbox.IdempotentConsumer;
import org.concord.platform.security.AccessRules;
import org.concord.platform.security.Roles;
import org.concord.platform.web.DomainException;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.messaging.Message;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A minimal service that uses the platform the way the real services do, for the platform's own tests. */
@SpringBootApplication
public class PlatformTestApplication {

    public static final String NAME = "platform-test";

    /** A consumer like the services' ones: idempotent, and poison records end in the dead-letter topic. */
    @Bean
    Consumer<Message<byte[]>> recordEffects(IdempotentConsumer consumer, DatabaseClient db) {
        return message -> consumer.apply("record-effects", CloudEvent.from(message), event -> {
            if (event.dataAsString().contains("poison")) {
                throw new InvalidCloudEventException("cannot process " + event.id());
            }
            return db.sql("INSERT INTO test_effect (event_id, payload) VALUES (:id, :payload)")
                    .bind("id", event.id()).bind("payload", event.dataAsString()).then();
        });
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

        @GetMapping("/test/refusals/{kind}")
        Mono<Void> refuse(@PathVariable DomainException.Kind kind) {
            return Mono.error(new DomainException(kind, "refused because the test said " + kind));
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
