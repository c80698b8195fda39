package org.concord.platform.outbox;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * A lease row that lets exactly one instance of a service publish its outbox at a time. The holder renews it
 * while it works; when it stops or dies, another instance takes over once the lease has expired.
 */
public class OutboxRelayLease {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelayLease.class);

    private static final String ACQUIRE = """
            UPDATE outbox_relay_lease SET owner = :owner, expires_at = :expiresAt
            WHERE name = 'outbox-relay' AND (owner = :owner OR owner IS NULL OR expires_at < :now)""";
    private static final String RELEASE = """
            UPDATE outbox_relay_lease SET owner = NULL, expires_at = :now
            WHERE name = 'outbox-relay' AND owner = :owner""";

    private final DatabaseClient db;
    private final String owner;
    private final Duration duration;
    private volatile OffsetDateTime heldUntil = OffsetDateTime.MIN;
    private volatile boolean held;

    public OutboxRelayLease(DatabaseClient db, String owner, Duration duration) {
        this.db = db;
        this.owner = owner;
        this.duration = duration;
    }

    /** True if this instance holds the lease now; renews it when half of it has run out. */
    public boolean acquire() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (held && now.isBefore(heldUntil.minus(duration.dividedBy(2)))) {
            return true;
        }
        OffsetDateTime expiresAt = now.plus(duration);
        Long updated = db.sql(ACQUIRE)
                .bind("owner", owner)
                .bind("expiresAt", expiresAt)
                .bind("now", now)
                .fetch().rowsUpdated()
                .block(duration);
        boolean nowHeld = updated != null && updated == 1;
        if (nowHeld != held) {
            log.info(nowHeld ? "outbox relay {} is publishing" : "outbox relay {} lost its lease", owner);
        }
        held = nowHeld;
        heldUntil = nowHeld ? expiresAt : OffsetDateTime.MIN;
        return nowHeld;
    }

    public void release() {
        if (!held) {
            return;
        }
        held = false;
        try {
            db.sql(RELEASE).bind("owner", owner).bind("now", OffsetDateTime.now(ZoneOffset.UTC)).then().block(duration);
        } catch (RuntimeException e) {
            log.debug("could not release the outbox relay lease; it expires by itself", e);
        }
    }

    public String owner() {
        return owner;
    }
}
