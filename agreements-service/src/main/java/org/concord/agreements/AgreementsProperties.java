package org.concord.agreements;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of agreements-service ({@code concord.agreements.*}); defaults and descriptions are in
 * {@code agreements-service.yml}.
 *
 * @param expiry   when signed agreements whose term has ended are marked EXPIRED
 * @param evidence how evidence bundles are signed
 */
@ConfigurationProperties("concord.agreements")
public record AgreementsProperties(Expiry expiry, Evidence evidence) {

    /**
     * @param signingKey the file (a path, or a {@code file:} URL) holding the private JWK (ES256 or EdDSA) checkpoints
     *                   are signed with; empty: a key made at start, lost at stop
     */
    public record Evidence(String signingKey) {
    }

    /**
     * @param checkInterval how often the check runs
     * @param initialDelay  how long after start the first check runs
     */
    public record Expiry(Duration checkInterval, Duration initialDelay) {
    }
}
