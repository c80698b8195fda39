package org.concord.platform.observability;

import java.util.List;

/**
 * The names and tags of every meter Concord registers itself, in one place (docs/observability.md explains each).
 * Names are Micrometer's (dotted); the Prometheus scrape shows them with underscores and a unit or {@code _total}
 * suffix, e.g. {@code concord.outbox.backlog} as {@code concord_outbox_backlog}.
 */
public final class ConcordMeters {

    /** Outbox rows not yet published (gauge; the same value on every instance of a service: one shared table). */
    public static final String OUTBOX_BACKLOG = "concord.outbox.backlog";
    /** Age of the oldest unpublished outbox row, in seconds; 0 when there is none (gauge). */
    public static final String OUTBOX_OLDEST_AGE = "concord.outbox.oldest.age";
    /** One relay batch: from the first send to the last broker acknowledgement (timer). */
    public static final String RELAY_PUBLISH = "concord.outbox.relay.publish";
    /** Rows per relay batch (distribution summary). */
    public static final String RELAY_BATCH_SIZE = "concord.outbox.relay.batch.size";
    /** From an event's commit to the broker's acknowledgement of it (timer). */
    public static final String RELAY_DELAY = "concord.outbox.relay.delay";

    /** Records a consumer read, by {@link #CONSUMER} and {@link #OUTCOME} (counter). */
    public static final String CONSUMER_RECORDS = "concord.consumer.records";
    /** Records of a consumer group's topic partition not yet read by the group (gauge). */
    public static final String CONSUMER_LAG = "concord.consumer.lag";
    /** Records in a dead-letter topic (end offset minus start offset, per topic; gauge). */
    public static final String DEAD_LETTERS = "concord.dead.letters";
    /** Dead letters replayed by an operator, by {@link #CONSUMER} and {@link #OUTCOME} (counter). */
    public static final String DEAD_LETTER_REPLAYS = "concord.dead.letters.replays";

    /** Webhook attempts, by {@link #OUTCOME} and {@link #ATTEMPT}, timed (request to response; timer). */
    public static final String WEBHOOK_ATTEMPTS = "concord.webhook.attempts";
    /** Webhook deliveries queued and not yet ended: due, or waiting for a later retry (gauge; one shared table). */
    public static final String WEBHOOK_PENDING = "concord.webhook.pending";
    /** How long the oldest due webhook delivery has been due, in seconds; 0 when none is (gauge). */
    public static final String WEBHOOK_OLDEST_DUE_AGE = "concord.webhook.oldest.due.age";
    /** Live feed (Server-Sent Events) readers connected to this instance (gauge). */
    public static final String FEED_READERS = "concord.feed.readers";
    /** Agreements by {@link #STATUS} (gauge). */
    public static final String AGREEMENTS = "concord.agreements";
    /** Signatures recorded (counted once their transaction committed; counter). */
    public static final String SIGNATURES = "concord.agreements.signatures";

    /** Tag: a consumer, {@code <service>.<function>}. */
    public static final String CONSUMER = "consumer";
    /** Tag: what became of a record or an attempt. */
    public static final String OUTCOME = "outcome";
    /** Tag: a webhook attempt's number, {@code 1} to {@code 8}, then {@code 9+} (bounded). */
    public static final String ATTEMPT = "attempt";
    /** Tag: an agreement status. */
    public static final String STATUS = "status";
    /** Tags of the lag gauge. */
    public static final String GROUP = "group";
    public static final String TOPIC = "topic";
    public static final String PARTITION = "partition";

    /** Outcomes of {@link #CONSUMER_RECORDS}. */
    public static final String APPLIED = "applied";
    public static final String REDELIVERED = "redelivered";
    public static final String SKIPPED = "skipped";
    public static final String DEAD_LETTERED = "dead-lettered";
    public static final List<String> CONSUMER_OUTCOMES = List.of(APPLIED, REDELIVERED, SKIPPED, DEAD_LETTERED);

    private ConcordMeters() {
    }

    /** The {@link #ATTEMPT} tag of attempt {@code n}: its number up to 8, one value for all later ones. */
    public static String attempt(int n) {
        return n <= 8 ? Integer.toString(Math.max(1, n)) : "9+";
    }
}
