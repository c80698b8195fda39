package org.concord.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.concord.gateway.console.ConsoleSigningScenarios.PATIENCE;
import static org.concord.gateway.console.ConsoleSigningScenarios.text;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.concord.evidence.Algorithm;
import org.concord.evidence.SignaturePayload;
import org.concord.evidence.SigningKey;
import org.concord.gateway.support.Browser;
import org.concord.gateway.support.TestSystem;
import org.concord.gateway.support.WithBrowser;
import org.concord.gateway.support.WithConcordSystem;
import org.concord.testsupport.http.Http;
import org.concord.testsupport.http.Http.Response;
import org.concord.testsupport.security.Tokens;
import org.concord.testsupport.seed.NanningKeys;
import org.concord.testsupport.seed.SeedMou;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An agreement's evidence, checked in a real browser by the console itself (WebCrypto), not by the server: three
 * regions of their own (one signing with an ES256 key, one with an EdDSA key, one with a bearer token only) sign an
 * MoU; the page says it verified, check by check. A bundle altered on its way to the page fails, naming the entry.
 * The regions are new ones, so the other console tests' regions keep signing with bearer tokens.
 */
@WithConcordSystem
@WithBrowser
class ConsoleEvidenceInBrowserIT {

    private static Http gateway;
    private static String agreement;
    private static String es256;
    private static String eddsa;
    private static String keyless;

    @BeforeAll
    static void threeRegionsSignAnMou(TestSystem running) {
        gateway = running.gateway();
        String suffix = Integer.toString(Math.floorMod(UUID.randomUUID().hashCode(), 36 * 36), 36).toUpperCase();
        es256 = "CN-Y" + (suffix.length() == 1 ? "0" + suffix : suffix);
        eddsa = "CN-W" + (suffix.length() == 1 ? "0" + suffix : suffix);
        keyless = "CN-V" + (suffix.length() == 1 ? "0" + suffix : suffix);
        SigningKey es256Key = SigningKey.generate(Algorithm.ES256, es256.toLowerCase() + "-key");
        SigningKey eddsaKey = SigningKey.generate(Algorithm.EDDSA, eddsa.toLowerCase() + "-key");
        register(es256, es256Key);
        register(eddsa, eddsaKey);
        register(keyless, null);

        Map<String, Object> draft = SeedMou.draft("Nanning MoU among three regions, checked in the browser");
        draft.put("parties", List.of(es256, eddsa, keyless));
        draft.put("convener", es256);
        Response drafted = await("agreements-service knows the three regions").atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> gateway.post("/api/agreements", Tokens.admin(), draft), r -> r.status() != 422);
        assertThat(drafted.status()).as("draft %s", drafted).isEqualTo(201);
        agreement = drafted.body().path("id").asString();
        Response opened = gateway.post("/api/agreements/" + agreement + "/open", Tokens.admin(), Map.of());
        String hash = opened.body().path("contentHash").asString();

        sign(es256, hash, new SignaturePayload(agreement, hash, es256).sign(es256Key));
        sign(eddsa, hash, new SignaturePayload(agreement, hash, eddsa).sign(eddsaKey));
        sign(keyless, hash, null);
    }

    @Test
    void an_agreement_s_evidence_is_verified_in_the_browser_check_by_check(Browser browser) {
        browser.open(gateway.base().resolve("/#token=" + Tokens.viewer()));
        browser.script("location.hash = arguments[0]", "#/agreements/" + agreement);

        browser.await(PATIENCE, "the verification", d -> "verified".equals(
                browser.script("const r = document.querySelector('#evidence-result'); return r && r.dataset.result")));
        assertThat(text(browser.driver(), "#evidence-result")).startsWith("Verified in this browser")
                .contains("1 rest on the service's word").contains("history of 7 entries");
        String checks = text(browser.driver(), "#evidence-checks");
        assertThat(checks).contains("content hash").contains("history").contains("version 1")
                .contains("signature " + es256).contains("ES256 JWS by key '" + es256.toLowerCase() + "-key'")
                .contains("signature " + eddsa).contains("EdDSA JWS by key '" + eddsa.toLowerCase() + "-key'")
                .contains("signed with a bearer token only")
                .contains("checkpoint").contains("the key published at /api/evidence/keys");
        assertThat(browser.findAll("#evidence-checks li[data-status='fail']")).isEmpty();
        // read in one step: the page re-renders when the live feed (re)connects
        assertThat((String) browser.script("return document.querySelector('#evidence a[download]').getAttribute('download')"))
                .isEqualTo("evidence-" + agreement + ".json");
        browser.script("window.scrollTo(0, document.querySelector('#evidence').offsetTop)");
        browser.screenshot(ConsoleSigningScenarios.SCREENSHOTS, "evidence-verified");
    }

    @Test
    void a_bundle_altered_on_its_way_to_the_page_fails_naming_the_entry(Browser browser) {
        browser.open(gateway.base().resolve("/#token=" + Tokens.viewer()));
        // whoever sits between the service and the reader rewrites who signed for the second region
        browser.script("""
                const original = window.fetch;
                window.fetch = async (input, init) => {
                  const response = await original(input, init);
                  if (!String(input).endsWith('/evidence')) return response;
                  const bundle = JSON.parse(await response.text());
                  bundle.history[3].details.signature.signatory.name = 'Someone else';
                  return new Response(JSON.stringify(bundle), {status: 200, headers: {'Content-Type': 'application/json'}});
                };""");
        browser.script("location.hash = arguments[0]", "#/agreements/" + agreement);

        browser.await(PATIENCE, "the failure", d -> "failed".equals(
                browser.script("const r = document.querySelector('#evidence-result'); return r && r.dataset.result")));
        assertThat(text(browser.driver(), "#evidence-result")).startsWith("Verification failed in this browser: history");
        assertThat(text(browser.driver(), "#evidence-checks li[data-status='fail']")).contains("#4:").contains("hashes to");
    }

    private static void register(String code, SigningKey key) {
        Map<String, Object> region = new LinkedHashMap<>();
        region.put("code", code);
        region.put("name", "Test Province " + code);
        region.put("nativeName", "测试省");
        region.put("type", "PROVINCE");
        Response registered = gateway.post("/api/regions", Tokens.admin(), region);
        assertThat(registered.status()).as("register %s: %s", code, registered).isEqualTo(201);
        if (key != null) {
            Response keys = gateway.put("/api/regions/" + code + "/keys", Tokens.signatory(code), NanningKeys.jwks(key),
                    Map.of("If-Match", registered.header("ETag")));
            assertThat(keys.status()).as("keys of %s: %s", code, keys).isEqualTo(200);
        }
    }

    private static void sign(String party, String hash, String jws) {
        Map<String, Object> body = jws == null ? SeedMou.signature(party, hash, "Department of Commerce")
                : SeedMou.signature(party, hash, "Department of Commerce", jws);
        Response signed = await(party + "'s key known to agreements-service").atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> gateway.post("/api/agreements/" + agreement + "/signatures", Tokens.signatory(party), body),
                        r -> !(r.status() == 422 && r.text().contains("has not registered")));
        assertThat(signed.status()).as("%s signs: %s", party, signed).isEqualTo(200);
    }
}
