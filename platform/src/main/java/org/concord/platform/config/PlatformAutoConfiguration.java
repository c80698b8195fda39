package org.concord.platform.config;

import java.lang.management.ManagementFactory;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationPredicate;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.r2dbc.pool.ConnectionPool;
import org.concord.platform.deadletter.DeadLetterController;
import org.concord.platform.deadletter.DeadLetters;
import org.concord.platform.inbox.IdempotentConsumer;
import org.concord.platform.lifecycle.PeriodicTask;
import org.concord.platform.messaging.ConcordTopics;
import org.concord.platform.messaging.ConsumerBindings;
import org.concord.platform.messaging.ConsumerLag;
import org.concord.platform.messaging.ConsumerTelemetry;
import org.concord.platform.messaging.DeadLetterPublisher;
import org.concord.platform.messaging.DeadLetterTopics;
import org.concord.platform.messaging.EventConsumer;
import org.concord.platform.messaging.EventConsumers;
import org.concord.platform.openapi.ApiDocument;
import org.concord.platform.openapi.NullableProperties;
import org.concord.platform.openapi.OperationDocumentation;
import org.concord.platform.observability.GaugeRefresher;
import org.concord.platform.observability.MeterDescriptions;
import org.concord.platform.observability.TraceContext;
import org.concord.platform.outbox.Outbox;
import org.concord.platform.outbox.OutboxBacklog;
import org.concord.platform.outbox.OutboxListener;
import org.concord.platform.outbox.OutboxProperties;
import org.concord.platform.outbox.OutboxRelay;
import org.concord.platform.outbox.RelayTelemetry;
import org.concord.platform.security.SecurityConfiguration;
import org.concord.platform.security.SecurityProperties;
import org.concord.platform.startup.DurableCommits;
import org.concord.platform.startup.KafkaStartupCheck;
import org.concord.platform.persistence.H2FileHousekeeping;
import org.concord.platform.persistence.CheckedReturns;
import org.concord.platform.persistence.H2Strings;
import org.concord.platform.persistence.LastVersionWins;
import org.concord.platform.usecase.UseCases;
import org.concord.platform.web.IdempotentRequests;
import org.concord.platform.web.LastResortErrors;
import org.concord.platform.web.ProblemDetails;
import org.concord.platform.web.RequestLimits;
import org.concord.platform.web.StrictRequestBodies;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.r2dbc.autoconfigure.ConnectionFactoryOptionsBuilderCustomizer;
import org.springframework.cloud.function.observability.FunctionContext;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.backoff.FixedBackOff;
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
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration",
        "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration" })
@EnableConfigurationProperties({ ConcordTopics.class, OutboxProperties.class, SecurityProperties.class })
@Import(SecurityConfiguration.class)
@EnableScheduling
public class PlatformAutoConfiguration {

    /** Longer than any use of a database connection takes; also how long such a connection has to answer. */
    static final java.time.Duration HELD_LONG = java.time.Duration.ofSeconds(2);

    @Bean
    KafkaStartupCheck kafkaStartupCheck(KafkaProperties kafka,
            @Value("${concord.startup.kafka-timeout}") java.time.Duration timeout) {
        return new KafkaStartupCheck(String.join(",", kafka.getBootstrapServers()), timeout);
    }

    /**
     * What every database session needs whatever the server's or the URL's defaults: PostgreSQL commits synchronously
     * (see DurableCommits), H2 keeps strings in their rows (see H2Strings).
     */
    @Bean
    ConnectionFactoryOptionsBuilderCustomizer databaseSessions(@Value("${spring.r2dbc.url:}") String url) {
        return builder -> {
            if (DurableCommits.isPostgres(url)) {
                builder.option(io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider.OPTIONS, DurableCommits.POSTGRES_SESSION);
            }
            H2Strings.settingFor(url).ifPresent(h2Strings ->
                    builder.option(io.r2dbc.h2.H2ConnectionFactoryProvider.OPTIONS, h2Strings));
        };
    }

