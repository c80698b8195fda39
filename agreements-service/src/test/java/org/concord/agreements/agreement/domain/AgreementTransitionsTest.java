package org.concord.agreements.agreement.domain;

import static org.concord.agreements.agreement.domain.AgreementStatus.DRAFT;
import static org.concord.agreements.agreement.domain.AgreementStatus.EXPIRED;
import static org.concord.agreements.agreement.domain.AgreementStatus.OPEN;
import static org.concord.agreements.agreement.domain.AgreementStatus.SIGNED;
import static org.concord.agreements.agreement.domain.AgreementStatus.TERMINATED;
import static org.concord.agreements.agreement.domain.AgreementStatus.WITHDRAWN;
import org.concord.agreements.agreement.domain.AgreementRefusals.AlreadySigned;
import org.concord.agreements.agreement.domain.AgreementRefusals.NotAParty;
import org.concord.agreements.agreement.domain.AgreementRefusals.TransitionNotAllowed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.concord.agreements.agreement.domain.SeedAgreement.ALL_ACTIVE;
import static org.concord.agreements.agreement.domain.SeedAgreement.NOW;
import static org.concord.agreements.agreement.domain.SeedAgreement.PARTIES;
import static org.concord.agreements.agreement.domain.SeedAgreement.SIGNATORY;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import org.concord.platform.domain.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every step from every status: the lifecycle (docs/rest.md, agreements-service/README.md) as a table. A cell is the status the step leads to,
 * or the refusal it meets.
 */
class AgreementTransitionsTest {

    private static final LocalDate TERM_END = LocalDate.parse("2025-09-23");
    private static final LocalDate AFTER_TERM = TERM_END.plusDays(1);

    /** A step of the agreement's life, applied to an agreement in some status. */
    enum Step {
        AMEND(a -> a.amend(otherText(), ALL_ACTIVE, NOW)),
        OPEN_FOR_SIGNATURE(a -> a.open(ALL_ACTIVE, NOW)),
        SIGN_AS_LAST_UNSIGNED_PARTY(a -> a.sign(PARTIES.get(PARTIES.size() - 1), SIGNATORY, hashOf(a), null, SigningKeys.NONE, ALL_ACTIVE, NOW)),
        SIGN_AGAIN_AS_SIGNED_PARTY(a -> a.sign(PARTIES.get(0), SIGNATORY, hashOf(a), null, SigningKeys.NONE, ALL_ACTIVE, NOW)),
        SIGN_AS_NON_PARTY(a -> a.sign(SeedAgreement.HAINAN, SIGNATORY, hashOf(a), null, SigningKeys.NONE, ALL_ACTIVE, NOW)),
        WITHDRAW(a -> a.withdraw("postponed", NOW)),
        TERMINATE(a -> a.terminate("superseded", NOW)),
        EXPIRE(a -> a.expire(AFTER_TERM, NOW));

        final Function<Agreement, Outcome> apply;

        Step(Function<Agreement, Outcome> apply) {
            this.apply = apply;
        }
    }

    /** The table. Rows: where the agreement is; columns: the step; cell: resulting status or refusal. */
    private static final Map<AgreementStatus, Map<Step, Object>> TABLE = new EnumMap<>(AgreementStatus.class);

    static {
        row(DRAFT, DRAFT, OPEN, TransitionNotAllowed.class, TransitionNotAllowed.class, TransitionNotAllowed.class,
                WITHDRAWN, TransitionNotAllowed.class, TransitionNotAllowed.class);
        row(OPEN, TransitionNotAllowed.class, TransitionNotAllowed.class, SIGNED, AlreadySigned.class, NotAParty.class,
                WITHDRAWN, TransitionNotAllowed.class, TransitionNotAllowed.class);
        row(SIGNED, TransitionNotAllowed.class, TransitionNotAllowed.class, AlreadySigned.class, AlreadySigned.class,
                SIGNED, TransitionNotAllowed.class, TERMINATED, EXPIRED);
        for (AgreementStatus ended : List.of(TERMINATED, EXPIRED, WITHDRAWN)) {
            row(ended, TransitionNotAllowed.class, TransitionNotAllowed.class, TransitionNotAllowed.class,
                    TransitionNotAllowed.class, TransitionNotAllowed.class, TransitionNotAllowed.class,
                    TransitionNotAllowed.class, TransitionNotAllowed.class);
        }
    }

