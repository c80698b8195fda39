package org.concord.localstack.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The seed story as request bodies: on 24 September 2024, at the 2024 China-ASEAN Silk Road (Cross-border)
 * E-commerce Open Cooperation Promotion Event in Nanning, the departments of commerce of twelve provincial-level
 * regions signed an MoU on e-commerce and cross-border e-commerce cooperation with ASEAN. (The end-to-end test
 * plays the same MoU: end-to-end/src/test/java/org/concord/endtoend/NanningMou.java.)
 */
final class NanningMou {

    static final String TITLE = "Memorandum of Understanding on Silk Road E-commerce Cooperation with ASEAN";
    static final String CONVENER = "CN-GX";
    static final String EVENT = "2024 China-ASEAN Silk Road (Cross-border) E-commerce Open Cooperation Promotion Event";

    /** The twelve parties in the order the article names them, with the short names it uses. */
    static final Map<String, String> PARTIES = parties(
            "CN-GX", "Guangxi", "CN-SC", "Sichuan", "CN-SN", "Shaanxi", "CN-YN", "Yunnan",
            "CN-GZ", "Guizhou", "CN-XZ", "Xizang", "CN-CQ", "Chongqing", "CN-NM", "Inner Mongolia",
            "CN-GS", "Gansu", "CN-QH", "Qinghai", "CN-XJ", "Xinjiang", "CN-NX", "Ningxia");

    /** The five things the article says the MoU will do. */
    static final List<String> COMMITMENTS = List.of(
            "Enhance exchanges and cooperation in Silk Road e-commerce",
            "Explore the potential for trade cooperation between China and ASEAN nations",
            "Exchange e-commerce expertise",
            "Facilitate the entry of high-quality products from ASEAN countries into China",
            "Boost consumption upgrading");

    private NanningMou() {
    }

    static String shortName(String code) {
        return PARTIES.getOrDefault(code, code);
    }

    /** POST /api/agreements; {@code title} carries the run's time, so every run drafts an MoU of its own. */
    static Map<String, Object> draft(String title) {
        Map<String, Object> draft = new LinkedHashMap<>();
        draft.put("title", title);
        draft.put("kind", "MOU");
        draft.put("areas", List.of("E_COMMERCE", "CROSS_BORDER_E_COMMERCE"));
        draft.put("summary", "Twelve provincial-level regions pledge exchanges and cooperation in e-commerce and "
                + "cross-border e-commerce with ASEAN.");
        draft.put("commitments", COMMITMENTS);
        draft.put("counterpart", "ASEAN");
        draft.put("convener", CONVENER);
        draft.put("parties", List.copyOf(PARTIES.keySet()));
        draft.put("signingEvent", Map.of("name", EVENT, "venue", "Nanning", "date", "2024-09-24"));
        Map<String, Object> term = new LinkedHashMap<>();
        term.put("effectiveFrom", "2024-09-24");
        term.put("until", null);
        draft.put("term", term);
        return draft;
    }

    /**
     * POST /api/agreements/{id}/signatures: the region's department of commerce signs. The article names no
     * person, so the signatory is named for the office; the organisation is the signing authority regions-service
     * has for the region.
     */
    static Map<String, Object> signature(String party, String contentHash, String organisation) {
        Map<String, Object> signatory = new LinkedHashMap<>();
        signatory.put("name", "Signatory of " + party);
        signatory.put("title", "Authorised representative");
        signatory.put("organisation", organisation);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("party", party);
        body.put("contentHash", contentHash);
        body.put("signatory", signatory);
        return body;
    }

    private static Map<String, String> parties(String... codesAndNames) {
        Map<String, String> parties = new LinkedHashMap<>();
        for (int i = 0; i < codesAndNames.length; i += 2) {
            parties.put(codesAndNames[i], codesAndNames[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(parties);
    }
}
