package org.concord.gateway.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.concord.testsupport.security.Tokens;

/**
 * The seed story through the gateway: on 24 September 2024, in Nanning, the departments of commerce of twelve
 * regions signed an MoU with ASEAN. Drafting, opening and signing it as the README's walkthrough does.
 */
public final class NanningMou {

    public static final String TITLE = "Memorandum of Understanding on Silk Road E-commerce Cooperation with ASEAN";
    public static final String CONVENER = "CN-GX";
    /** In the order the article names them. */
    public static final List<String> PARTIES = List.of("CN-GX", "CN-SC", "CN-SN", "CN-YN", "CN-GZ", "CN-XZ",
            "CN-CQ", "CN-NM", "CN-GS", "CN-QH", "CN-XJ", "CN-NX");

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private NanningMou() {
    }

    /** POST /api/agreements */
    public static Map<String, Object> draft() {
        Map<String, Object> draft = new LinkedHashMap<>();
        draft.put("title", TITLE);
        draft.put("kind", "MOU");
        draft.put("areas", List.of("E_COMMERCE", "CROSS_BORDER_E_COMMERCE"));
        draft.put("summary", "Twelve provincial-level regions pledge exchanges and cooperation in e-commerce and "
                + "cross-border e-commerce with ASEAN.");
        draft.put("commitments", List.of(
                "Enhance exchanges and cooperation in Silk Road e-commerce",
                "Explore the potential for trade cooperation between China and ASEAN nations",
                "Exchange e-commerce expertise",
                "Facilitate the entry of high-quality products from ASEAN countries into China",
                "Boost consumption upgrading"));
        draft.put("counterpart", "ASEAN");
        draft.put("convener", CONVENER);
        draft.put("parties", PARTIES);
        draft.put("signingEvent", Map.of("name",
                "2024 China-ASEAN Silk Road (Cross-border) E-commerce Open Cooperation Promotion Event",
                "venue", "Nanning", "date", "2024-09-24"));
        Map<String, Object> term = new LinkedHashMap<>();
        term.put("effectiveFrom", "2024-09-24");
        term.put("until", null);
        draft.put("term", term);
        return draft;
    }

    /**
     * Guangxi drafts the MoU as soon as agreements-service knows the twelve regions (it learns them from
     * regions.v1 after it starts: until then, 422 unknown region). Returns the draft.
     */
    public static Http.Response drafted(Http api) {
        Http.Response drafted = await("agreements-service knows the twelve parties").atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> api.post("/api/agreements", Tokens.admin(), draft()),
                        response -> !(response.status() == 422 && response.text().contains("unknown region")));
        assertThat(drafted.status()).as("draft: %s", drafted).isEqualTo(201);
        return drafted;
    }

    /** Drafted and opened: returns the opened agreement (its {@code contentHash} is what parties sign). */
    public static Http.Response opened(Http api) {
        String id = drafted(api).body().path("id").asString();
        Http.Response opened = api.post("/api/agreements/" + id + "/open", Tokens.admin(), Map.of());
        assertThat(opened.status()).as("open: %s", opened).isEqualTo(200);
        return opened;
    }

    /** The party's signatory signs, in the name of its signing authority as regions-service knows it. */
    public static Http.Response sign(Http api, String agreementId, String contentHash, String party) {
        String organisation = api.get("/api/regions/" + party, Tokens.viewer()).body().path("signingAuthority").asString();
        return api.post("/api/agreements/" + agreementId + "/signatures", Tokens.signatory(party), signature(party,
                contentHash, organisation));
    }

    public static Map<String, Object> signature(String party, String contentHash, String organisation) {
        return Map.of("party", party, "contentHash", contentHash, "signatory", Map.of(
                "name", "Signatory of " + party, "title", "Authorised representative", "organisation", organisation));
    }
}
