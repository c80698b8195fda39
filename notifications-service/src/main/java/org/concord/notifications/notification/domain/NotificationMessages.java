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
        int parties = data.partyCount() != null ? data.partyCount() : event.agreement().parties().size();
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
            case "terminated" -> title + " was terminated" + reason(data);
            case "expired" -> title + " expired" + (data.expiredOn() == null ? "" : " on " + data.expiredOn());
            default -> title + " changed (" + event.type() + ")";
        };
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
