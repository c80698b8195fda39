package org.concord.agreements.agreement.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.concord.agreements.agreement.domain.SeedAgreement.ALL_ACTIVE;
import static org.concord.agreements.agreement.domain.SeedAgreement.GUANGXI;
import static org.concord.agreements.agreement.domain.SeedAgreement.NOW;
import static org.concord.agreements.agreement.domain.SeedAgreement.PARTIES;
import static org.concord.agreements.agreement.domain.SeedAgreement.SICHUAN;
import static org.concord.agreements.agreement.domain.SeedAgreement.SIGNATORY;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.concord.agreements.agreement.domain.AgreementEvent.AmendmentAdopted;
import org.concord.agreements.agreement.domain.AgreementEvent.AmendmentSigned;
import org.concord.agreements.agreement.domain.AgreementEvent.EnteredIntoForce;
import org.concord.agreements.agreement.domain.AgreementEvent.Expired;
import org.concord.agreements.agreement.domain.AgreementEvent.PartyWithdrawn;
import org.concord.agreements.agreement.domain.AgreementEvent.Renewed;
import org.concord.agreements.agreement.domain.AgreementEvent.SignatureRecorded;
import org.concord.agreements.agreement.domain.AgreementEvent.Signed;
import org.concord.agreements.agreement.domain.AgreementEvent.TermEnding;
import org.concord.agreements.agreement.domain.AgreementEvent.Terminated;
import org.concord.agreements.agreement.domain.AgreementEvent.WithdrawalNotified;
import org.concord.agreements.agreement.domain.AgreementRefusals.InvalidDraft;
import org.concord.agreements.agreement.domain.EntryIntoForce.Rule;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** An agreement after its signature: entry into force by each rule, withdrawals, amendments, term and renewal. */
class AgreementInForceTest {

    private static final LocalDate TODAY = LocalDate.parse("2024-09-24");
    private static final Term ONE_YEAR = new Term(TODAY, LocalDate.parse("2025-09-23"));

    private static Agreement open(Provisions provisions, Term term) {
        return Agreement.draft(UUID.randomUUID(), SeedAgreement.text(term), provisions, ALL_ACTIVE, NOW).agreement()
                .open(ALL_ACTIVE, NOW).agreement();
    }

    private static Outcome sign(Agreement agreement, RegionCode party) {
        return agreement.sign(party, SIGNATORY, agreement.contentHash(), null, SigningKeys.NONE, ALL_ACTIVE, NOW);
    }

    private static Agreement signedBy(Agreement agreement, List<RegionCode> parties) {
        for (RegionCode party : parties) {
            agreement = sign(agreement, party).agreement();
        }
        return agreement;
    }

    private static Agreement inForce(Provisions provisions) {
        return signedBy(open(provisions, ONE_YEAR), PARTIES);
    }

    private static List<String> names(Outcome outcome) {
        return outcome.events().stream().map(AgreementEvent::name).toList();
    }

    @Nested
    class EntryIntoForceRules {

        @Test
        void under_quorum_the_nth_signature_puts_the_agreement_in_force_and_later_parties_still_sign() {
            Agreement almost = signedBy(open(Provisions.of(new EntryIntoForce(Rule.QUORUM, 8, null), null, null, null,
                    null), ONE_YEAR), PARTIES.subList(0, 7));
            assertThat(almost.status()).isEqualTo(AgreementStatus.OPEN);

            Outcome eighth = sign(almost, PARTIES.get(7));

            assertThat(names(eighth)).containsExactly("signature-recorded", "entered-into-force");
            assertThat(eighth.agreement().status()).isEqualTo(AgreementStatus.IN_FORCE);
            assertThat(eighth.agreement().provisions().quorum()).isEqualTo(8);
            assertThat(eighth.agreement().partiesInForce()).hasSize(8);
            Outcome ninth = sign(eighth.agreement(), PARTIES.get(8));
            assertThat(names(ninth)).containsExactly("signature-recorded");
            assertThat(ninth.agreement().status()).isEqualTo(AgreementStatus.IN_FORCE);
            assertThat(ninth.agreement().partiesInForce()).hasSize(9);
        }

