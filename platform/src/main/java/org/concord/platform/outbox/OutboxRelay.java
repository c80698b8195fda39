package org.concord.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.concord.platform.cloudevents.CloudEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Publishes outbox rows to Kafka in the order they were written, then deletes them: the outbox is a queue, it holds
 * only the events not yet published.
 *
 * <p>Guarantees: a row is deleted only after the broker acknowledged it (acks=all, idempotent producer), so
 * nothing is lost; if the relay dies between publishing and deleting, the row is published again with the same
 * {@code ce_id} (at least once; consumers are idempotent). Only the holder of the relay lease publishes, so
 * with several service instances the per-key order still holds. It wakes on every commit that wrote an event
 * and polls every {@code poll-interval} for rows written by other instances.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private static final String UNPUBLISHED = """
            SELECT seq, event_id, topic, message_key, event_type, subject, occurred_at, traceparent, payload
            FROM outbox_event ORDER BY seq LIMIT :limit""";
    private static final String DELETE_PUBLISHED = "DELETE FROM outbox_event WHERE seq IN (:seqs)";

    private final DatabaseClient db;
    private final ProducerFactory<String, byte[]> producers;
    private final KafkaTemplate<String, byte[]> kafka;
    private final OutboxRelayLease lease;
    private final OutboxProperties properties;
    private final String source;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile RelayObserver observer = RelayObserver.NONE;
    private volatile boolean running;
    private Thread worker;

    public OutboxRelay(DatabaseClient db, ProducerFactory<String, byte[]> producers, OutboxRelayLease lease,
            OutboxProperties properties, String source) {
        this.db = db;
        this.producers = producers;
        this.kafka = new KafkaTemplate<>(producers);
        this.lease = lease;
        this.properties = properties;
        this.source = source;
    }

    /**
     * A relay of {@code service}'s outbox publishing with a producer of the given Kafka properties; {@code instance}
     * names it in the lease (unique per running instance).
     */
    public static OutboxRelay create(DatabaseClient db, Map<String, Object> producer, OutboxProperties properties,
            String service, String instance) {
        Map<String, Object> config = new HashMap<>(producer);
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, service + "-outbox-relay");
        var producers = new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new ByteArraySerializer());
        return new OutboxRelay(db, producers, new OutboxRelayLease(db, instance, properties.leaseDuration()), properties,
                "/concord/" + service);
    }

    /** Who hears what the relay does (telemetry); nobody by default. */
    public void observe(RelayObserver observer) {
        this.observer = observer;
    }

    /** Asks the relay to look for new rows now rather than at its next poll. */
    public void wakeUp() {
        wakeUp.release();
    }

    @Override
    public void start() {
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void stop() {
        running = false;
        wakeUp();
        if (worker != null) {
            try {
                worker.join(properties.pollInterval().toMillis() + 5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        lease.release();
        producers.reset();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        Duration backoff = Duration.ZERO;
        while (running) {
            try {
                awaitWork(backoff);
                while (running && lease.acquire() && publishBatch() == properties.batchSize()) {
                    // a full batch: there may be more waiting
                }
                backoff = Duration.ZERO;
            } catch (RuntimeException e) {
                backoff = nextBackoff(backoff);
                log.warn("outbox relay could not publish, retrying in {} ms: {}", backoff.toMillis(), rootMessage(e));
            }
        }
    }

    /** Publishes one batch and returns how many rows it published. */
    int publishBatch() {
        List<OutboxRow> rows = unpublished();
        if (rows.isEmpty()) {
            return 0;
        }
        long started = System.nanoTime();
        List<Long> published = sendInOrder(rows);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        deletePublished(published);
        if (!published.isEmpty()) {
            observer.batchPublished(published.size(), took);
        }
        if (published.size() < rows.size()) {
            // start the next attempt with a fresh producer: after a broker outage the old one may be unusable
            producers.reset();
            throw new IllegalStateException("broker did not acknowledge event " + rows.get(published.size()).eventId());
        }
        return published.size();
    }

    List<OutboxRow> unpublished() {
        return db.sql(UNPUBLISHED)
                .bind("limit", properties.batchSize())
                .map((row, meta) -> OutboxRow.from(row))
                .all()
                .collectList()
                .blockOptional(properties.operationTimeout())
                .orElse(List.of());
    }

    List<Long> sendInOrder(List<OutboxRow> rows) {
        List<CompletableFuture<?>> acks = new ArrayList<>(rows.size());
        for (OutboxRow row : rows) {
            ProducerRecord<String, byte[]> record = toRecord(row);
            RelayObserver.Sent sent = observer.sending(record, row.traceparent(), row.occurredAt());
            acks.add(kafka.send(record).whenComplete((result, failure) -> sent.done(failure)));
        }
        List<Long> published = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            try {
                acks.get(i).get(properties.operationTimeout().toMillis(), TimeUnit.MILLISECONDS);
                published.add(rows.get(i).seq());
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                log.debug("publishing outbox event {} failed", rows.get(i).eventId(), e);
                break;
            }
        }
        return published;
    }

    private void deletePublished(List<Long> seqs) {
        if (seqs.isEmpty()) {
            return;
        }
        db.sql(DELETE_PUBLISHED)
                .bind("seqs", seqs)
                .then()
                .block(properties.operationTimeout());
    }

    private ProducerRecord<String, byte[]> toRecord(OutboxRow row) {
        var event = new CloudEvent(row.eventId(), source, row.type(), row.subject(), row.occurredAt(),
                row.traceparent(), row.key(), row.payload().getBytes(StandardCharsets.UTF_8));
        var record = new ProducerRecord<String, byte[]>(row.topic(), row.key(), event.data());
        event.headers().forEach((name, value) ->
                record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
        return record;
    }

    private void awaitWork(Duration backoff) {
        try {
            if (!backoff.isZero()) {
                Thread.sleep(backoff.toMillis());
            }
            wakeUp.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
            wakeUp.drainPermits();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private Duration nextBackoff(Duration current) {
        Duration next = current.isZero() ? Duration.ofMillis(100) : current.multipliedBy(2);
        return next.compareTo(properties.maxBackoff()) > 0 ? properties.maxBackoff() : next;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    @Override
    public int getPhase() {
        // start after the database and stop before it
        return Integer.MAX_VALUE - 1000;
    }
}