    private static void row(AgreementStatus from, Object... cells) {
        Map<Step, Object> row = new EnumMap<>(Step.class);
        for (int i = 0; i < cells.length; i++) {
            row.put(Step.values()[i], cells[i]);
        }
        TABLE.put(from, row);
    }

    static Stream<Arguments> everyStepFromEveryStatus() {
        var cases = new ArrayList<Arguments>();
        for (AgreementStatus from : AgreementStatus.values()) {
            for (Step step : Step.values()) {
                cases.add(Arguments.of(from, step, TABLE.get(from).get(step)));
            }
        }
        return cases.stream();
    }

    @Test
    void the_table_covers_every_status_and_step() {
        assertThat(TABLE).containsOnlyKeys(AgreementStatus.values());
        TABLE.values().forEach(row -> assertThat(row).containsOnlyKeys(Step.values()));
    }

    @ParameterizedTest(name = "{0} --{1}--> {2}")
    @MethodSource("everyStepFromEveryStatus")
    void every_step_from_every_status_leads_where_the_lifecycle_says(AgreementStatus from, Step step, Object expected) {
        Agreement agreement = in(from);

        if (expected instanceof AgreementStatus status) {
            Outcome outcome = step.apply.apply(agreement);
            assertThat(outcome.agreement().status()).isEqualTo(status);
            assertThat(outcome.agreement().version()).isEqualTo(agreement.version() + 1);
            assertThat(outcome.events()).isNotEmpty();
        } else {
            Class<?> refusal = (Class<?>) expected;
            assertThatThrownBy(() -> step.apply.apply(agreement))
                    .isInstanceOf(refusal)
                    .isInstanceOf(DomainException.class);
            if (refusal == TransitionNotAllowed.class) {
                assertThatThrownBy(() -> step.apply.apply(agreement))
                        .hasMessageContaining("it is " + from);
            }
        }
    }

    /**
     * An agreement (with a term that has ended by {@link #AFTER_TERM}) in the given status; an OPEN one is signed
     * by every party but the last, so that the next signature concludes it.
     */
    static Agreement in(AgreementStatus status) {
        Agreement draft = Agreement.draft(UUID.randomUUID(),
                SeedAgreement.text(new Term(LocalDate.parse("2024-09-24"), TERM_END)), ALL_ACTIVE, NOW).agreement();
        return switch (status) {
            case DRAFT -> draft;
            case OPEN -> signBy(draft.open(ALL_ACTIVE, NOW).agreement(), PARTIES.size() - 1);
            case SIGNED -> signBy(draft.open(ALL_ACTIVE, NOW).agreement(), PARTIES.size());
            case TERMINATED -> in(SIGNED).terminate("superseded", NOW).agreement();
            case EXPIRED -> in(SIGNED).expire(AFTER_TERM, NOW).agreement();
            case WITHDRAWN -> draft.withdraw("postponed", NOW).agreement();
        };
    }

    private static Agreement signBy(Agreement open, int parties) {
        Agreement agreement = open;
        for (RegionCode party : PARTIES.subList(0, parties)) {
            agreement = agreement.sign(party, SIGNATORY, agreement.contentHash(), null, SigningKeys.NONE, ALL_ACTIVE, NOW).agreement();
        }
        return agreement;
    }

    private static AgreementText otherText() {
        AgreementText text = SeedAgreement.text();
        return new AgreementText("Amended title", text.kind(), text.areas(), text.summary(), text.commitments(),
                text.counterpart(), text.convener(), text.parties(), text.signingEvent(), text.term());
    }

    private static ContentHash hashOf(Agreement agreement) {
        return agreement.contentHash() != null ? agreement.contentHash() : ContentHash.of(agreement.text());
    }
}
