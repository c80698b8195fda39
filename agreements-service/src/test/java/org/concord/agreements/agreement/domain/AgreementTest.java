package org.concord.agreements.agreement.domain;

import org.concord.agreements.agreement.domain.AgreementEvent.Amended;
import org.concord.agreements.agreement.domain.AgreementEvent.Drafted;
import org.concord.agreements.agreement.domain.AgreementEvent.Expired;
import org.concord.agreements.agreement.domain.AgreementEvent.Opened;
import org.concord.agreements.agreement.domain.AgreementEvent.PartyAcceded;
import org.concord.agreements.agreement.domain.AgreementEvent.SignatureRecorded;
import org.concord.agreements.agreement.domain.AgreementEvent.Signed;
import org.concord.agreements.agreement.domain.AgreementEvent.Terminated;
import org.concord.agreements.agreement.domain.AgreementEvent.Withdrawn;
import org.concord.agreements.agreement.domain.AgreementRefusals.AlreadySigned;
import org.concord.agreements.agreement.domain.AgreementRefusals.ContentHashMismatch;
import org.concord.agreements.agreement.domain.AgreementRefusals.IneligibleRegions;
import org.concord.agreements.agreement.domain.AgreementRefusals.InvalidValue;
import org.concord.agreements.agreement.domain.AgreementRefusals.NotAParty;
import org.concord.agreements.agreement.domain.AgreementRefusals.TransitionNotAllowed;
import org.concord.agreements.agreement.domain.RegionDirectory.Standing;

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
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.concord.platform.domain.DomainException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The rules of an agreement's life, one behaviour per test. The full transition table is in {@link AgreementTransitionsTest}. */
class AgreementTest {

    private static final Instant LATER = NOW.plusSeconds(3600);

    @Nested
    class Drafting {

        @Test
        void a_new_draft_has_version_1_no_content_hash_and_unsigned_parties() {
            UUID id = UUID.randomUUID();
            Outcome outcome = Agreement.draft(id, SeedAgreement.text(), ALL_ACTIVE, NOW);

            Agreement draft = outcome.agreement();
            assertThat(draft.id()).isEqualTo(id);
            assertThat(draft.status()).isEqualTo(AgreementStatus.DRAFT);
            assertThat(draft.version()).isEqualTo(1);
            assertThat(draft.contentHash()).isNull();
            assertThat(draft.parties()).extracting(Party::region).containsExactlyElementsOf(PARTIES);
            assertThat(draft.parties()).noneMatch(Party::signed);
            assertThat(outcome.events()).containsExactly(new Drafted(NOW));
        }

        @Test
        void drafting_with_an_unknown_region_is_refused_naming_the_code() {
            RegionDirectory directory = region -> region.value().equals("CN-XZ") ? Standing.UNKNOWN : Standing.ACTIVE;

            assertThatThrownBy(() -> Agreement.draft(UUID.randomUUID(), SeedAgreement.text(), directory, NOW))
                    .isInstanceOf(IneligibleRegions.class)
                    .hasMessageContaining("unknown region CN-XZ")
                    .extracting(e -> ((DomainException) e).meaning()).isEqualTo(DomainException.Meaning.INVALID);
        }

        @Test
        void drafting_with_deactivated_regions_is_refused_naming_every_code() {
            RegionDirectory directory = Map.of(
                    RegionCode.of("CN-QH"), Standing.DEACTIVATED,
                    RegionCode.of("CN-NX"), Standing.DEACTIVATED,
                    RegionCode.of("CN-XJ"), Standing.UNKNOWN)::get;
            RegionDirectory otherwiseActive = region -> directory.standingOf(region) == null
                    ? Standing.ACTIVE : directory.standingOf(region);

            assertThatThrownBy(() -> Agreement.draft(UUID.randomUUID(), SeedAgreement.text(), otherwiseActive, NOW))
                    .isInstanceOf(IneligibleRegions.class)
                    .hasMessageContaining("unknown region CN-XJ")
                    .hasMessageContaining("deactivated regions CN-QH, CN-NX");
        }
    }

