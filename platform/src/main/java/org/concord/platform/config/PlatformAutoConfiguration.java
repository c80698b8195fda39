package org.concord.platform.config;

import java.lang.management.ManagementFactory;
import java.util.UUID;

import org.concord.platform.cloudevents.Traceparent;
import org.concord.platform.inbox.IdempotentConsumer;
import org.concord.platform.messaging.ConcordTopics;
import org.concord.platform.messaging.DeadLetterTopics;
import org.concord.platform.messaging.EventConsumers;
import org.concord.platform.openapi.ApiDocument;
import org.concord.platform.openapi.NullableProperties;
import org.concord.platform.openapi.OperationDocumentation;
import org.concord.platform.outbox.Outbox;
import org.concord.platform.outbox.OutboxProperties;
import org.concord.platform.outbox.OutboxRelay;
import org.concord.platform.security.SecurityConfiguration;
import org.concord.platform.security.SecurityProperties;
import org.concord.platform.startup.DurableCommits;
import org.concord.platform.startup.KafkaStartupCheck;
import org.concord.platform.persistence.LastVersionWins;
import org.concord.platform.usecase.UseCases;
import org.concord.platform.web.IdempotentRequests;
import org.concord.platform.web.LastResortErrors;
import org.concord.platform.web.ProblemDetails;
import org.concord.platform.web.RequestLimits;
import org.concord.platform.web.StrictRequestBodies;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.r2dbc.autoconfigure.ConnectionFactoryOptionsBuilderCustomizer;
import org.springframework.cloud.stream.binder.kafka.utils.DlqDestinationResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.util.unit.DataSize;
import org.springframework.transaction.reactive.TransactionalOperator;
import tools.jackson.databind.json.JsonMapper;

/** Wires the platform into every service: use cases, outbox and relay, event consumers, problem details, checks. */
@AutoConfiguration(afterName = {
        "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
        "org.springframework.boot.data.r2dbc.autoconfigure.DataR2dbcAutoConfiguration",
        "org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration",
        "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration" })
@EnableConfigurationProperties({ ConcordTopics.class, OutboxProperties.class, SecurityProperties.class })
@Import(SecurityConfiguration.class)
@EnableScheduling
public class PlatformAutoConfiguration {

    @Bean
    KafkaStartupCheck kafkaStartupCheck(KafkaProperties kafka,
            @Value("${concord.startup.kafka-timeout}") java.time.Duration timeout) {
        return new KafkaStartupCheck(String.join(",", kafka.getBootstrapServers()), timeout);
    }

    /** PostgreSQL sessions commit synchronously whatever the server's defaults (see DurableCommits). */
    @Bean
    ConnectionFactoryOptionsBuilderCustomizer durablePostgresSessions(@Value("${spring.r2dbc.url:}") String url) {
        return builder -> {
            if (DurableCommits.isPostgres(url)) {
                builder.option(io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider.OPTIONS, DurableCommits.POSTGRES_SESSION);
            }
        };
    }

    @Bean
    DurableCommits durableCommits(DatabaseClient db, @Value("${spring.r2dbc.url:}") String url) {
        return new DurableCommits(db, url);
    }

    @Bean
    ProblemDetails problemDetails() {
        return new ProblemDetails();
    }

    @Bean
    StrictRequestBodies strictRequestBodies(JsonMapper json) {
        return new StrictRequestBodies(json);
    }

    @Bean
    RequestLimits requestLimits(@Value("${concord.web.max-uri-length}") DataSize maxUriLength,
            @Value("${concord.web.max-header-size}") DataSize maxHeaderSize) {
        return new RequestLimits(maxUriLength, maxHeaderSize);
    }

    @Bean
    LastResortErrors lastResortErrors() {
        return new LastResortErrors();
    }

    /** Every operation of the OpenAPI document completed the same way (roles, errors, shared headers). */
    @Bean
    OperationDocumentation operationDocumentation() {
        return new OperationDocumentation();
    }

    /** Which properties of the OpenAPI schemas may be null. */
    @Bean
    NullableProperties nullableProperties() {
        return new NullableProperties();
    }

    /** The OpenAPI document's shared parts: info with the project version, server, security scheme, components. */
    @Bean
    ApiDocument apiDocument(@Value("${spring.application.name}") String service) {
        return new ApiDocument(service, ApiDocument.projectVersion());
    }

    @Bean
    Traceparent traceparent() {
        return new Traceparent();
    }

    @Bean
    IdempotentConsumer idempotentConsumer(DatabaseClient db, TransactionalOperator tx, OutboxProperties outbox) {
        return new IdempotentConsumer(db, tx, outbox.operationTimeout());
    }

    @Bean
    UseCases useCases(TransactionalOperator tx,
            @Value("${concord.transactions.conflict-attempts}") int conflictAttempts) {
        return new UseCases(tx, conflictAttempts);
    }

    @Bean
    IdempotentRequests idempotentRequests(DatabaseClient db, UseCases useCases, JsonMapper json,
            java.util.Optional<java.time.Clock> clock, @Value("${concord.idempotency.retention}") java.time.Duration retention) {
        return new IdempotentRequests(db, useCases, json, clock.orElseGet(java.time.Clock::systemUTC), retention);
    }

    @Bean
    EventConsumers eventConsumers(IdempotentConsumer inbox, JsonMapper json,
            @Value("${spring.application.name}") String service) {
        return new EventConsumers(service, inbox, json);
    }

    /** Every binding parks what it cannot process in {@code <topic>.<service>.dlq}. */
    @Bean
    DlqDestinationResolver concordDeadLetterTopics(@Value("${spring.application.name}") String service) {
        return (record, exception) -> DeadLetterTopics.of(record.topic(), service);
    }

    @Bean
    LastVersionWins lastVersionWins(DatabaseClient db) {
        return new LastVersionWins(db);
    }

    @Bean
    Outbox outbox(DatabaseClient db, JsonMapper json, java.util.Optional<OutboxRelay> relay) {
        return new Outbox(db, json, () -> relay.ifPresent(OutboxRelay::wakeUp));
    }

    @Bean
    @ConditionalOnProperty(name = "concord.outbox.relay.enabled", havingValue = "true", matchIfMissing = true)
    OutboxRelay outboxRelay(DatabaseClient db, KafkaProperties kafka, OutboxProperties properties,
            @Value("${spring.application.name}") String service) {
        return OutboxRelay.create(db, kafka.buildProducerProperties(), properties, service, instanceName(service));
    }

    private static String instanceName(String service) {
        return service + "@" + ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }
}
