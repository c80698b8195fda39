package org.concord.agreements;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of agreements-service ({@code concord.agreements.*}); defaults and descriptions are in
 * {@code agreements-service.yml}.
 *
 * @param conflictAttempts     how many times a use case runs at most when it keeps losing the race against a
 *                             concurrent change of the same agreement (e.g. parties signing at the same moment)
 * @param idempotencyRetention how long the first response to an {@code Idempotency-Key} is kept for replay
 * @param expiry               when signed agreements whose term has ended are marked EXPIRED
 */
@ConfigurationProperties("concord.agreements")
public record AgreementsProperties(int conflictAttempts, Duration idempotencyRetention, Expiry expiry) {

    /**
     * @param checkInterval how often the check runs
     * @param initialDelay  how long after start the first check runs
     */
    public record Expiry(Duration checkInterval, Duration initialDelay) {
    }
}