    @Nested
    class Amending {

        @Test
        void amending_a_draft_replaces_its_text_and_names_the_changed_fields() {
            Agreement draft = SeedAgreement.draft();
            AgreementText retitled = new AgreementText("A new title", Kind.MOU, draft.text().areas(), null,
                    draft.text().commitments(), draft.text().counterpart(), GUANGXI, List.of(GUANGXI, SICHUAN),
                    draft.text().signingEvent(), draft.text().term());

            Outcome outcome = draft.amend(retitled, ALL_ACTIVE, LATER);

            assertThat(outcome.agreement().text()).isEqualTo(retitled);
            assertThat(outcome.agreement().parties()).extracting(Party::region).containsExactly(GUANGXI, SICHUAN);
            assertThat(outcome.agreement().version()).isEqualTo(2);
            assertThat(outcome.agreement().updatedAt()).isEqualTo(LATER);
            assertThat(outcome.events()).containsExactly(new Amended(List.of("title", "summary", "parties"), LATER));
        }

        @Test
        void amending_with_the_same_text_changes_nothing() {
            Agreement draft = SeedAgreement.draft();

            Outcome outcome = draft.amend(SeedAgreement.text(), ALL_ACTIVE, LATER);

            assertThat(outcome.changed()).isFalse();
            assertThat(outcome.agreement()).isEqualTo(draft);
        }

        @Test
        void amending_to_add_a_deactivated_region_is_refused() {
            Agreement draft = SeedAgreement.draft();
            var text = draft.text();
            var withHainan = new AgreementText(text.title(), text.kind(), text.areas(), text.summary(),
                    text.commitments(), text.counterpart(), text.convener(), List.of(GUANGXI, HAINAN),
                    text.signingEvent(), text.term());
            RegionDirectory directory = region -> region.equals(HAINAN) ? Standing.DEACTIVATED : Standing.ACTIVE;

            assertThatThrownBy(() -> draft.amend(withHainan, directory, LATER))
                    .isInstanceOf(IneligibleRegions.class)
                    .hasMessageContaining("deactivated region CN-HI");
        }
    }

    @Nested
    class Opening {

        @Test
        void opening_freezes_the_text_and_fixes_its_content_hash() {
            Agreement draft = SeedAgreement.draft();

            Outcome outcome = draft.open(ALL_ACTIVE, LATER);

            Agreement open = outcome.agreement();
            assertThat(open.status()).isEqualTo(AgreementStatus.OPEN);
            assertThat(open.contentHash()).isEqualTo(ContentHash.of(draft.text()));
            assertThat(open.openedAt()).isEqualTo(LATER);
            assertThat(open.version()).isEqualTo(2);
            assertThat(outcome.events()).containsExactly(new Opened(open.contentHash(), LATER));
        }

        @Test
        void opening_checks_again_that_every_party_is_active() {
            Agreement draft = SeedAgreement.draft();
            RegionDirectory sichuanDeactivated = region -> region.equals(SICHUAN) ? Standing.DEACTIVATED : Standing.ACTIVE;

            assertThatThrownBy(() -> draft.open(sichuanDeactivated, LATER))
                    .isInstanceOf(IneligibleRegions.class)
                    .hasMessageContaining("CN-SC");
        }
    }

    @Nested
    class Signing {

        @Test
        void a_party_signing_records_its_signature_on_the_content_hash() {
            Agreement open = SeedAgreement.open();

            Outcome outcome = open.sign(SICHUAN, SIGNATORY, open.contentHash(), null, SigningKeys.NONE, ALL_ACTIVE, LATER);

            Signature signature = new Signature(SICHUAN, SIGNATORY, LATER, open.contentHash(), SignatureEvidence.bearerToken());
            assertThat(outcome.agreement().partyOf(SICHUAN).orElseThrow().signature()).isEqualTo(signature);
            assertThat(outcome.agreement().status()).isEqualTo(AgreementStatus.OPEN);
            assertThat(outcome.agreement().version()).isEqualTo(open.version() + 1);
            assertThat(outcome.events()).containsExactly(new SignatureRecorded(signature, 1, 12));
        }