        @Test
        void on_own_signature_each_party_is_bound_from_its_own_signature() {
            Agreement open = open(Provisions.of(new EntryIntoForce(Rule.ON_OWN_SIGNATURE, null, null), null, null, null,
                    null), ONE_YEAR);

            Outcome first = sign(open, GUANGXI);
            Outcome second = sign(first.agreement(), SICHUAN);

            assertThat(first.events()).last().isEqualTo(new EnteredIntoForce(TODAY, Rule.ON_OWN_SIGNATURE, GUANGXI, NOW));
            assertThat(first.agreement().status()).isEqualTo(AgreementStatus.IN_FORCE);
            assertThat(second.events()).last().isEqualTo(new EnteredIntoForce(TODAY, Rule.ON_OWN_SIGNATURE, SICHUAN, NOW));
            assertThat(second.agreement().partiesInForce()).containsExactly(GUANGXI, SICHUAN);
        }

        @Test
        void on_date_the_concluded_agreement_waits_for_its_date_then_the_schedule_puts_it_in_force() {
            LocalDate date = LocalDate.parse("2025-01-01");
            Agreement signed = inForce(Provisions.of(new EntryIntoForce(Rule.ON_DATE, null, date), null, null, null, null));
            assertThat(signed.status()).isEqualTo(AgreementStatus.SIGNED);
            assertThat(signed.nextDueOn(TermNotices.DEFAULT)).isEqualTo(date);
            assertThat(signed.advance(date.minusDays(1), TermNotices.DEFAULT, NOW).changed()).isFalse();

            Outcome entered = signed.advance(date, TermNotices.DEFAULT, NOW);

            assertThat(entered.events()).containsExactly(new EnteredIntoForce(date, Rule.ON_DATE, null, NOW));
            assertThat(entered.agreement().inForceSince()).isEqualTo(date);
        }

        @Test
        void the_last_signature_concludes_and_puts_in_force_in_one_step_every_event_showing_the_agreement_in_force() {
            Agreement almost = signedBy(open(Provisions.DEFAULTS, ONE_YEAR), PARTIES.subList(0, 11));

            Outcome last = sign(almost, PARTIES.get(11));

            assertThat(last.events()).extracting(AgreementEvent::getClass)
                    .containsExactly(SignatureRecorded.class, Signed.class, EnteredIntoForce.class);
            assertThat(last.snapshots()).containsOnly(last.agreement());
            assertThat(last.agreement().status()).isEqualTo(AgreementStatus.IN_FORCE);
            assertThat(last.agreement().version()).isEqualTo(almost.version() + 1);
        }

        @Test
        void under_quorum_the_signature_of_the_last_party_concludes_the_agreement_in_force() {
            Agreement inForce = signedBy(open(Provisions.of(new EntryIntoForce(Rule.QUORUM, 2, null), null, null, null,
                    null), ONE_YEAR), PARTIES.subList(0, 11));
            assertThat(inForce.concludedAt()).isNull();

            Outcome last = sign(inForce, PARTIES.get(11));

            assertThat(names(last)).containsExactly("signature-recorded", "signed");
            assertThat(last.agreement().status()).isEqualTo(AgreementStatus.IN_FORCE);
            assertThat(last.agreement().concludedAt()).isEqualTo(NOW);
        }

        @Test
        void an_agreement_concluded_before_entry_into_force_existed_enters_into_force_on_its_conclusion_day() {
            Agreement inForce = inForce(Provisions.DEFAULTS);
            Agreement legacy = new Agreement(inForce.id(), AgreementStatus.SIGNED, inForce.text(),
                    inForce.parties().stream().map(p -> new Party(p.region(), p.signature(), p.acceded())).toList(),
                    inForce.contentHash(), inForce.version(), inForce.createdAt(), inForce.updatedAt(),
                    inForce.openedAt(), inForce.concludedAt(), null, null, Provisions.DEFAULTS, null, 1, null, null,
                    null, null, null);
            assertThat(legacy.nextDueOn(TermNotices.DEFAULT)).isEqualTo(TODAY);

            Outcome entered = legacy.advance(TODAY.plusDays(400), TermNotices.DEFAULT, NOW);

            assertThat(entered.events()).containsExactly(new EnteredIntoForce(TODAY, Rule.ALL_SIGNATURES, null, NOW));
            assertThat(entered.agreement().partiesInForce()).hasSize(12);
        }

