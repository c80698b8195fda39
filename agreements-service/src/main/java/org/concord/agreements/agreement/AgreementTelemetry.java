package org.concord.agreements.agreement;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.concord.agreements.agreement.domain.AgreementStatus;
import org.concord.platform.observability.ConcordMeters;
import org.concord.platform.observability.GaugeRefresher;
import org.concord.platform.outbox.OutboxEvent;
import org.concord.platform.outbox.OutboxListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * The agreements' meters: how many are in each status (a gauge refreshed from the database, the same on every
 * instance), and the signatures recorded (a party's signature or an accession), counted once their transaction
 * committed.
 */
@Component
class AgreementTelemetry implements OutboxListener, GaugeRefresher.Refresh {

    private static final Set<String> SIGNATURES = Set.of(
            AgreementEventContract.TYPE_PREFIX + "signature-recorded", AgreementEventContract.TYPE_PREFIX + "party-acceded");
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final DatabaseClient db;
    private final Counter signatures;
    private final Map<AgreementStatus, AtomicLong> byStatus = new EnumMap<>(AgreementStatus.class);

    AgreementTelemetry(DatabaseClient db, MeterRegistry meters, GaugeRefresher refresher) {
        this.db = db;
        this.signatures = Counter.builder(ConcordMeters.SIGNATURES)
                .description("Signatures recorded (a party's, or a region's accession)").register(meters);
        for (AgreementStatus status : AgreementStatus.values()) {
            AtomicLong count = new AtomicLong();
            byStatus.put(status, count);
            Gauge.builder(ConcordMeters.AGREEMENTS, count, AtomicLong::get).description("Agreements by status")
                    .tag(ConcordMeters.STATUS, status.name()).register(meters);
        }
        refresher.add(this);
    }

    @Override
    public void committed(OutboxEvent event) {
        if (SIGNATURES.contains(event.type())) {
            signatures.increment();
        }
    }

    @Override
    public String name() {
        return "agreements by status";
    }

    @Override
    public void run() {
        Map<AgreementStatus, Long> counts = new EnumMap<>(AgreementStatus.class);
        db.sql("SELECT status, COUNT(*) AS n FROM agreement GROUP BY status")
                .map(row -> Map.entry(AgreementStatus.valueOf(row.get("status", String.class)),
                        ((Number) row.get("n")).longValue()))
                .all()
                .doOnNext(entry -> counts.put(entry.getKey(), entry.getValue()))
                .then()
                .block(TIMEOUT);
        byStatus.forEach((status, count) -> count.set(counts.getOrDefault(status, 0L)));
    }
}