        @Test
        void signing_by_last_party_concludes_the_agreement_and_puts_it_in_force() {
            Agreement almost = SeedAgreement.signedByAllButLast();
            RegionCode last = PARTIES.get(11);

            Outcome outcome = almost.sign(last, SIGNATORY, almost.contentHash(), null, SigningKeys.NONE, ALL_ACTIVE, LATER);

            Agreement inForce = outcome.agreement();
            assertThat(inForce.concludedAt()).isEqualTo(LATER);
            assertThat(inForce.parties()).allMatch(Party::signed);
            assertThat(inForce.status()).isEqualTo(AgreementStatus.IN_FORCE);
            assertThat(inForce.version()).isEqualTo(almost.version() + 1);
            assertThat(outcome.snapshots()).as("every event shows the agreement after the step").containsOnly(inForce);
            assertThat(inForce.inForceSince()).isEqualTo(LocalDate.ofInstant(LATER, java.time.ZoneOffset.UTC));
            assertThat(inForce.parties()).allMatch(Party::inForce);
            assertThat(outcome.events()).containsExactly(
                    new SignatureRecorded(new Signature(last, SIGNATORY, LATER, almost.contentHash(), SignatureEvidence.bearerToken()), 12, 12),
                    new Signed(LATER, 12),
                    new AgreementEvent.EnteredIntoForce(inForce.inForceSince(), EntryIntoForce.Rule.ALL_SIGNATURES, null, LATER));
        }

        @Test
        void signing_counts_signatures_n_of_m() {
            Agreement agreement = SeedAgreement.open();
            for (int n = 1; n <= 12; n++) {
                Outcome outcome = agreement.sign(PARTIES.get(n - 1), SIGNATORY, agreement.contentHash(), null, SigningKeys.NONE, ALL_ACTIVE, NOW);
                assertThat(outcome.events().get(0)).isInstanceOfSatisfying(SignatureRecorded.class, recorded -> {
                    assertThat(recorded.partyCount()).isEqualTo(12);
                });
                assertThat(((SignatureRecorded) outcome.events().get(0)).signatureCount()).isEqualTo(n);
                assertThat(outcome.events()).hasSize(n < 12 ? 1 : 3);
                agreement = outcome.agreement();
            }
        }

        @Test
        void a_signature_on_another_content_hash_is_refused() {
            Agreement open = SeedAgreement.open();
            ContentHash other = ContentHash.of("sha256:" + "0".repeat(64));

            assertThatThrownBy(() -> open.sign(SICHUAN, SIGNATORY, other, null, SigningKeys.NONE, ALL_ACTIVE, LATER))
                    .isInstanceOf(ContentHashMismatch.class)
                    .hasMessageContaining(other.value())
                    .hasMessageContaining(open.contentHash().value())
                    .extracting(e -> ((DomainException) e).meaning()).isEqualTo(DomainException.Meaning.INVALID);
        }

        @Test
        void a_signature_without_a_content_hash_is_refused() {
            Agreement open = SeedAgreement.open();

            assertThatThrownBy(() -> open.sign(SICHUAN, SIGNATORY, null, null, SigningKeys.NONE, ALL_ACTIVE, LATER))
                    .isInstanceOf(InvalidValue.class);
        }

        @Test
        void a_second_signature_by_the_same_party_is_refused() {
            Agreement open = SeedAgreement.open();
            Agreement signedOnce = open.sign(SICHUAN, SIGNATORY, open.contentHash(), null, SigningKeys.NONE, ALL_ACTIVE, NOW).agreement();

            assertThatThrownBy(() -> signedOnce.sign(SICHUAN, SIGNATORY, open.contentHash(), null, SigningKeys.NONE, ALL_ACTIVE, LATER))
                    .isInstanceOf(AlreadySigned.class)
                    .hasMessageContaining("CN-SC has already signed")
                    .extracting(e -> ((DomainException) e).meaning()).isEqualTo(DomainException.Meaning.CONFLICT);
        }