        @Test
        void provisions_must_fit_the_text() {
            assertThatThrownBy(() -> open(Provisions.of(null, 13, null, null, null), ONE_YEAR))
                    .isInstanceOf(InvalidDraft.class).hasMessageContaining("quorum (13) cannot exceed");
            assertThatThrownBy(() -> open(Provisions.of(null, null, null, true, null), new Term(TODAY, null)))
                    .isInstanceOf(InvalidDraft.class).hasMessageContaining("open-ended term never renews");
            assertThatThrownBy(() -> new EntryIntoForce(Rule.ON_DATE, null, null)).isInstanceOf(InvalidDraft.class);
            assertThatThrownBy(() -> Provisions.of(new EntryIntoForce(Rule.QUORUM, 5, null), 4, null, null, null))
                    .isInstanceOf(InvalidDraft.class);
        }
    }

    @Nested
    class Withdrawal {

        @Test
        void a_party_withdraws_once_its_notice_has_run() {
            Agreement agreement = inForce(Provisions.DEFAULTS);

            Outcome notified = agreement.notifyWithdrawal(SICHUAN, "moving on", NOW);

            LocalDate effective = TODAY.plusDays(90);
            assertThat(notified.events()).containsExactly(new WithdrawalNotified(SICHUAN, "moving on", effective, NOW));
            assertThat(notified.agreement().partiesInForce()).contains(SICHUAN);
            assertThat(notified.agreement().nextDueOn(TermNotices.DEFAULT)).isEqualTo(effective);
            assertThat(notified.agreement().advance(effective.minusDays(1), TermNotices.DEFAULT, NOW).changed()).isFalse();
            Outcome withdrawn = notified.agreement().advance(effective, TermNotices.DEFAULT, NOW);
            assertThat(withdrawn.events()).containsExactly(new PartyWithdrawn(SICHUAN, effective, 11, NOW));
            assertThat(withdrawn.agreement().partiesInForce()).hasSize(11).doesNotContain(SICHUAN);
            assertThat(withdrawn.agreement().partyOf(SICHUAN).orElseThrow().withdrawnOn()).isEqualTo(effective);
        }

        @Test
        void with_no_notice_period_the_withdrawal_takes_effect_at_the_next_check_and_the_quorum_lost_ends_the_agreement() {
            Agreement agreement = inForce(Provisions.of(null, 11, 0, null, null));

            Outcome notice = agreement.notifyWithdrawal(SICHUAN, "moving on", NOW);
            assertThat(names(notice)).containsExactly("withdrawal-notified");
            assertThat(notice.agreement().nextDueOn(TermNotices.DEFAULT)).isEqualTo(TODAY);
            Outcome first = notice.agreement().advance(TODAY, TermNotices.DEFAULT, NOW);
            assertThat(names(first)).containsExactly("party-withdrawn");
            assertThat(first.agreement().status()).isEqualTo(AgreementStatus.IN_FORCE);

            Agreement second = first.agreement().notifyWithdrawal(GUANGXI, "moving on", NOW).agreement();
            Outcome ended = second.advance(TODAY, TermNotices.DEFAULT, NOW);

            assertThat(names(ended)).containsExactly("party-withdrawn", "terminated");
            assertThat(ended.events().get(1)).isInstanceOfSatisfying(Terminated.class,
                    t -> assertThat(t.cause()).isEqualTo(Terminated.Cause.QUORUM_LOST));
            assertThat(ended.agreement().status()).isEqualTo(AgreementStatus.TERMINATED);
            assertThat(ended.agreement().version()).isEqualTo(second.version() + 1);
        }
    }

    @Nested
    class Amendments {

        @Test
        void an_amendment_signed_by_every_party_in_force_replaces_the_text_and_its_hash() {
            Agreement agreement = inForce(Provisions.DEFAULTS);
            AgreementText text = agreement.text();
            AgreementText amended = new AgreementText(text.title(), text.kind(), text.areas(), "A new summary",
                    text.commitments(), text.counterpart(), text.convener(), text.parties(), text.signingEvent(),
                    text.term());
            Agreement opened = agreement.openAmendment(amended, NOW).agreement();
            ContentHash newHash = ContentHash.of(amended);
            assertThat(opened.openAmendment().parties()).isEqualTo(PARTIES);

            Outcome outcome = null;
            for (RegionCode party : PARTIES) {
                outcome = opened.signAmendment(1, party, SIGNATORY, newHash, null, SigningKeys.NONE, NOW);
                opened = outcome.agreement();
            }

            assertThat(outcome.events().get(0)).isInstanceOfSatisfying(AmendmentSigned.class,
                    s -> assertThat(s.signatureCount()).isEqualTo(12));
            assertThat(outcome.events().get(1))
                    .isEqualTo(new AmendmentAdopted(1, newHash, agreement.contentHash(), 2, NOW));
            assertThat(opened.contentHash()).isEqualTo(newHash);
            assertThat(opened.text()).isEqualTo(amended);
            assertThat(opened.textVersion()).isEqualTo(2);
            assertThat(opened.openAmendment()).isNull();
            assertThat(opened.textAsOpened()).isEqualTo(text);
        }

