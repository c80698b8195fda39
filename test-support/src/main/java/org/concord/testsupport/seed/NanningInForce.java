package org.concord.testsupport.seed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.concord.testsupport.http.Http;
import org.concord.testsupport.security.Tokens;

/**
 * What follows the Nanning signing once the MoU is in force, over HTTP (issue 17): a protocol amending its text,
 * signed by the parties in force, and parties giving notice of withdrawal. Each step answers with the response:
 * the caller judges it.
 */
public final class NanningInForce {

    /** The commitment the first protocol adds to the five of the seed. */
    public static final String SIXTH_COMMITMENT = "Hold a joint review of the cooperation each September in Nanning";

    private final Http agreements;
    private final NanningSigning signing;

    private NanningInForce(Http agreements, NanningSigning signing) {
        this.agreements = agreements;
        this.signing = signing;
    }

    /** Against agreements-service directly, with the signing steps (and signing authorities) of {@code signing}. */
    public static NanningInForce against(Http agreements, NanningSigning signing) {
        return new NanningInForce(agreements, signing);
    }

    /**
     * The seed draft with provisions of its own: the fewest parties that keep it in force, and the days of notice a
     * withdrawal needs (entry into force on all signatures, as by default).
     */
    public static Map<String, Object> draft(int quorum, int withdrawalNoticeDays) {
        Map<String, Object> draft = new LinkedHashMap<>(SeedMou.draft());
        draft.put("entryIntoForce", Map.of("rule", "ALL_SIGNATURES"));
        draft.put("quorum", quorum);
        draft.put("withdrawalNoticeDays", withdrawalNoticeDays);
        return draft;
    }

    /** Guangxi (an admin) opens Protocol No. 1: the seed's commitments and a sixth (a JSON Merge Patch of the text). */
    public Http.Response openFirstProtocol(String agreementId) {
        List<String> commitments = new ArrayList<>(SeedMou.COMMITMENTS);
        commitments.add(SIXTH_COMMITMENT);
        return agreements.post("/api/agreements/" + agreementId + "/amendments", Tokens.admin(),
                Map.of("commitments", commitments));
    }

    /** The party's signatory signs amendment {@code number}, naming the amended text's hash (bearer token alone). */
    public Http.Response signAmendment(String agreementId, int number, String contentHash, String party) {
        return agreements.post("/api/agreements/" + agreementId + "/amendments/" + number + "/signatures",
                Tokens.signatory(party), SeedMou.signature(party, contentHash, signing.signingAuthority(party)));
    }

    /** The party's signatory gives notice that the party withdraws. */
    public Http.Response notifyWithdrawal(String agreementId, String party, String reason) {
        return agreements.post("/api/agreements/" + agreementId + "/withdrawals", Tokens.signatory(party),
                Map.of("party", party, "reason", reason));
    }
}