        @Test
        void a_region_that_is_not_a_party_cannot_sign_an_open_agreement() {
            Agreement open = SeedAgreement.open();

            assertThatThrownBy(() -> open.sign(HAINAN, SIGNATORY, open.contentHash(), null, SigningKeys.NONE, ALL_ACTIVE, LATER))
                    .isInstanceOf(NotAParty.class)
                    .hasMessageContaining("CN-HI is not a party")
                    .extracting(e -> ((DomainException) e).meaning()).isEqualTo(DomainException.Meaning.INVALID);
        }

        @Test
        void a_party_of_a_signed_agreement_signing_again_is_refused() {
            Agreement signed = SeedAgreement.signed();

            assertThatThrownBy(() -> signed.sign(SICHUAN, SIGNATORY, signed.contentHash(), null, SigningKeys.NONE, ALL_ACTIVE, LATER))
                    .isInstanceOf(AlreadySigned.class);
        }
    }

    @Nested
    class Acceding {

        @Test
        void a_region_signing_an_agreement_in_force_accedes_to_it() {
            Agreement signed = SeedAgreement.signed();

            Outcome outcome = signed.sign(HAINAN, SIGNATORY, signed.contentHash(), null, SigningKeys.NONE, ALL_ACTIVE, LATER);

            Agreement grown = outcome.agreement();
            Signature signature = new Signature(HAINAN, SIGNATORY, LATER, signed.contentHash(), SignatureEvidence.bearerToken());
            assertThat(grown.status()).isEqualTo(AgreementStatus.IN_FORCE);
            assertThat(grown.parties()).hasSize(13).last()
                    .isEqualTo(new Party(HAINAN, signature, true, LocalDate.ofInstant(LATER, java.time.ZoneOffset.UTC),
                            null, null));
            assertThat(grown.text().parties()).as("the signed text keeps its parties").isEqualTo(PARTIES);
            assertThat(grown.contentHash()).isEqualTo(signed.contentHash());
            assertThat(grown.concludedAt()).isEqualTo(signed.concludedAt());
            assertThat(outcome.events()).containsExactly(new PartyAcceded(signature, 13));
        }

        @Test
        void accession_names_the_content_hash() {
            Agreement signed = SeedAgreement.signed();
            ContentHash other = ContentHash.of("sha256:" + "a".repeat(64));

            assertThatThrownBy(() -> signed.sign(HAINAN, SIGNATORY, other, null, SigningKeys.NONE, ALL_ACTIVE, LATER))
                    .isInstanceOf(ContentHashMismatch.class);
        }

        @Test
        void an_unknown_or_deactivated_region_cannot_accede() {
            Agreement signed = SeedAgreement.signed();

            assertThatThrownBy(() -> signed.sign(HAINAN, SIGNATORY, signed.contentHash(), null, SigningKeys.NONE, region -> Standing.UNKNOWN, LATER))
                    .isInstanceOf(IneligibleRegions.class).hasMessageContaining("unknown region CN-HI");
            assertThatThrownBy(() -> signed.sign(HAINAN, SIGNATORY, signed.contentHash(), null, SigningKeys.NONE, region -> Standing.DEACTIVATED, LATER))
                    .isInstanceOf(IneligibleRegions.class).hasMessageContaining("deactivated region CN-HI");
        }

        @Test
        void an_acceded_region_cannot_sign_again() {
            Agreement signed = SeedAgreement.signed();
            Agreement grown = signed.sign(HAINAN, SIGNATORY, signed.contentHash(), null, SigningKeys.NONE, ALL_ACTIVE, LATER).agreement();

            assertThatThrownBy(() -> grown.sign(HAINAN, SIGNATORY, signed.contentHash(), null, SigningKeys.NONE, ALL_ACTIVE, LATER))
                    .isInstanceOf(AlreadySigned.class);
        }
    }

