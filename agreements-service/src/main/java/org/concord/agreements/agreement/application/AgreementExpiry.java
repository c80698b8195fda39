package org.concord.agreements.agreement.application;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The scheduled job that lets time pass for agreements: every {@code concord.agreements.expiry.check-interval}
 * it marks EXPIRED each signed agreement whose term ended before today (UTC), one transaction and one
 * {@code concord.agreement.expired} event per agreement. Running it twice, or on two instances, is harmless:
 * an agreement already expired is no longer due.
 */
@Component
public class AgreementExpiry {

    private static final Logger log = LoggerFactory.getLogger(AgreementExpiry.class);

    private final AgreementService service;
    private final Clock clock;

    public AgreementExpiry(AgreementService service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${concord.agreements.expiry.check-interval}",
            initialDelayString = "${concord.agreements.expiry.initial-delay}")
    public void expireDue() {
        expireDueOn(LocalDate.now(clock));
    }

    /** Expires what is due on {@code today}; the number of agreements expired. */
    public long expireDueOn(LocalDate today) {
        try {
            Long expired = service.expireDue(today).block(Duration.ofMinutes(5));
            if (expired != null && expired > 0) {
                log.info("{} agreement(s) expired on {}", expired, today);
            }
            return expired == null ? 0 : expired;
        } catch (RuntimeException e) {
            log.warn("expiry check of {} failed, will try again at the next check: {}", today, e.toString());
            return 0;
        }
    }
}
