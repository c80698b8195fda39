package org.concord.testsupport.seed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The seed story as request bodies: on 24 September 2024, at the 2024 China-ASEAN Silk Road (Cross-border)
 * E-commerce Open Cooperation Promotion Event in Nanning, the departments of commerce of twelve provincial-level
 * regions signed an MoU on e-commerce and cross-border e-commerce cooperation with ASEAN. The draft is
 * {@code seed/nanning-mou.json} (also usable with curl); the end-to-end test and {@code ./concord demo} both play it.
 */
public final class SeedMou {

    /** Where the draft's JSON lives, on the classpath and in test-support's resources. */
    public static final String RESOURCE = "seed/nanning-mou.json";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, Object> DRAFT = read();

    public static final String TITLE = (String) DRAFT.get("title");
    public static final String CONVENER = (String) DRAFT.get("convener");
    @SuppressWarnings("unchecked")
    public static final List<String> PARTIES = List.copyOf((List<String>) DRAFT.get("parties"));
    @SuppressWarnings("unchecked")
    public static final List<String> COMMITMENTS = List.copyOf((List<String>) DRAFT.get("commitments"));

    /** The short names the article uses for the twelve regions. */
    private static final Map<String, String> SHORT_NAMES = shortNames(
            "CN-GX", "Guangxi", "CN-SC", "Sichuan", "CN-SN", "Shaanxi", "CN-YN", "Yunnan",
            "CN-GZ", "Guizhou", "CN-XZ", "Xizang", "CN-CQ", "Chongqing", "CN-NM", "Inner Mongolia",
            "CN-GS", "Gansu", "CN-QH", "Qinghai", "CN-XJ", "Xinjiang", "CN-NX", "Ningxia");

    private SeedMou() {
    }

    /** POST /api/agreements: the MoU as drafted. */
    public static Map<String, Object> draft() {
        return read();
    }

    /** The same draft under another title (a demo run drafts an MoU of its own each time). */
    public static Map<String, Object> draft(String title) {
        Map<String, Object> draft = read();
        draft.put("title", title);
        return draft;
    }

    /**
     * POST /api/agreements/{id}/signatures: the region's department of commerce signs. The article names no
     * person, so the signatory is named for the office; the organisation is the region's signing authority.
     */
    public static Map<String, Object> signature(String party, String contentHash, String organisation) {
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

    /** The same signature carrying the signatory's JWS (docs/evidence.md), for a region that signs with its key. */
    public static Map<String, Object> signature(String party, String contentHash, String organisation, String jws) {
        Map<String, Object> body = signature(party, contentHash, organisation);
        body.put("jws", jws);
        return body;
    }

    /** "Yunnan" for CN-YN; the code itself for a region the article does not name. */
    public static String shortName(String code) {
        return SHORT_NAMES.getOrDefault(code, code);
    }

    private static Map<String, Object> read() {
        try (InputStream in = SeedMou.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            return JSON.readValue(in, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> shortNames(String... codesAndNames) {
        Map<String, String> names = new LinkedHashMap<>();
        for (int i = 0; i < codesAndNames.length; i += 2) {
            names.put(codesAndNames[i], codesAndNames[i + 1]);
        }
        return Collections.unmodifiableMap(names);
    }
}