        @Test
        void a_withdrawal_taking_effect_adopts_an_amendment_every_remaining_party_signed() {
            Agreement agreement = inForce(Provisions.of(null, null, 0, null, null));
            AgreementText text = agreement.text();
            AgreementText amended = new AgreementText("New title", text.kind(), text.areas(), text.summary(),
                    text.commitments(), text.counterpart(), text.convener(), text.parties(), text.signingEvent(),
                    text.term());
            Agreement opened = agreement.openAmendment(amended, NOW).agreement();
            for (RegionCode party : PARTIES.subList(0, 11)) {
                opened = opened.signAmendment(1, party, SIGNATORY, ContentHash.of(amended), null, SigningKeys.NONE, NOW)
                        .agreement();
            }

            Agreement notified = opened.notifyWithdrawal(PARTIES.get(11), "will not sign", NOW).agreement();
            Outcome outcome = notified.advance(TODAY, TermNotices.DEFAULT, NOW);

            assertThat(names(outcome)).containsExactly("party-withdrawn", "amendment-adopted");
            assertThat(outcome.agreement().textVersion()).isEqualTo(2);
        }
    }

    @Nested
    class TermAndRenewal {

        private final Agreement renewing = inForce(Provisions.of(null, null, null, true, 30));

        @Test
        void each_term_notice_is_sent_once_the_tightest_passed_first() {
            LocalDate end = ONE_YEAR.until();
            assertThat(renewing.nextDueOn(TermNotices.DEFAULT)).isEqualTo(end.minusDays(90));

            Outcome ninety = renewing.advance(end.minusDays(90), TermNotices.DEFAULT, NOW);
            assertThat(ninety.events()).containsExactly(new TermEnding(end, 90, true, end.minusDays(30), NOW));
            assertThat(ninety.agreement().advance(end.minusDays(60), TermNotices.DEFAULT, NOW).changed()).isFalse();
            assertThat(ninety.agreement().nextDueOn(TermNotices.DEFAULT)).isEqualTo(end.minusDays(30));

            Outcome late = ninety.agreement().advance(end.minusDays(5), TermNotices.DEFAULT, NOW);
            assertThat(late.events()).containsExactly(new TermEnding(end, 7, true, end.minusDays(30), NOW));
            assertThat(late.agreement().nextDueOn(TermNotices.DEFAULT)).isEqualTo(end.plusDays(1));
        }

        @Test
        void without_objection_the_term_renews_for_the_same_length() {
            LocalDate end = ONE_YEAR.until();

            Outcome renewed = renewing.advance(end.plusDays(1), TermNotices.DEFAULT, NOW);

            assertThat(renewed.events()).containsExactly(new Renewed(end, LocalDate.parse("2026-09-23"), NOW));
            assertThat(renewed.agreement().status()).isEqualTo(AgreementStatus.IN_FORCE);
            assertThat(renewed.agreement().termEndsOn()).isEqualTo(LocalDate.parse("2026-09-23"));
        }

        @Test
        void an_objection_in_time_lets_the_term_end() {
            LocalDate end = ONE_YEAR.until();
            Instant beforeDeadline = Instant.parse("2025-08-24T10:00:00Z");

            Agreement objected = renewing.objectToRenewal(SICHUAN, "renegotiate", beforeDeadline).agreement();
            Outcome ended = objected.advance(end.plusDays(1), TermNotices.DEFAULT, NOW);

            assertThat(ended.events()).containsExactly(new Expired(end.plusDays(1), NOW));
            assertThat(ended.agreement().status()).isEqualTo(AgreementStatus.EXPIRED);
        }
    }
}