    @Nested
    class EndOfLife {

        @Test
        void withdrawing_keeps_the_reason() {
            Outcome outcome = SeedAgreement.open().withdraw("  The event was postponed  ", LATER);

            assertThat(outcome.agreement().status()).isEqualTo(AgreementStatus.WITHDRAWN);
            assertThat(outcome.agreement().endReason()).isEqualTo("The event was postponed");
            assertThat(outcome.agreement().endedAt()).isEqualTo(LATER);
            assertThat(outcome.events()).containsExactly(new Withdrawn("The event was postponed", LATER));
        }

        @Test
        void terminating_keeps_the_reason() {
            Outcome outcome = SeedAgreement.signed().terminate("Superseded by the 2026 MoU", LATER);

            assertThat(outcome.agreement().status()).isEqualTo(AgreementStatus.TERMINATED);
            assertThat(outcome.events()).containsExactly(new Terminated("Superseded by the 2026 MoU", Terminated.Cause.DECISION, LATER));
        }

        @Test
        void withdrawal_and_termination_need_a_reason() {
            for (String blank : new String[] {null, "", "   "}) {
                assertThatThrownBy(() -> SeedAgreement.draft().withdraw(blank, LATER)).isInstanceOf(InvalidValue.class);
                assertThatThrownBy(() -> SeedAgreement.signed().terminate(blank, LATER)).isInstanceOf(InvalidValue.class);
            }
        }

        @Test
        void a_signed_agreement_expires_the_day_after_its_term_ends() {
            Agreement signed = signedWithTermUntil(LocalDate.parse("2025-12-31"));

            assertThat(signed.isDueToExpire(LocalDate.parse("2025-12-31"))).isFalse();
            assertThat(signed.isDueToExpire(LocalDate.parse("2026-01-01"))).isTrue();

            Outcome outcome = signed.expire(LocalDate.parse("2026-01-03"), LATER);
            assertThat(outcome.agreement().status()).isEqualTo(AgreementStatus.EXPIRED);
            assertThat(outcome.events()).containsExactly(new Expired(LocalDate.parse("2026-01-01"), LATER));
        }

        @Test
        void an_agreement_still_in_force_does_not_expire() {
            Agreement signed = signedWithTermUntil(LocalDate.parse("2025-12-31"));

            assertThatThrownBy(() -> signed.expire(LocalDate.parse("2025-12-31"), LATER))
                    .isInstanceOf(TransitionNotAllowed.class);
        }

        @Test
        void an_open_ended_agreement_never_expires() {
            Agreement signed = SeedAgreement.signed();

            assertThat(signed.isDueToExpire(LocalDate.parse("2999-01-01"))).isFalse();
        }

        @Test
        void only_signed_agreements_are_due_to_expire() {
            Agreement open = SeedAgreement.draft().amend(SeedAgreement.text(
                    new Term(LocalDate.parse("2024-09-24"), LocalDate.parse("2025-12-31"))), ALL_ACTIVE, NOW)
                    .agreement().open(ALL_ACTIVE, NOW).agreement();

            assertThat(open.isDueToExpire(LocalDate.parse("2030-01-01"))).isFalse();
        }

        private Agreement signedWithTermUntil(LocalDate until) {
            Agreement agreement = Agreement.draft(UUID.randomUUID(),
                    SeedAgreement.text(new Term(LocalDate.parse("2024-09-24"), until)), ALL_ACTIVE, NOW)
                    .agreement().open(ALL_ACTIVE, NOW).agreement();
            for (RegionCode party : PARTIES) {
                agreement = agreement.sign(party, SIGNATORY, agreement.contentHash(), null, SigningKeys.NONE, ALL_ACTIVE, NOW).agreement();
            }
            return agreement;
        }
    }
}