    /**
     * A PostgreSQL connection held longer than {@link #HELD_LONG} must answer a round trip within it before it goes
     * back to the pool (see CheckedReturns). H2 runs in the service's own process: nothing to ask.
     */
    @Bean
    static BeanPostProcessor postgresConnectionsCheckedOnTheirWayBack(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof ConnectionPool pool
                        && DurableCommits.isPostgres(environment.getProperty("spring.r2dbc.url"))
                        ? new CheckedReturns(pool, HELD_LONG) : bean;
            }
        };
    }

    @Bean
    DurableCommits durableCommits(DatabaseClient db, @Value("${spring.r2dbc.url:}") String url) {
        return new DurableCommits(db, url);
    }

    /** An H2 file database is compacted by the service itself: with WRITE_DELAY=0 H2 does not (see H2FileHousekeeping). */
    @Bean(destroyMethod = "close")
    @Conditional(H2FileDatabase.class)
    H2FileHousekeeping h2FileHousekeeping(@Value("${spring.flyway.url}") String url,
            @Value("${spring.flyway.user:}") String user, @Value("${spring.flyway.password:}") String password) {
        return new H2FileHousekeeping(url, user, password);
    }

    @Bean
    @Conditional(H2FileDatabase.class)
    PeriodicTask h2Housekeeping(H2FileHousekeeping housekeeping,
            @Value("${concord.database.h2-housekeeping-interval}") java.time.Duration interval) {
        return new PeriodicTask("h2-housekeeping", interval, interval, housekeeping::tidy);
    }

    static final class H2FileDatabase implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return DurableCommits.isH2File(context.getEnvironment().getProperty("spring.r2dbc.url"));
        }
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

    /** The W3C trace context of the current request or record (a no-op without tracing). */
    @Bean
    TraceContext traceContext(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new TraceContext(tracer.getIfAvailable(() -> Tracer.NOOP), propagator.getIfAvailable(() -> Propagator.NOOP));
    }

    /** Every meter with a description: the scrape passes promtool. */
    @Bean
    MeterDescriptions meterDescriptions() {
        return new MeterDescriptions();
    }

    @Bean
    ConsumerTelemetry consumerTelemetry(ObjectProvider<MeterRegistry> meters) {
        return new ConsumerTelemetry(meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    /** What each consumer binding reads, in which group, where its dead letters go, and how often a record is tried. */
    @Bean
    ConsumerBindings consumerBindings(BindingServiceProperties stream, @Value("${spring.application.name}") String service) {
        var bindings = new java.util.ArrayList<ConsumerBindings.Binding>();
        stream.getBindings().forEach((name, binding) -> {
            if (name.endsWith("-in-0") && binding.getDestination() != null) {
                String function = name.substring(0, name.length() - "-in-0".length());
                var consumer = stream.getConsumerProperties(name);
                var attempts = new ConsumerBindings.Attempts(consumer.getMaxAttempts(),
                        java.time.Duration.ofMillis(consumer.getBackOffInitialInterval()), consumer.getBackOffMultiplier(),
                        java.time.Duration.ofMillis(consumer.getBackOffMaxInterval()));
                bindings.add(new ConsumerBindings.Binding(function, service + "." + function, binding.getDestination(),
                        stream.getGroup(name), DeadLetterTopics.of(binding.getDestination(), service), attempts));
            }
        });
        return new ConsumerBindings(bindings);
    }

    @Bean
    GaugeRefresher gaugeRefresher() {
        return new GaugeRefresher();
    }

    @Bean
    PeriodicTask gaugeRefreshing(GaugeRefresher refresher, @Value("${concord.metrics.refresh-interval}") java.time.Duration interval) {
        return new PeriodicTask("gauge-refresh", java.time.Duration.ZERO, interval, refresher::refreshNow);
    }

    @Bean(destroyMethod = "close")
    ConsumerLag consumerLag(KafkaProperties kafka, ConsumerBindings bindings, GaugeRefresher refresher,
            OutboxProperties outbox, ObjectProvider<MeterRegistry> meters,
            @Value("${spring.application.name}") String service) {
        var config = new java.util.HashMap<>(kafka.buildAdminProperties());
        config.put(org.apache.kafka.clients.admin.AdminClientConfig.CLIENT_ID_CONFIG, service + "-consumer-lag");
        ConsumerLag lag = new ConsumerLag(config, bindings, outbox.operationTimeout(), meters.getIfAvailable(SimpleMeterRegistry::new));
        refresher.add(lag);
        return lag;
    }

    @Bean
    OutboxBacklog outboxBacklog(DatabaseClient db, OutboxProperties outbox, GaugeRefresher refresher,
            ObjectProvider<MeterRegistry> meters) {
        OutboxBacklog backlog = new OutboxBacklog(db, outbox.operationTimeout(), meters.getIfAvailable(SimpleMeterRegistry::new));
        refresher.add(backlog);
        return backlog;
    }

    @Bean
    DeadLetters deadLetters(@Value("${spring.application.name}") String service, ConsumerBindings bindings,
            ObjectProvider<EventConsumer> consumers, IdempotentConsumer inbox, KafkaProperties kafka,
            OutboxProperties outbox, ObjectProvider<MeterRegistry> meters) {
        var config = new java.util.HashMap<>(kafka.buildConsumerProperties());
        config.put(org.apache.kafka.clients.consumer.ConsumerConfig.CLIENT_ID_CONFIG, service + "-dead-letters");
        return DeadLetters.create(service, bindings, consumers.orderedStream().toList(), inbox, config,
                outbox.operationTimeout(), meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    DeadLetterController deadLetterController(DeadLetters deadLetters) {
        return new DeadLetterController(deadLetters);
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
    EventConsumers eventConsumers(IdempotentConsumer inbox, JsonMapper json, ConsumerTelemetry telemetry,
            ConsumerBindings bindings, DeadLetterPublisher deadLetters, ObjectProvider<ObservationRegistry> observations,
            @Value("${spring.application.name}") String service) {
        bindings.bindings().forEach(binding -> telemetry.register(binding.consumer()));
        return new EventConsumers(service, inbox, json, telemetry, bindings, deadLetters,
                observations.getIfAvailable(() -> ObservationRegistry.NOOP));
    }

    /**
     * Where the consumers park what they cannot process, {@code <topic>.<service>.dlq}: with the service's producer
     * settings (acks=all, idempotence), waiting for the acknowledgement as long as the producer may take to deliver.
     */
    @Bean(destroyMethod = "close")
    DeadLetterPublisher deadLetterPublisher(@Value("${spring.application.name}") String service, KafkaProperties kafka) {
        var producer = new java.util.HashMap<>(kafka.buildProducerProperties());
        producer.put(org.apache.kafka.clients.producer.ProducerConfig.CLIENT_ID_CONFIG, service + "-dead-letters");
        var admin = new java.util.HashMap<>(kafka.buildAdminProperties());
        admin.put(org.apache.kafka.clients.admin.AdminClientConfig.CLIENT_ID_CONFIG, service + "-dead-letter-topics");
        long deliveryTimeout = Long.parseLong(String.valueOf(producer.getOrDefault(
                org.apache.kafka.clients.producer.ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "120000")));
        return new DeadLetterPublisher(service, producer, admin, java.time.Duration.ofMillis(deliveryTimeout + 2000));
    }

    /**
     * What the binder does when a consumer throws (a record it could not park, a database hold cut short at shutdown):
     * nothing of the poll is acknowledged, and the poll is tried again a second later, for as long as it takes.
     */
    @Bean
    CommonErrorHandler concordConsumerErrorHandler() {
        DefaultErrorHandler handler = new DefaultErrorHandler(new FixedBackOff(1000L, FixedBackOff.UNLIMITED_ATTEMPTS));
        handler.setClassifications(java.util.Map.of(), true);
        return handler;
    }

    /**
     * The listener container would time each poll under the name the consumers time each record with
     * ({@code spring.kafka.listener}, with other tags: Prometheus takes only one set); the per-record one is kept.
     */
    @Bean
    ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>> noListenerMeterPerPoll() {
        return (container, destination, group) -> container.getContainerProperties().setMicrometerEnabled(false);
    }

    /**
     * Spring Cloud Function observes each call of a function; a consumer is called once per poll, and observes each
     * record itself, as the function's observation did when it was called per record.
     */
    @Bean
    ObservationPredicate noObservationPerPoll() {
        return (name, context) -> !(context instanceof FunctionContext);
    }

    @Bean
    LastVersionWins lastVersionWins(DatabaseClient db) {
        return new LastVersionWins(db);
    }

    @Bean
    Outbox outbox(DatabaseClient db, JsonMapper json, java.util.Optional<OutboxRelay> relay, TraceContext trace,
            ObjectProvider<OutboxListener> listeners) {
        return new Outbox(db, json, () -> relay.ifPresent(OutboxRelay::wakeUp), trace, listeners.orderedStream().toList());
    }

    @Bean
    @ConditionalOnProperty(name = "concord.outbox.relay.enabled", havingValue = "true", matchIfMissing = true)
    OutboxRelay outboxRelay(DatabaseClient db, KafkaProperties kafka, OutboxProperties properties,
            @Value("${spring.application.name}") String service, TraceContext trace,
            ObjectProvider<MeterRegistry> meters) {
        OutboxRelay relay = OutboxRelay.create(db, kafka.buildProducerProperties(), properties, service, instanceName(service));
        relay.observe(new RelayTelemetry(trace, meters.getIfAvailable(SimpleMeterRegistry::new)));
        return relay;
    }

    private static String instanceName(String service) {
        return service + "@" + ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }
}
