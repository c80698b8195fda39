package org.concord.platform.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Tuning of the outbox relay ({@code concord.outbox.*}).
 *
 * @param pollInterval     how often the relay looks for rows written by other instances
 * @param batchSize        rows published per round trip
 * @param leaseDuration    how long a relay keeps publishing rights without renewing them
 * @param operationTimeout limit for one database query or broker acknowledgement
 * @param maxBackoff       longest pause between attempts while the broker or database is unavailable
 */
@ConfigurationProperties("concord.outbox")
public record OutboxProperties(Duration pollInterval, int batchSize, Duration leaseDuration, Duration operationTimeout,
        Duration maxBackoff) {
}
