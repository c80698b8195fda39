package org.concord.gateway.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.concord.gateway.GatewayProperties.RateLimit;

/**
 * How many requests each client may still send: a token bucket per client, in this instance's memory. A client
 * has {@code burst} tokens at first and gets {@code perSecond} back every second, up to {@code burst}; a request
 * takes one. Several gateway instances each keep their own buckets (see the gateway's README).
 */
public final class RequestBudget {

    /** The answer for one request: allowed, or refused with the time until a token is back. */
    public record Decision(boolean allowed, Duration retryAfter) {

        static Decision allow() {
            return new Decision(true, Duration.ZERO);
        }
    }

    private record Bucket(double tokens, long atNanos) {
    }

    private static final long SWEEP_EVERY_NANOS = Duration.ofMinutes(1).toNanos();

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final RateLimit limit;
    private final LongSupplier nanoTime;
    private volatile long nextSweep;

    public RequestBudget(RateLimit limit, LongSupplier nanoTime) {
        this.limit = limit;
        this.nanoTime = nanoTime;
        this.nextSweep = nanoTime.getAsLong() + SWEEP_EVERY_NANOS;
    }

    /** Takes one request from the client's budget, if there is one left. */
    public Decision take(String client) {
        long now = nanoTime.getAsLong();
        sweepIfDue(now);
        Decision[] decision = new Decision[1];
        buckets.compute(client, (key, bucket) -> {
            double tokens = bucket == null ? limit.burst() : refilled(bucket, now);
            if (tokens >= 1) {
                decision[0] = Decision.allow();
                return new Bucket(tokens - 1, now);
            }
            double secondsToNextToken = (1 - tokens) / limit.perSecond();
            decision[0] = new Decision(false, Duration.ofNanos((long) Math.ceil(secondsToNextToken * 1e9)));
            return new Bucket(tokens, now);
        });
        return decision[0];
    }

    /** How many clients have a bucket that is not full (the others are forgotten: a new one is the same). */
    int clientsRemembered() {
        return buckets.size();
    }

    private double refilled(Bucket bucket, long now) {
        double elapsedSeconds = Math.max(0, now - bucket.atNanos()) / 1e9;
        return Math.min(limit.burst(), bucket.tokens() + elapsedSeconds * limit.perSecond());
    }

    private void sweepIfDue(long now) {
        if (now - nextSweep < 0) {
            return;
        }
        nextSweep = now + SWEEP_EVERY_NANOS;
        buckets.entrySet().removeIf(entry -> refilled(entry.getValue(), now) >= limit.burst());
    }
}
