package org.concord.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The exactly-once check: every signature the benchmark sent, its answer, and the webhooks that arrived for it
 * (keyed {@code agreementId/party}, since the webhook of a {@code signature-recorded} event names both). A signature
 * answered 2xx must arrive once: none is <em>lost</em>, a second arrival (the same {@code webhook-id} again, or
 * another event for the same signature) is <em>doubled</em>. A webhook may arrive before its HTTP answer does: the
 * ledger takes both in any order and judges only at the end.
 */
final class WebhookLedger {

    /** One signature: when it was meant to be sent, whether it counts (after the warm-up), its answer, its arrivals. */
    static final class Entry {
        private long intendedNanos;
        private boolean measured;
        private int status;
        private final List<String> webhookIds = new ArrayList<>();
        private long firstArrivalNanos;

        synchronized boolean acknowledged() {
            return status >= 200 && status < 300;
        }
    }

    /** What the ledger found: counts and the sign-to-webhook latencies of the measured signatures. */
    record Verdict(long acknowledged, long delivered, long lost, long doubled, long arrivedWithout2xx, Latencies signToWebhook) {

        boolean exactlyOnce() {
            return lost == 0 && doubled == 0;
        }
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    static String key(String agreementId, String party) {
        return agreementId + "/" + party;
    }

    void sent(String key, long intendedNanos, boolean measured) {
        Entry entry = entries.computeIfAbsent(key, k -> new Entry());
        synchronized (entry) {
            entry.intendedNanos = intendedNanos;
            entry.measured = measured;
        }
    }

    void answered(String key, int status) {
        Entry entry = entries.computeIfAbsent(key, k -> new Entry());
        synchronized (entry) {
            entry.status = status;
        }
    }

    void arrived(String key, String webhookId, long arrivalNanos) {
        Entry entry = entries.computeIfAbsent(key, k -> new Entry());
        synchronized (entry) {
            if (entry.webhookIds.isEmpty()) {
                entry.firstArrivalNanos = arrivalNanos;
            }
            entry.webhookIds.add(webhookId);
        }
    }

    /** 2xx signatures whose webhook has not arrived yet. */
    long outstanding() {
        return entries.values().stream().filter(entry -> {
            synchronized (entry) {
                return entry.acknowledged() && entry.webhookIds.isEmpty();
            }
        }).count();
    }

    Verdict verdict() {
        long acknowledged = 0;
        long delivered = 0;
        long lost = 0;
        long doubled = 0;
        long without2xx = 0;
        Latencies latencies = new Latencies();
        for (Entry entry : entries.values()) {
            synchronized (entry) {
                int arrivals = entry.webhookIds.size();
                if (!entry.acknowledged()) {
                    without2xx += arrivals > 0 ? 1 : 0;
                    continue;
                }
                acknowledged++;
                if (arrivals == 0) {
                    lost++;
                    continue;
                }
                delivered++;
                if (arrivals > 1) {
                    doubled++;
                }
                if (entry.measured) {
                    latencies.record(entry.intendedNanos, entry.firstArrivalNanos);
                }
            }
        }
        return new Verdict(acknowledged, delivered, lost, doubled, without2xx, latencies);
    }
}
