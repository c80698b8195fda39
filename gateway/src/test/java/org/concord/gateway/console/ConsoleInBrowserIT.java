package org.concord.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.concord.gateway.console.ConsoleSigningScenarios.PATIENCE;
import static org.concord.gateway.console.ConsoleSigningScenarios.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.concord.gateway.support.Browser;
import org.concord.gateway.support.Http;
import org.concord.gateway.support.Http.Response;
import org.concord.gateway.support.NanningMou;
import org.concord.gateway.support.TestSystem;
import org.concord.gateway.support.WithBrowser;
import org.concord.gateway.support.WithConcordSystem;
import org.concord.testsupport.security.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/** The console's other pages, in a real browser: signing in, what every page owes its readers, delivery health. */
@WithConcordSystem
@WithBrowser
class ConsoleInBrowserIT {

    private static TestSystem system;
    private static Http gateway;

    @BeforeAll
    static void connect(TestSystem running) {
        system = running;
        gateway = running.gateway();
    }

    @Test
    void a_pasted_token_signs_in_with_the_keyboard_and_a_refused_one_says_why(Browser browser) {
        browser.open(gateway.base().resolve("/"));
        WebElement field = browser.await(PATIENCE, "the sign-in form", d -> d.findElement(By.id("token")));
        assertThat(browser.driver().switchTo().activeElement()).as("the token field has the focus").isEqualTo(field);

        field.sendKeys(Tokens.Forged.signedWithAnotherKey());
        field.sendKeys(Keys.TAB, Keys.ENTER);
        browser.await(PATIENCE, "the refusal", d -> text(d, "#sign-in-status").contains("The services refused this token"));

        field.clear();
        field.sendKeys(Tokens.viewer());
        field.sendKeys(Keys.TAB, Keys.ENTER);
        browser.await(PATIENCE, "signed in", d -> text(d, "#signed-in-as").contains("viewer@test"));
        browser.await(PATIENCE, "the agreements", d -> text(d, "main h1").equals("Agreements"));
        assertThat(browser.findAll("a.button[href='#/agreements/new']")).as("a viewer drafts nothing").isEmpty();

        browser.find("#session button").click();
        browser.await(PATIENCE, "signed out", d -> !d.findElements(By.id("token")).isEmpty());
        assertThat((String) browser.script("return sessionStorage.getItem('concord.token')")).isNull();
    }

    @Test
    void every_page_labels_its_controls_names_its_buttons_and_keeps_text_readable(Browser browser) {
        Response opened = NanningMou.opened(gateway);
        String id = opened.body().path("id").asString();
        NanningMou.sign(gateway, id, opened.body().path("contentHash").asString(), "CN-GX");
        String draft = NanningMou.drafted(gateway).body().path("id").asString();
        String subscription = gateway.post("/api/subscriptions", Tokens.admin(), Map.of(
                "url", system.receiver().url("accessibility"), "eventTypes", List.of(), "regions", List.of()))
                .body().path("id").asString();

        browser.open(gateway.base().resolve("/#token=" + Tokens.admin()));
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("agreements", "#/agreements");
        pages.put("draft-form", "#/agreements/new");
        pages.put("agreement-open", "#/agreements/" + id);
        pages.put("agreement-draft", "#/agreements/" + draft);
        pages.put("regions", "#/regions");
        pages.put("region", "#/regions/CN-YN");
        pages.put("subscriptions", "#/subscriptions");
        pages.put("subscription", "#/subscriptions/" + subscription);
        pages.forEach((name, page) -> {
            browser.script("location.hash = arguments[0]", page);
            browser.await(PATIENCE, page + " shown", d -> page.equals(browser.script("return document.querySelector('main').dataset.shown")));
            assertThat(browser.findAll("main .alert")).as("errors on %s", page).isEmpty();
            List<String> problems = browser.script(audit());
            assertThat(problems).as("accessibility of %s", page).isEmpty();
            browser.screenshot(ConsoleSigningScenarios.SCREENSHOTS, "page-" + name);
        });
        gateway.delete("/api/subscriptions/" + subscription, Tokens.admin());
    }

