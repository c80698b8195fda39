package org.concord.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.concord.gateway.support.Browser;
import org.concord.gateway.support.Http;
import org.concord.gateway.support.Http.Response;
import org.concord.gateway.support.NanningMou;
import org.concord.gateway.support.TestSystem;
import org.concord.testsupport.security.Tokens;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The Nanning signing watched in the console by Yunnan's signatory, in a real browser, on whichever database the
 * subclass runs the services on (its {@code @WithConcordSystem}): a signature made elsewhere lights up its party's card within a second, without a
 * reload; then Yunnan signs from the page itself, with the keyboard.
 */
abstract class ConsoleSigningScenarios {

    private static final Logger log = LoggerFactory.getLogger(ConsoleSigningScenarios.class);

    static final Duration LIVE = Duration.ofSeconds(1);
    static final Duration PATIENCE = Duration.ofSeconds(15);
    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    @Test
    void a_signature_made_elsewhere_lights_up_within_a_second_and_the_signatory_signs_from_the_page(TestSystem system,
            Browser browser) {
        Http gateway = system.gateway();
        Response opened = NanningMou.opened(gateway);
        String id = opened.body().path("id").asString();
        String hash = opened.body().path("contentHash").asString();
        for (String party : List.of("CN-GX", "CN-SC", "CN-SN")) {
            assertThat(NanningMou.sign(gateway, id, hash, party).status()).as("%s signs", party).isEqualTo(200);
        }

        // Yunnan's signatory follows a console link carrying its token in the fragment
        browser.open(gateway.base().resolve("/#token=" + Tokens.signatory("CN-YN")));
        browser.await(PATIENCE, "signed in", d -> text(d, "#signed-in-as").contains("signatory-CN-YN@test"));
        assertThat(browser.driver().getCurrentUrl()).as("the token left the address bar").doesNotContain("token=");
        browser.click(PATIENCE, "tr[data-agreement='" + id + "'] a");
        browser.await(PATIENCE, "the live feed connected", d -> "live".equals(
                d.findElement(By.id("live-state")).getDomAttribute("data-state")));
        assertThat(card(browser, "CN-GZ").getDomAttribute("data-signed")).isEqualTo("false");
        assertThat(card(browser, "CN-YN").getText()).contains("Yunnan Province").contains("云南省").contains("Your region");
        assertThat(text(browser.driver(), "#agreement-progress")).contains("3 of 12");
        browser.script("window.stillTheSamePage = true");

        // Guizhou signs from another client
        assertThat(NanningMou.sign(gateway, id, hash, "CN-GZ").status()).isEqualTo(200);
        long signedAt = System.nanoTime();
        browser.await(LIVE, "Guizhou's card lit up within " + LIVE.toMillis() + " ms of its signature",
                d -> "true".equals(card(browser, "CN-GZ").getDomAttribute("data-signed")));
        log.info("on {}: Guizhou's card lit up {} ms after its signature was answered", system.database(),
                (System.nanoTime() - signedAt) / 1_000_000);
        assertThat(card(browser, "CN-GZ").getText()).contains("Signatory of CN-GZ");
        assertThat(text(browser.driver(), "#agreement-progress")).contains("4 of 12");
        assertThat((Boolean) browser.script("return window.stillTheSamePage === true")).as("no reload").isTrue();

        // Yunnan signs from the page, with the keyboard only
        WebElement name = browser.find("#signatory-name");
        name.sendKeys("Zhang Min");
        assertThat(browser.find("#signatory-organisation").getDomProperty("value"))
                .isEqualTo("Department of Commerce of Yunnan Province");
        name.sendKeys(Keys.ENTER);
        browser.await(PATIENCE, "Yunnan's card lit up", d -> "true".equals(card(browser, "CN-YN").getDomAttribute("data-signed")));
        browser.await(PATIENCE, "the history has Yunnan's signature", d -> text(d, "#history").contains("Yunnan Province signed (5 of 12)"));
        assertThat(text(browser.driver(), "#my-signature")).contains("Yunnan Province has signed");
        assertThat(text(browser.driver(), "#agreement-progress")).contains("5 of 12");

        JsonNode yunnan = partyOf(gateway.get("/api/agreements/" + id, Tokens.viewer()).body(), "CN-YN");
        assertThat(yunnan.path("signed").asBoolean()).isTrue();
        assertThat(yunnan.path("signatory").path("name").asString()).isEqualTo("Zhang Min");
        assertThat(yunnan.path("signatory").path("organisation").asString()).isEqualTo("Department of Commerce of Yunnan Province");

        // more departments sign while Yunnan watches: the page the README shows
        for (String party : List.of("CN-XZ", "CN-CQ")) {
            assertThat(NanningMou.sign(gateway, id, hash, party).status()).isEqualTo(200);
        }
        browser.await(PATIENCE, "7 of 12", d -> text(d, "#agreement-progress").contains("7 of 12"));
        browser.script("window.scrollTo(0, 0)");
        browser.screenshot(SCREENSHOTS, "nanning-signing-" + system.database().name().toLowerCase());
    }

    static WebElement card(Browser browser, String region) {
        return browser.find(".party-card[data-region='" + region + "']");
    }

    /** The text of the first element the selector finds ("" when none), read in one step: pages re-render live. */
    static String text(WebDriver driver, String css) {
        Object text = ((JavascriptExecutor) driver).executeScript(
                "const found = document.querySelector(arguments[0]); return found ? found.innerText.trim() : ''", css);
        return (String) text;
    }

    static JsonNode partyOf(JsonNode agreement, String region) {
        for (JsonNode party : agreement.path("parties")) {
            if (region.equals(party.path("region").asString())) {
                return party;
            }
        }
        throw new AssertionError(region + " is not a party of " + agreement);
    }
}
