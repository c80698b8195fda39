package org.concord.benchmarks;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Latencies of one kind (a signature's HTTP answer, a signature's webhook), each counted from the moment the request
 * was meant to be sent, so a stalled system cannot hide its stall behind requests it delayed (coordinated omission).
 * Microsecond resolution, three significant digits, any thread may record.
 */
final class Latencies {

    private final Histogram histogram = new ConcurrentHistogram(3);

    /** Records {@code endNanos - intendedNanos} ({@link System#nanoTime()} values); a negative span counts as zero. */
    void record(long intendedNanos, long endNanos) {
        histogram.recordValue(Math.max(0, (endNanos - intendedNanos) / 1_000));
    }

    long count() {
        return histogram.getTotalCount();
    }

    /** The latency at {@code percentile} (0 to 100) in milliseconds; 0 when nothing was recorded. */
    double percentileMillis(double percentile) {
        return count() == 0 ? 0 : histogram.getValueAtPercentile(percentile) / 1_000.0;
    }

    double maxMillis() {
        return count() == 0 ? 0 : histogram.getMaxValue() / 1_000.0;
    }

    /** "p50 12.3  p99 45.6  max 78.9 ms (n 9000)" */
    String summary() {
        return String.format(java.util.Locale.ROOT, "p50 %s  p99 %s  max %s ms (n %d)", Report.millis(percentileMillis(50)),
                Report.millis(percentileMillis(99)), Report.millis(maxMillis()), count());
    }
}
