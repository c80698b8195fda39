package org.concord.agreements.agreement.domain;

import static org.concord.agreements.agreement.domain.AgreementStatus.DRAFT;
import static org.concord.agreements.agreement.domain.AgreementStatus.EXPIRED;
import static org.concord.agreements.agreement.domain.AgreementStatus.IN_FORCE;
import static org.concord.agreements.agreement.domain.AgreementStatus.OPEN;
import static org.concord.agreements.agreement.domain.AgreementStatus.SIGNED;
import static org.concord.agreements.agreement.domain.AgreementStatus.TERMINATED;
import static org.concord.agreements.agreement.domain.AgreementStatus.WITHDRAWN;
import org.concord.agreements.agreement.domain.AgreementRefusals.AlreadySigned;
import org.concord.agreements.agreement.domain.AgreementRefusals.AmendmentAlreadyOpen;
import org.concord.agreements.agreement.domain.AgreementRefusals.AmendmentAlreadySigned;
import org.concord.agreements.agreement.domain.AgreementRefusals.AmendmentChangesNothing;
import org.concord.agreements.agreement.domain.AgreementRefusals.AmendmentChangesParties;
import org.concord.agreements.agreement.domain.AgreementRefusals.AmendmentNotOpen;
import org.concord.agreements.agreement.domain.AgreementRefusals.ContentHashMismatch;
import org.concord.agreements.agreement.domain.AgreementRefusals.NoRenewalToObjectTo;
import org.concord.agreements.agreement.domain.AgreementRefusals.NotAParty;
import org.concord.agreements.agreement.domain.AgreementRefusals.NotAPartyInForce;
import org.concord.agreements.agreement.domain.AgreementRefusals.ObjectionDeadlinePassed;
import org.concord.agreements.agreement.domain.AgreementRefusals.TransitionNotAllowed;
import org.concord.agreements.agreement.domain.AgreementRefusals.WithdrawalAlreadyNotified;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.concord.agreements.agreement.domain.SeedAgreement.ALL_ACTIVE;
import static org.concord.agreements.agreement.domain.SeedAgreement.GUANGXI;
import static org.concord.agreements.agreement.domain.SeedAgreement.HAINAN;
import static org.concord.agreements.agreement.domain.SeedAgreement.NOW;
import static org.concord.agreements.agreement.domain.SeedAgreement.PARTIES;
import static org.concord.agreements.agreement.domain.SeedAgreement.SICHUAN;
import static org.concord.agreements.agreement.domain.SeedAgreement.SIGNATORY;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.concord.platform.domain.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every step from every situation: the lifecycle (docs/lifecycle.md) as a table. A row is where the agreement is
 * (each status, and the situations of an agreement in force that change what a step does); a column is a step; a
 * cell is the status the step leads to, {@link #UNCHANGED}, or the refusal it meets. Every refusal of the domain
 * appears in some cell.
 */
class AgreementTransitionsTest {

    private static final LocalDate TERM_END = LocalDate.parse("2025-09-23");
    private static final LocalDate AFTER_TERM = TERM_END.plusDays(1);
    private static final Instant AFTER_OBJECTION_DEADLINE = Instant.parse("2025-09-01T08:00:00Z");
    private static final Object UNCHANGED = "unchanged";

    /** A step of the agreement's life, applied to an agreement in some situation. */
    enum Step {
        AMEND(a -> a.amend(otherText(a), ALL_ACTIVE, NOW)),
        OPEN_FOR_SIGNATURE(a -> a.open(ALL_ACTIVE, NOW)),
        SIGN_AS_LAST_UNSIGNED_PARTY(a -> a.sign(PARTIES.get(PARTIES.size() - 1), SIGNATORY, hashOf(a), null, SigningKeys.NONE, ALL_ACTIVE, NOW)),
        SIGN_AGAIN_AS_SIGNED_PARTY(a -> a.sign(GUANGXI, SIGNATORY, hashOf(a), null, SigningKeys.NONE, ALL_ACTIVE, NOW)),
        SIGN_AS_NON_PARTY(a -> a.sign(HAINAN, SIGNATORY, hashOf(a), null, SigningKeys.NONE, ALL_ACTIVE, NOW)),
        WITHDRAW(a -> a.withdraw("postponed", NOW)),
        TERMINATE(a -> a.terminate("superseded", NOW)),
        EXPIRE(a -> a.expire(AFTER_TERM, NOW)),
        NOTIFY_WITHDRAWAL(a -> a.notifyWithdrawal(GUANGXI, "the programme moves elsewhere", NOW)),
        NOTIFY_WITHDRAWAL_AS_NON_PARTY(a -> a.notifyWithdrawal(HAINAN, "never was a party", NOW)),
        OPEN_AMENDMENT(a -> a.openAmendment(otherText(a), NOW)),
        OPEN_AMENDMENT_CHANGING_NOTHING(a -> a.openAmendment(a.text(), NOW)),
        OPEN_AMENDMENT_CHANGING_PARTIES(a -> a.openAmendment(withParties(a.text(), PARTIES.subList(0, 11)), NOW)),
        SIGN_AMENDMENT(a -> a.signAmendment(1, SICHUAN, SIGNATORY, amendmentHashOf(a), null, SigningKeys.NONE, NOW)),
        SIGN_AMENDMENT_WITH_ANOTHER_HASH(a -> a.signAmendment(1, SICHUAN, SIGNATORY, ContentHash.of(SeedAgreement.text()), null, SigningKeys.NONE, NOW)),
        SIGN_AMENDMENT_AGAIN(a -> a.signAmendment(1, GUANGXI, SIGNATORY, amendmentHashOf(a), null, SigningKeys.NONE, NOW)),
        SIGN_AMENDMENT_AS_NON_PARTY(a -> a.signAmendment(1, HAINAN, SIGNATORY, amendmentHashOf(a), null, SigningKeys.NONE, NOW)),
        OBJECT_TO_RENEWAL(a -> a.objectToRenewal(SICHUAN, "renegotiate instead", NOW)),
        OBJECT_TO_RENEWAL_AFTER_DEADLINE(a -> a.objectToRenewal(SICHUAN, "renegotiate instead", AFTER_OBJECTION_DEADLINE)),
        ADVANCE_PAST_THE_TERM(a -> a.advance(AFTER_TERM, TermNotices.DEFAULT, NOW));

        final Function<Agreement, Outcome> apply;

        Step(Function<Agreement, Outcome> apply) {
            this.apply = apply;
        }
    }

    /** Where an agreement is: each status, and the situations in force that change what a step does. */
    enum Situation {
        DRAFT_(DRAFT, () -> draft(true)),
        OPEN_ALL_BUT_ONE_SIGNED(OPEN, () -> signBy(draft(true).open(ALL_ACTIVE, NOW).agreement(), PARTIES.size() - 1)),
        SIGNED_BEFORE_ITS_DATE(SIGNED, () -> signBy(onDateDraft().open(ALL_ACTIVE, NOW).agreement(), PARTIES.size())),
        IN_FORCE_(IN_FORCE, () -> inForce(true)),
        IN_FORCE_OPEN_ENDED(IN_FORCE, () -> signBy(Agreement.draft(UUID.randomUUID(), SeedAgreement.text(),
                ALL_ACTIVE, NOW).agreement().open(ALL_ACTIVE, NOW).agreement(), PARTIES.size())),
        IN_FORCE_NOTICE_GIVEN(IN_FORCE, () -> inForce(true).notifyWithdrawal(GUANGXI, "leaving", NOW).agreement()),
        IN_FORCE_AT_QUORUM_NOTICE_GIVEN(IN_FORCE, () -> inForceWithQuorum(PARTIES.size())
                .notifyWithdrawal(GUANGXI, "leaving", NOW).agreement()),
        IN_FORCE_AMENDMENT_OPEN_SIGNED_BY_GUANGXI(IN_FORCE, () -> {
            Agreement opened = inForce(true).openAmendment(otherText(inForce(true)), NOW).agreement();
            return opened.signAmendment(1, GUANGXI, SIGNATORY, opened.openAmendment().contentHash(), null,
                    SigningKeys.NONE, NOW).agreement();
        }),
        IN_FORCE_RENEWAL_OBJECTED(IN_FORCE, () -> inForce(true).objectToRenewal(GUANGXI, "no", NOW).agreement()),
        TERMINATED_(TERMINATED, () -> inForce(true).terminate("superseded", NOW).agreement()),
        EXPIRED_(EXPIRED, () -> inForce(false).expire(AFTER_TERM, NOW).agreement()),
        WITHDRAWN_(WITHDRAWN, () -> draft(true).withdraw("postponed", NOW).agreement());

        final AgreementStatus status;
        final Supplier<Agreement> agreement;

        Situation(AgreementStatus status, Supplier<Agreement> agreement) {
            this.status = status;
            this.agreement = agreement;
        }
    }

    private static final Map<Situation, Map<Step, Object>> TABLE = new EnumMap<>(Situation.class);
    private static final Class<?> NOT_ALLOWED = TransitionNotAllowed.class;

    static {
        //                                AMEND   OPEN  SIGN_LAST  SIGN_AGAIN  NON_PARTY   WITHDRAW  TERMINATE  EXPIRE
        //   NOTIFY  NOTIFY_NON  OPEN_AM  AM_NOTHING  AM_PARTIES  SIGN_AM  SIGN_AM_HASH  SIGN_AM_AGAIN  SIGN_AM_NON
        //   OBJECT  OBJECT_LATE  ADVANCE
        row(Situation.DRAFT_, DRAFT, OPEN, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, WITHDRAWN, NOT_ALLOWED, NOT_ALLOWED,
                NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED,
                NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, UNCHANGED);
        row(Situation.OPEN_ALL_BUT_ONE_SIGNED, NOT_ALLOWED, NOT_ALLOWED, IN_FORCE, AlreadySigned.class, NotAParty.class,
                WITHDRAWN, NOT_ALLOWED, NOT_ALLOWED,
                NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED,
                NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, UNCHANGED);
        row(Situation.SIGNED_BEFORE_ITS_DATE, NOT_ALLOWED, NOT_ALLOWED, AlreadySigned.class, AlreadySigned.class, SIGNED,
                NOT_ALLOWED, TERMINATED, EXPIRED,
                NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED,
                NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, IN_FORCE);
        row(Situation.IN_FORCE_, NOT_ALLOWED, NOT_ALLOWED, AlreadySigned.class, AlreadySigned.class, IN_FORCE,
                NOT_ALLOWED, TERMINATED, EXPIRED,
                IN_FORCE, NotAPartyInForce.class, IN_FORCE, AmendmentChangesNothing.class, AmendmentChangesParties.class,
                AmendmentNotOpen.class, AmendmentNotOpen.class, AmendmentNotOpen.class, AmendmentNotOpen.class,
                IN_FORCE, ObjectionDeadlinePassed.class, IN_FORCE);
        row(Situation.IN_FORCE_OPEN_ENDED, NOT_ALLOWED, NOT_ALLOWED, AlreadySigned.class, AlreadySigned.class, IN_FORCE,
                NOT_ALLOWED, TERMINATED, NOT_ALLOWED,
                IN_FORCE, NotAPartyInForce.class, IN_FORCE, AmendmentChangesNothing.class, AmendmentChangesParties.class,
                AmendmentNotOpen.class, AmendmentNotOpen.class, AmendmentNotOpen.class, AmendmentNotOpen.class,
                NoRenewalToObjectTo.class, NoRenewalToObjectTo.class, UNCHANGED);
        row(Situation.IN_FORCE_NOTICE_GIVEN, NOT_ALLOWED, NOT_ALLOWED, AlreadySigned.class, AlreadySigned.class, IN_FORCE,
                NOT_ALLOWED, TERMINATED, EXPIRED,
                WithdrawalAlreadyNotified.class, NotAPartyInForce.class, IN_FORCE, AmendmentChangesNothing.class,
                AmendmentChangesParties.class, AmendmentNotOpen.class, AmendmentNotOpen.class, AmendmentNotOpen.class,
                AmendmentNotOpen.class, IN_FORCE, ObjectionDeadlinePassed.class, IN_FORCE);
        row(Situation.IN_FORCE_AT_QUORUM_NOTICE_GIVEN, NOT_ALLOWED, NOT_ALLOWED, AlreadySigned.class, AlreadySigned.class,
                IN_FORCE, NOT_ALLOWED, TERMINATED, EXPIRED,
                WithdrawalAlreadyNotified.class, NotAPartyInForce.class, IN_FORCE, AmendmentChangesNothing.class,
                AmendmentChangesParties.class, AmendmentNotOpen.class, AmendmentNotOpen.class, AmendmentNotOpen.class,
                AmendmentNotOpen.class, IN_FORCE, ObjectionDeadlinePassed.class, TERMINATED);
        row(Situation.IN_FORCE_AMENDMENT_OPEN_SIGNED_BY_GUANGXI, NOT_ALLOWED, NOT_ALLOWED, AlreadySigned.class,
                AlreadySigned.class, IN_FORCE, NOT_ALLOWED, TERMINATED, EXPIRED,
                IN_FORCE, NotAPartyInForce.class, AmendmentAlreadyOpen.class, AmendmentAlreadyOpen.class,
                AmendmentAlreadyOpen.class, IN_FORCE, ContentHashMismatch.class, AmendmentAlreadySigned.class,
                NotAPartyInForce.class, IN_FORCE, ObjectionDeadlinePassed.class, IN_FORCE);
        row(Situation.IN_FORCE_RENEWAL_OBJECTED, NOT_ALLOWED, NOT_ALLOWED, AlreadySigned.class, AlreadySigned.class,
                IN_FORCE, NOT_ALLOWED, TERMINATED, EXPIRED,
                IN_FORCE, NotAPartyInForce.class, IN_FORCE, AmendmentChangesNothing.class, AmendmentChangesParties.class,
                AmendmentNotOpen.class, AmendmentNotOpen.class, AmendmentNotOpen.class, AmendmentNotOpen.class,
                NoRenewalToObjectTo.class, NoRenewalToObjectTo.class, EXPIRED);
        for (Situation ended : List.of(Situation.TERMINATED_, Situation.EXPIRED_, Situation.WITHDRAWN_)) {
            Object[] cells = new Object[Step.values().length];
            Arrays.fill(cells, NOT_ALLOWED);
            cells[Step.ADVANCE_PAST_THE_TERM.ordinal()] = UNCHANGED;
            row(ended, cells);
        }
    }

    private static void row(Situation from, Object... cells) {
        assertThat(cells).as("cells of " + from).hasSize(Step.values().length);
        Map<Step, Object> row = new EnumMap<>(Step.class);
        for (int i = 0; i < cells.length; i++) {
            row.put(Step.values()[i], cells[i]);
        }
        TABLE.put(from, row);
    }

    static Stream<Arguments> everyStepFromEverySituation() {
        var cases = new ArrayList<Arguments>();
        for (Situation from : Situation.values()) {
            for (Step step : Step.values()) {
                cases.add(Arguments.of(from, step, TABLE.get(from).get(step)));
            }
        }
        return cases.stream();
    }

    @Test
    void the_table_covers_every_status_situation_and_step() {
        assertThat(TABLE).containsOnlyKeys(Situation.values());
        TABLE.values().forEach(row -> assertThat(row).containsOnlyKeys(Step.values()));
        assertThat(Stream.of(Situation.values()).map(s -> s.status)).containsAll(List.of(AgreementStatus.values()));
    }

    @Test
    void every_refusal_of_an_agreement_appears_in_the_table() {
        var refusals = TABLE.values().stream().flatMap(row -> row.values().stream()).filter(Class.class::isInstance)
                .toList();
        assertThat(refusals).contains(TransitionNotAllowed.class, AlreadySigned.class, NotAParty.class,
                NotAPartyInForce.class, WithdrawalAlreadyNotified.class, AmendmentAlreadyOpen.class,
                AmendmentChangesNothing.class, AmendmentChangesParties.class, AmendmentNotOpen.class,
                ContentHashMismatch.class, AmendmentAlreadySigned.class, NoRenewalToObjectTo.class,
                ObjectionDeadlinePassed.class);
    }

    @ParameterizedTest(name = "{0} --{1}--> {2}")
    @MethodSource("everyStepFromEverySituation")
    void every_step_from_every_situation_leads_where_the_lifecycle_says(Situation from, Step step, Object expected) {
        Agreement agreement = from.agreement.get();
        assertThat(agreement.status()).isEqualTo(from.status);

        if (expected == UNCHANGED) {
            Outcome outcome = step.apply.apply(agreement);
            assertThat(outcome.changed()).isFalse();
            assertThat(outcome.agreement()).isEqualTo(agreement);
        } else if (expected instanceof AgreementStatus status) {
            Outcome outcome = step.apply.apply(agreement);
            assertThat(outcome.agreement().status()).isEqualTo(status);
            assertThat(outcome.agreement().version()).isEqualTo(agreement.version() + outcome.events().stream()
                    .map(e -> outcome.snapshotOf(outcome.events().indexOf(e)).version()).distinct().count());
            assertThat(outcome.events()).isNotEmpty();
        } else {
            Class<?> refusal = (Class<?>) expected;
            assertThatThrownBy(() -> step.apply.apply(agreement))
                    .isInstanceOf(refusal)
                    .isInstanceOf(DomainException.class)
                    .satisfies(e -> assertThat(((DomainException) e).rule()).as("the rule it names")
                            .matches("[a-z]+(-[a-z]+)+"));
            if (refusal == TransitionNotAllowed.class) {
                assertThatThrownBy(() -> step.apply.apply(agreement)).hasMessageContaining("it is " + from.status);
            }
        }
    }

    // ---- the situations -------------------------------------------------------------------------------------

    /** The seed MoU with a one-year term (2024-09-24 to 2025-09-23), renewing automatically or not. */
    private static Agreement draft(boolean automaticRenewal) {
        return Agreement.draft(UUID.randomUUID(), SeedAgreement.text(new Term(LocalDate.parse("2024-09-24"), TERM_END)),
                Provisions.of(null, null, null, automaticRenewal, null), ALL_ACTIVE, NOW).agreement();
    }

    private static Agreement onDateDraft() {
        return Agreement.draft(UUID.randomUUID(), SeedAgreement.text(new Term(LocalDate.parse("2024-09-24"), TERM_END)),
                Provisions.of(new EntryIntoForce(EntryIntoForce.Rule.ON_DATE, null, LocalDate.parse("2025-01-01")),
                        null, null, true, null), ALL_ACTIVE, NOW).agreement();
    }

    private static Agreement inForce(boolean automaticRenewal) {
        return signBy(draft(automaticRenewal).open(ALL_ACTIVE, NOW).agreement(), PARTIES.size());
    }

    private static Agreement inForceWithQuorum(int quorum) {
        Agreement draft = Agreement.draft(UUID.randomUUID(),
                SeedAgreement.text(new Term(LocalDate.parse("2024-09-24"), TERM_END)),
                Provisions.of(null, quorum, null, true, null), ALL_ACTIVE, NOW).agreement();
        return signBy(draft.open(ALL_ACTIVE, NOW).agreement(), PARTIES.size());
    }

    private static Agreement signBy(Agreement open, int parties) {
        Agreement agreement = open;
        for (RegionCode party : PARTIES.subList(0, parties)) {
            agreement = agreement.sign(party, SIGNATORY, agreement.contentHash(), null, SigningKeys.NONE, ALL_ACTIVE, NOW).agreement();
        }
        return agreement;
    }

    private static AgreementText otherText(Agreement agreement) {
        AgreementText text = agreement.text();
        return new AgreementText("Amended title", text.kind(), text.areas(), text.summary(), text.commitments(),
                text.counterpart(), text.convener(), text.parties(), text.signingEvent(), text.term());
    }

    private static AgreementText withParties(AgreementText text, List<RegionCode> parties) {
        return new AgreementText(text.title(), text.kind(), text.areas(), text.summary(), text.commitments(),
                text.counterpart(), text.convener(), parties, text.signingEvent(), text.term());
    }

    private static ContentHash hashOf(Agreement agreement) {
        return agreement.contentHash() != null ? agreement.contentHash() : ContentHash.of(agreement.text());
    }

    private static ContentHash amendmentHashOf(Agreement agreement) {
        return agreement.openAmendment() != null ? agreement.openAmendment().contentHash() : hashOf(agreement);
    }
}
