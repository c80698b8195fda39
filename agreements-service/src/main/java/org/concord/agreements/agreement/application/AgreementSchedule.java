package org.concord.agreements.agreement.application;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The scheduled job that lets time pass for agreements: every {@code concord.agreements.schedule.check-interval} it
 * applies what is due by today (UTC) to each agreement whose {@code next_due_on} has come: entry into force on its
 * date, withdrawals taking effect, term-ending notices, renewal or expiry; one transaction per agreement, its events
 * in the outbox. What is due lives in the database, so a restart loses nothing; on several instances each change
 * names the version it read, so only one instance makes it and publishes its events.
 */
@Component
public class AgreementSchedule {

    private static final Logger log = LoggerFactory.getLogger(AgreementSchedule.class);

    private final AgreementService service;
    private final Clock clock;

    public AgreementSchedule(AgreementService service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${concord.agreements.schedule.check-interval}",
            initialDelayString = "${concord.agreements.schedule.initial-delay}")
    public void runDue() {
        runDueOn(LocalDate.now(clock));
    }

    /** Applies what is due by {@code today}; the number of agreements that changed. */
    public long runDueOn(LocalDate today) {
        try {
            Long changed = service.advanceDue(today).block(Duration.ofMinutes(5));
            if (changed != null && changed > 0) {
                log.info("{} agreement(s) moved on by the schedule of {}", changed, today);
            }
            return changed == null ? 0 : changed;
        } catch (RuntimeException e) {
            log.warn("the schedule of {} failed, will try again at the next check: {}", today, e.toString());
            return 0;
        }
    }
}
