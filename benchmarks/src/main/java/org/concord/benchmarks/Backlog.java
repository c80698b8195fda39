package org.concord.benchmarks;

import java.util.List;

/**
 * What the pipeline has not done yet, from the services' Prometheus meters: outbox rows not yet published
 * ({@code concord_outbox_backlog_rows}), records the consumer groups have not read ({@code concord_consumer_lag_records},
 * summed over groups, topics and partitions) and webhook deliveries queued ({@code concord_webhook_pending_deliveries}).
 * The gauges are refreshed by the services every 10 s, so they may be that old.
 */
record Backlog(double outboxRows, double consumerLag, double deliveriesQueued, long webhooksOutstanding) {

    static final String OUTBOX = "concord_outbox_backlog_rows";
    static final String LAG = "concord_consumer_lag_records";
    static final String DELIVERIES = "concord_webhook_pending_deliveries";

    /**
     * Sums the three meters over several scrapes (Prometheus text format, one scrape per service);
     * {@code webhooksOutstanding}: 2xx signatures whose webhook the benchmark's receiver has not had yet.
     */
    static Backlog of(List<String> scrapes, long webhooksOutstanding) {
        double outbox = 0;
        double lag = 0;
        double deliveries = 0;
        for (String scrape : scrapes) {
            outbox += sum(scrape, OUTBOX);
            lag += sum(scrape, LAG);
            deliveries += sum(scrape, DELIVERIES);
        }
        return new Backlog(outbox, lag, deliveries, webhooksOutstanding);
    }

    /** The sum of every sample of {@code meter} ({@code name value} or {@code name{labels} value} lines). */
    static double sum(String scrape, String meter) {
        double total = 0;
        for (String line : scrape.split("\n")) {
            if (line.startsWith(meter + " ") || line.startsWith(meter + "{")) {
                String value = line.substring(line.lastIndexOf(' ') + 1).trim();
                try {
                    double sample = Double.parseDouble(value);
                    total += Double.isNaN(sample) ? 0 : sample;
                } catch (NumberFormatException ignored) {
                    // not a number: not rows
                }
            }
        }
        return total;
    }
}
