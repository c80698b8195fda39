package org.concord.agreements;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of agreements-service ({@code concord.agreements.*}); defaults and descriptions are in
 * {@code agreements-service.yml}.
 *
 * @param schedule when what time brings is applied (entry into force on a date, withdrawals, term notices, renewal,
 *                 expiry)
 * @param evidence how evidence bundles are signed
 */
@ConfigurationProperties("concord.agreements")
public record AgreementsProperties(Schedule schedule, Evidence evidence) {

    /**
     * @param signingKey the file (a path, or a {@code file:} URL) holding the private JWK (ES256 or EdDSA) checkpoints
     *                   are signed with; empty: a key made at start, lost at stop
     */
    public record Evidence(String signingKey) {
    }

    /**
     * @param checkInterval how often the check runs
     * @param initialDelay  how long after start the first check runs
     * @param termNotices   how many days before the end of a term its parties are reminded
     */
    public record Schedule(Duration checkInterval, Duration initialDelay, List<Integer> termNotices) {
    }
}
