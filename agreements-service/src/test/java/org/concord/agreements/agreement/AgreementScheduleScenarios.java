package org.concord.agreements.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import org.concord.agreements.AgreementsScenarioSupport;
import org.concord.agreements.agreement.application.AgreementJournal;
import org.concord.agreements.agreement.application.AgreementSchedule;
import org.concord.agreements.agreement.application.AgreementService;
import org.concord.agreements.agreement.application.KnownRegions;
import org.concord.agreements.agreement.domain.TermNotices;
import org.concord.agreements.agreement.persistence.AgreementRepository;
import org.concord.platform.usecase.UseCases;
import org.concord.testsupport.contract.EventContract;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * The schedule of due actions on more than one instance: two schedulers, each with its own use cases as another
 * instance would have them, run at the same moment against the one database; every due action is applied, and its
 * event published, once.
 */
abstract class AgreementScheduleScenarios extends AgreementsScenarioSupport {

    private static final LocalDate ENTRY = LocalDate.parse("2034-06-01");

    @Autowired
    AgreementRepository agreements;
    @Autowired
    KnownRegions regions;
    @Autowired
    AgreementJournal journal;
    @Autowired
    UseCases useCases;
    @Autowired
    JsonMapper json;
    @Autowired
    Clock clock;
    @Autowired
    TermNotices notices;

    private AgreementSchedule anotherInstance() {
        return new AgreementSchedule(new AgreementService(agreements, regions, journal, useCases, json, clock, notices),
                clock);
    }

    @Test
    void two_instances_running_the_schedule_at_once_apply_each_due_action_once() throws Exception {
        List<Object> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Map<String, Object> body = seedMou();
            body.put("entryIntoForce", Map.of("rule", "ON_DATE", "date", ENTRY.toString()));
            Map<String, Object> agreement = open(draft(body).get("id"));
            for (String party : SEED_PARTIES) {
                agreement = sign(agreement.get("id"), party, agreement.get("contentHash"));
            }
            assertThat(agreement).containsEntry("status", "SIGNED");
            ids.add(agreement.get("id"));
        }
        AgreementSchedule first = anotherInstance();
        AgreementSchedule second = anotherInstance();
        var start = new CyclicBarrier(2);

        var firstRun = CompletableFuture.supplyAsync(() -> runAfter(start, first));
        var secondRun = CompletableFuture.supplyAsync(() -> runAfter(start, second));

        assertThat(firstRun.get() + secondRun.get()).as("agreements moved on by the two instances together")
                .isGreaterThanOrEqualTo(ids.size());
        for (Object id : ids) {
            assertThat(get(id)).containsEntry("status", "IN_FORCE").containsEntry("version", 15);
            EventContract.assertConforms(awaitEvents(id, "concord.agreement.entered-into-force", 1).get(0));
            await("no second entered-into-force for " + id).during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                    .until(() -> types(eventsAbout(id)).stream()
                            .filter("concord.agreement.entered-into-force"::equals).count() == 1);
        }
        assertThat(first.runDueOn(ENTRY) + second.runDueOn(ENTRY)).as("nothing is due any more on that day")
                .isZero();
    }

    private static long runAfter(CyclicBarrier start, AgreementSchedule schedule) {
        try {
            start.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return schedule.runDueOn(ENTRY);
    }
}