    @Test
    void an_admin_drafts_an_agreement_from_the_form_and_opens_it_for_signature(Browser browser) {
        NanningMou.drafted(gateway); // agreements-service knows the regions by now
        browser.open(gateway.base().resolve("/#token=" + Tokens.admin()));
        browser.await(PATIENCE, "the draft button", d -> d.findElement(By.cssSelector("a.button[href='#/agreements/new']"))).click();
        browser.await(PATIENCE, "the form", d -> d.findElement(By.id("draft-form")));
        browser.find("main button.secondary").click(); // Fill in the Nanning MoU
        WebElement title = browser.find("#title");
        title.clear();
        title.sendKeys("Nanning MoU drafted in the console");
        title.submit();

        browser.await(PATIENCE, "the new draft's page", d -> text(d, "#agreement-title").equals("Nanning MoU drafted in the console"));
        assertThat(text(browser.driver(), "#agreement-status")).isEqualTo("DRAFT");
        assertThat(browser.findAll(".party-card")).hasSize(12);
        assertThat(text(browser.driver(), "#agreement-text")).contains("Cross-border e-commerce").contains("Nanning, 2024-09-24");
        WebElement open = browser.find("#open-for-signature");
        open.sendKeys(Keys.ENTER);
        browser.await(PATIENCE, "opened", d -> text(d, "#agreement-status").equals("OPEN"));
        assertThat(text(browser.driver(), "#content-hash")).matches("Content hash: sha256:[0-9a-f]{64}");
        assertThat(text(browser.driver(), "#history")).contains("Drafted").contains("Opened for signature");
        assertThat(browser.findAll("#open-for-signature")).as("nothing more to open").isEmpty();
    }

    @Test
    void a_subscription_shows_its_delivery_health_and_an_admin_resends_a_failed_delivery(Browser browser) {
        String path = "failing-" + System.nanoTime();
        system.receiver().answer(path, 500);
        String subscription = gateway.post("/api/subscriptions", Tokens.admin(), Map.of(
                "url", system.receiver().url(path), "eventTypes", List.of("concord.agreement.drafted"), "regions", List.of()))
                .body().path("id").asString();
        NanningMou.drafted(gateway);
        await("the first delivery failed for good").atMost(PATIENCE).until(() -> statuses(subscription).equals(List.of("FAILED")));
        system.receiver().answer(path, 204);
        NanningMou.drafted(gateway);
        await("the second delivered").atMost(PATIENCE).until(() -> statuses(subscription).contains("DELIVERED"));

        browser.open(gateway.base().resolve("/#token=" + Tokens.admin()));
        browser.script("location.hash = '#/subscriptions'");
        browser.await(PATIENCE, "the subscription's row", d -> text(d, "tr[data-subscription='" + subscription + "']").contains("50 %"));
        browser.find("tr[data-subscription='" + subscription + "'] a").click();
        browser.await(PATIENCE, "its health", d -> text(d, "#success-rate").equals("50 %"));
        assertThat(text(browser.driver(), "#last-failures")).contains("concord.agreement.drafted").contains("FAILED")
                .contains("HTTP 500");

        browser.find("#last-failures button").click();
        browser.await(PATIENCE, "queued again", d -> text(d, "#delivery-status").contains("queued to be sent again"));
        browser.await(PATIENCE, "delivered at last", d -> text(d, "#success-rate").equals("100 %"));
        assertThat(text(browser.driver(), "#last-failures")).contains("No failure");
        assertThat(system.receiver().received(path)).isEqualTo(4);
        browser.screenshot(ConsoleSigningScenarios.SCREENSHOTS, "subscription-health");
        gateway.delete("/api/subscriptions/" + subscription, Tokens.admin());
    }

    @Test
    void the_api_page_offers_the_three_services_documents_and_shows_each(Browser browser) {
        browser.open(gateway.base().resolve("/swagger-ui.html"));
        WebElement definitions = browser.await(PATIENCE, "the definitions", d -> d.findElement(By.cssSelector("select#select")));
        assertThat(definitions.findElements(By.tagName("option"))).extracting(WebElement::getText)
                .containsExactlyInAnyOrder("agreements-service", "regions-service", "notifications-service");
        browser.await(PATIENCE, "agreements-service's operations", d -> text(d, ".swagger-ui").contains("/api/agreements/{id}/signatures"));
        assertThat(text(browser.driver(), ".servers")).contains("/");
        browser.screenshot(ConsoleSigningScenarios.SCREENSHOTS, "api-page");
        new org.openqa.selenium.support.ui.Select(definitions).selectByVisibleText("regions-service");
        browser.await(PATIENCE, "regions-service's operations", d -> text(d, ".swagger-ui").contains("/api/regions/{code}/partners"));
    }

    private static List<String> statuses(String subscription) {
        List<String> statuses = new java.util.ArrayList<>();
        JsonNode items = gateway.get("/api/subscriptions/" + subscription + "/deliveries", Tokens.admin()).body().path("items");
        items.forEach(item -> statuses.add(item.path("status").asString()));
        return statuses;
    }

    /** The checks of accessibility-audit.js, run in the page: a list of problems, empty when there are none. */
    private static String audit() {
        try (InputStream script = ConsoleInBrowserIT.class.getResourceAsStream("accessibility-audit.js")) {
            return new String(script.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
