package org.concord.notifications.notification.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;


/**
 * What happened to an agreement, as this service reads an {@code agreements.v1} event: the CloudEvent attributes
 * it uses and the part of the data it reads (the contract's schemas are the agreement; no domain classes are
 * shared between services). Data without an agreement snapshot with id, title and parties cannot be read.
 */
public record AgreementChange(String id, String type, Instant time, Data data) {

    public static final String TYPE_PREFIX = "concord.agreement.";

    /** Changes one party makes about itself, which the other parties need to hear of: it is not told its own. */
    private static final Set<String> TOLD_TO_THE_OTHER_PARTIES = Set.of(
            "withdrawal-notified", "party-withdrawn", "renewal-objected");

    public Agreement agreement() {
        return data.agreement();
    }

    /** The part of {@code concord.agreement.*} that names what happened, e.g. {@code signature-recorded}. */
    public String change() {
        return type.startsWith(TYPE_PREFIX) ? type.substring(TYPE_PREFIX.length()) : type;
    }

    /** The agreement's parties now: those that have not withdrawn (in a snapshot from before withdrawals, all). */
    public List<String> partyRegions() {
        return agreement().parties().stream().filter(party -> party.withdrawnOn() == null).map(Party::region)
                .distinct().toList();
    }

    /**
     * Whose inbox hears of the change: every party of the agreement now, but not the party that withdraws, withdrew
     * or objects to a renewal (the others are told of it). Each region is named once ({@link #partyRegions()}), even if
     * the snapshot lists it twice: a region gets one notification per event.
     */
    public List<String> recipients() {
        boolean toldToTheOthers = TOLD_TO_THE_OTHER_PARTIES.contains(change()) && data.party() != null;
        return partyRegions().stream().filter(region -> !toldToTheOthers || !region.equals(data.party())).toList();
    }

    /**
     * The regions a webhook subscription's region filter is matched against: the parties now, and the party the
     * event is about (a party that withdrew still hears, through its subscriptions, that it left).
     */
    public List<String> concernedRegions() {
        Set<String> regions = new LinkedHashSet<>(partyRegions());
        if (data.party() != null) {
            regions.add(data.party());
        }
        return List.copyOf(regions);
    }

    /**
     * The event data: the agreement's snapshot and what changed (fields present per event type: signature, counts,
     * the party a withdrawal, an amendment signature or an objection is about, dates of entry into force, of a
     * withdrawal or of the term, the amendment and the text version it made current).
     */
    public record Data(Agreement agreement, Signature signature, Integer signatureCount, Integer partyCount,
            Instant concludedAt, String reason, LocalDate expiredOn, String contentHash, String cause, String party,
            String rule, LocalDate effectiveOn, Integer remainingParties, Amendment amendment, Integer textVersion,
            LocalDate endsOn, Integer daysLeft, Boolean automaticRenewal, LocalDate objectionDeadline,
            LocalDate newEnd) {

        public Data {
            if (agreement == null || agreement.id() == null || agreement.title() == null
                    || agreement.parties().isEmpty()) {
                throw new IllegalArgumentException("no agreement snapshot with id, title and parties");
            }
        }
    }

    public record Agreement(String id, String title, String status, String convener, String counterpart,
            List<Party> parties, Long version, Integer quorum) {

        public Agreement {
            parties = parties == null ? List.of() : List.copyOf(parties);
        }
    }

    /** withdrawnOn is null while the region is a party (and absent from snapshots from before withdrawals). */
    public record Party(String region, boolean signed, Instant signedAt, LocalDate withdrawnOn) {
    }

    public record Signature(String party, Signatory signatory, Instant signedAt) {
    }

    public record Signatory(String name, String title, String organisation) {
    }

    public record Amendment(Integer number, String contentHash) {
    }
}
