package org.concord.notifications.notification.domain;

import org.concord.notifications.region.domain.KnownRegion;
import java.util.Map;


/**
 * Writes the English sentence of an inbox notification from an agreement event and what is known of the
 * regions, e.g. "Department of Commerce of Xizang Autonomous Region signed 'MoU on ...' (7 of 12)". A region
 * not (yet) in the replica is named by what the event says of it, or by its code: a message is never refused.
 */
public final class NotificationMessages {

    private NotificationMessages() {
    }

    public static String render(AgreementChange event, Map<String, KnownRegion> regions) {
        AgreementChange.Data data = event.data();
        String title = "'" + event.agreement().title() + "'";
        int parties = data.partyCount() != null ? data.partyCount() : event.partyRegions().size();
        return switch (event.change()) {
            case "drafted" -> actingName(event.agreement().convener(), null, regions)
                    + " drafted " + title + " for " + parties + " parties";
            case "opened" -> title + " is open for signature by " + parties + " parties";
            case "signature-recorded" -> signer(data, regions) + " signed " + title
                    + " (" + signatureCount(event) + " of " + parties + ")";
            case "signed" -> title + " concluded: all " + parties + " parties signed";
            case "party-acceded" -> signer(data, regions) + " acceded to " + title
                    + " (now " + parties + " parties)";
            case "withdrawn" -> title + " was withdrawn" + reason(data);
            case "terminated" -> terminated(event, title);
            case "expired" -> title + " expired" + (data.expiredOn() == null ? "" : " on " + data.expiredOn());
            case "entered-into-force" -> title + " entered into force"
                    + (data.party() == null ? "" : " for " + actingName(data.party(), null, regions)) + on(data.effectiveOn());
            case "withdrawal-notified" -> party(data, regions) + " gave notice of withdrawal from " + title
                    + (data.effectiveOn() == null ? "" : ", effective " + data.effectiveOn()) + reason(data);
            case "party-withdrawn" -> party(data, regions) + " withdrew from " + title + on(data.effectiveOn())
                    + (data.remainingParties() == null ? "" : " (" + data.remainingParties() + " parties remain)");
            default -> amendmentOrTerm(event, title, parties, regions);
        };
    }

    private static String amendmentOrTerm(AgreementChange event, String title, int parties, Map<String, KnownRegion> regions) {
        AgreementChange.Data data = event.data();
        return switch (event.change()) {
            case "amendment-opened" -> amendment(data) + " to " + title + " is open for signature by " + parties + " parties";
            case "amendment-signed" -> party(data, regions) + " signed " + amendment(data).toLowerCase(java.util.Locale.ROOT)
                    + " to " + title + " (" + signatureCount(event) + " of " + parties + ")";
            case "amendment-adopted" -> amendment(data) + " to " + title + " was adopted"
                    + (data.textVersion() == null ? "" : ": the text is now version " + data.textVersion());
            case "term-ending" -> title + " ends" + on(data.endsOn())
                    + (data.daysLeft() == null ? "" : ", in " + data.daysLeft() + " days")
                    + (Boolean.TRUE.equals(data.automaticRenewal()) ? "; it renews unless a party objects"
                            + (data.objectionDeadline() == null ? "" : " by " + data.objectionDeadline()) : "");
            case "renewal-objected" -> party(data, regions) + " objected to the renewal of " + title + reason(data);
            case "renewed" -> title + " renewed" + (data.newEnd() == null ? "" : " until " + data.newEnd());
            default -> title + " changed (" + event.type() + ")";
        };
    }

    private static String terminated(AgreementChange event, String title) {
        if (!"QUORUM_LOST".equals(event.data().cause())) {
            return title + " was terminated" + reason(event.data());
        }
        Integer quorum = event.agreement().quorum();
        return title + " ended: fewer parties remain than its quorum" + (quorum == null ? "" : " of " + quorum);
    }

    private static String party(AgreementChange.Data data, Map<String, KnownRegion> regions) {
        return actingName(data.party(), null, regions);
    }

    private static String amendment(AgreementChange.Data data) {
        return data.amendment() == null || data.amendment().number() == null ? "An amendment"
                : "Amendment " + data.amendment().number();
    }

    private static String on(java.time.LocalDate date) {
        return date == null ? "" : " on " + date;
    }

    private static String signer(AgreementChange.Data data, Map<String, KnownRegion> regions) {
        if (data.signature() == null) {
            return "A party";
        }
        AgreementChange.Signatory signatory = data.signature().signatory();
        return actingName(data.signature().party(), signatory == null ? null : signatory.organisation(), regions);
    }

    /** The region's signing authority or name from the replica, else the organisation the event names, else the code. */
    static String actingName(String code, String organisationInEvent, Map<String, KnownRegion> regions) {
        KnownRegion region = code == null ? null : regions.get(code);
        if (region != null) {
            return region.actingName();
        }
        if (organisationInEvent != null && !organisationInEvent.isBlank()) {
            return organisationInEvent;
        }
        return code == null ? "A party" : code;
    }

    private static int signatureCount(AgreementChange event) {
        if (event.data().signatureCount() != null) {
            return event.data().signatureCount();
        }
        return (int) event.agreement().parties().stream().filter(AgreementChange.Party::signed).count();
    }

    private static String reason(AgreementChange.Data data) {
        return data.reason() == null || data.reason().isBlank() ? "" : ": " + data.reason();
    }
}
