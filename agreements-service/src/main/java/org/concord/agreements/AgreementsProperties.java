package org.concord.agreements;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of agreements-service ({@code concord.agreements.*}); defaults and descriptions are in
 * {@code agreements-service.yml}.
 *
 * @param expiry when signed agreements whose term has ended are marked EXPIRED
 */
@ConfigurationProperties("concord.agreements")
public record AgreementsProperties(Expiry expiry) {

    /**
     * @param checkInterval how often the check runs
     * @param initialDelay  how long after start the first check runs
     */
    public record Expiry(Duration checkInterval, Duration initialDelay) {
    }
}
