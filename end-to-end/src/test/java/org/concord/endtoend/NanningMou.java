package org.concord.endtoend;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The seed story as request bodies (../shared/seed/): on 24 September 2024, at the 2024 China-ASEAN Silk Road
 * (Cross-border) E-commerce Open Cooperation Promotion Event in Nanning, the departments of commerce of twelve
 * provincial-level regions signed an MoU on e-commerce and cross-border e-commerce cooperation with ASEAN.
 */
final class NanningMou {

    static final String TITLE = "Memorandum of Understanding on Silk Road E-commerce Cooperation with ASEAN";
    static final String CONVENER = "CN-GX";

    /** In the order the article names them: Guangxi first, then Sichuan, Shaanxi, Yunnan, Guizhou, ... */
    static final List<String> PARTIES = List.of("CN-GX", "CN-SC", "CN-SN", "CN-YN", "CN-GZ", "CN-XZ",
            "CN-CQ", "CN-NM", "CN-GS", "CN-QH", "CN-XJ", "CN-NX");

    /** The five things the article says the MoU will do. */
    static final List<String> COMMITMENTS = List.of(
            "Enhance exchanges and cooperation in Silk Road e-commerce",
            "Explore the potential for trade cooperation between China and ASEAN nations",
            "Exchange e-commerce expertise",
            "Facilitate the entry of high-quality products from ASEAN countries into China",
            "Boost consumption upgrading");

    static final String EVENT = "2024 China-ASEAN Silk Road (Cross-border) E-commerce Open Cooperation Promotion Event";

    private NanningMou() {
    }

    /** POST /api/agreements */
    static Map<String, Object> draft() {
        Map<String, Object> draft = new LinkedHashMap<>();
        draft.put("title", TITLE);
        draft.put("kind", "MOU");
        draft.put("areas", List.of("E_COMMERCE", "CROSS_BORDER_E_COMMERCE"));
        draft.put("summary", "Twelve provincial-level regions pledge exchanges and cooperation in e-commerce and "
                + "cross-border e-commerce with ASEAN.");
        draft.put("commitments", COMMITMENTS);
        draft.put("counterpart", "ASEAN");
        draft.put("convener", CONVENER);
        draft.put("parties", PARTIES);
        draft.put("signingEvent", Map.of("name", EVENT, "venue", "Nanning", "date", "2024-09-24"));
        Map<String, Object> term = new LinkedHashMap<>();
        term.put("effectiveFrom", "2024-09-24");
        term.put("until", null);
        draft.put("term", term);
        return draft;
    }

    /**
     * POST /api/agreements/{id}/signatures: the party's department of commerce signs. The article names no
     * person, so the signatory is named for the office; the organisation is the region's signing authority as
     * regions-service knows it.
     */
    static Map<String, Object> signature(String party, String contentHash, String signingAuthority) {
        return Map.of(
                "party", party,
                "contentHash", contentHash,
                "signatory", Map.of(
                        "name", "Signatory of " + party,
                        "title", "Authorised representative",
                        "organisation", signingAuthority));
    }
}
