package org.concord.testsupport.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.concord.testsupport.http.Http;
import org.concord.testsupport.security.Tokens;

/**
 * The {@link SeedMou}'s steps over HTTP, as the walkthrough takes them: Guangxi drafts and opens the MoU, each
 * department signs in the name of the signing authority regions-service knows for it, with its bearer token alone
 * ({@link #sign}) or, once it registered its key ({@link #registerKey}), with a JWS by its key too
 * ({@link #signWithKey}, keys of {@link NanningKeys}).
 */
public final class NanningSigning {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final Http regions;
    private final Http agreements;
    private final Map<String, String> signingAuthorities = new ConcurrentHashMap<>();

    private NanningSigning(Http regions, Http agreements) {
        this.regions = regions;
        this.agreements = agreements;
    }

    /** Through one address that serves both services' resources (the gateway). */
    public static NanningSigning through(Http api) {
        return new NanningSigning(api, api);
    }

    /** Against the services directly. */
    public static NanningSigning against(Http regions, Http agreements) {
        return new NanningSigning(regions, agreements);
    }

    /**
     * Guangxi drafts the MoU as soon as agreements-service knows the twelve regions (it learns them from
     * regions.v1 after it starts: until then, 422 unknown region). Returns the draft.
     */
    public Http.Response drafted() {
        return drafted(SeedMou.draft());
    }

    /** As {@link #drafted()}, with a draft of the caller's (the seed's, with provisions of its own, for instance). */
    public Http.Response drafted(Map<String, Object> draft) {
        Http.Response drafted = await("agreements-service knows the twelve parties").atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> agreements.post("/api/agreements", Tokens.admin(), draft),
                        response -> !(response.status() == 422 && response.text().contains("unknown region")));
        assertThat(drafted.status()).as("draft: %s", drafted).isEqualTo(201);
        return drafted;
    }

    /** Drafted and opened: returns the opened agreement (its {@code contentHash} is what parties sign). */
    public Http.Response opened() {
        return opened(SeedMou.draft());
    }

    /** As {@link #opened()}, with a draft of the caller's. */
    public Http.Response opened(Map<String, Object> draft) {
        String id = drafted(draft).body().path("id").asString();
        Http.Response opened = agreements.post("/api/agreements/" + id + "/open", Tokens.admin(), Map.of());
        assertThat(opened.status()).as("open: %s", opened).isEqualTo(200);
        return opened;
    }

    /** The party's signatory signs; the answer is the caller's to judge. */
    public Http.Response sign(String agreementId, String contentHash, String party) {
        return agreements.post("/api/agreements/" + agreementId + "/signatures", Tokens.signatory(party),
                SeedMou.signature(party, contentHash, signingAuthority(party)));
    }

    /**
     * The region's signatory registers the public half of its key ({@link NanningKeys}) in regions-service, naming
     * the region's current version; returns the answer (200 with the key set).
     */
    public Http.Response registerKey(String party) {
        Http.Response region = regions.get("/api/regions/" + party, Tokens.viewer());
        assertThat(region.status()).as("region %s: %s", party, region).isEqualTo(200);
        return regions.put("/api/regions/" + party + "/keys", Tokens.signatory(party), NanningKeys.jwks(party),
                Map.of("If-Match", region.header("ETag")));
    }

    /**
     * The party's signatory signs with its token and a JWS by its key. agreements-service learns a key just
     * registered from regions.v1: until it has, it answers 422 (the key is not registered), and this waits.
     */
    public Http.Response signWithKey(String agreementId, String contentHash, String party) {
        String jws = NanningKeys.jws(party, agreementId, contentHash);
        return await(party + "'s key known to agreements-service").atMost(PATIENCE).pollInterval(Duration.ofMillis(250))
                .until(() -> agreements.post("/api/agreements/" + agreementId + "/signatures", Tokens.signatory(party),
                                SeedMou.signature(party, contentHash, signingAuthority(party), jws)),
                        response -> !(response.status() == 422 && response.text().contains("has not registered")));
    }

    /** The organisation that signs for the region, as regions-service knows it (asked once per region). */
    public String signingAuthority(String party) {
        return signingAuthorities.computeIfAbsent(party, code -> {
            Http.Response region = regions.get("/api/regions/" + code, Tokens.viewer());
            assertThat(region.status()).as("region %s: %s", code, region).isEqualTo(200);
            return region.body().path("signingAuthority").asString();
        });
    }
}
