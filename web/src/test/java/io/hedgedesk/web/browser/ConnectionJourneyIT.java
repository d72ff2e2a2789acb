package io.hedgedesk.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.hedgedesk.web.connection.VenueStubResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.net.URL;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * A read-only exchange connection in a real browser against the packaged application, the real Keycloak and the
 * signature-checking venue stub (Binance COIN-M, serving the documented position payload: short 1,334 ADAUSD_PERP at
 * 0.6671 with 10,000.1 ADA isolated margin): alice connects the key from her team's page, syncs, sees the position
 * no hedge records yet, records it through the pre-filled hedge form, and then sees it matched; then has the fills
 * and funding synced into the portfolio and finds the hedge they open. Screenshots under
 * web/target/screenshots/ConnectionJourneyIT/.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(VenueStubResource.class)
class ConnectionJourneyIT {

    @TestHTTPResource("/")
    URL root;

    private Chromium browser;

    @Test
    void aliceConnectsAReadOnlyKeyAndSeesTheSyncedPositionBesideItsHedge() {
        String name = "Connected " + Long.toString(System.currentTimeMillis(), 36);
        try (Chromium started = Chromium.start("ConnectionJourneyIT")) {
            browser = started;
            browser.open(root.toString(), "landing");
            click(By.linkText("Log in"), "keycloak-login");
            browser.driver().findElement(By.id("username")).sendKeys("alice");
            browser.driver().findElement(By.id("password")).sendKeys("alice");
            click(By.id("kc-login"), "dashboard");

            // A team of its own, so that no hedge of another journey records the exchange's position yet.
            click(By.linkText("Teams"), "teams");
            type("name", name);
            click(By.cssSelector("form[action='/teams'] button[type=submit]"), "team-created");
            long teamId = idIn("/teams/");

            click(By.linkText("Portfolios"), "portfolios");
            type("name", name);
            click(By.cssSelector("form[action='/portfolios'] button[type=submit]"), "portfolio-created");
            click(By.linkText("Add holding"), "holding-form");
            type("asset", "ADA");
            type("quantity", "40000");
            type("venue", "Ledger");
            click(By.cssSelector("form.holding button[type=submit]"), "holding-added");

            browser.open(root + "teams/" + teamId, "team");
            click(By.id("connections-link"), "connections");

            new Select(browser.driver().findElement(By.id("venue"))).selectByValue("BINANCE");
            type("label", "Binance COIN-M");
            type("apiKey", VenueStubResource.API_KEY);
            type("secret", VenueStubResource.SECRET);
            click(By.name("connect"), "connected");
            assertThat(browser.text())
                    .contains("Connected: the venue confirmed the key is read-only")
                    .doesNotContain(VenueStubResource.SECRET);

            click(By.name("sync"), "synced");
            WebElement positions = browser.await(By.cssSelector("section.synced-positions"));
            assertThat(positions.getText()).contains("BINANCE:ADAUSD_PERP", "No hedge records this position.");

            new Select(positions.findElement(By.name("portfolio"))).selectByVisibleText(name);
            click(By.name("record"), "hedge-form-prefilled");
            assertThat(value("size")).isEqualTo("1334");
            assertThat(value("entryPrice")).isEqualTo("0.6671");
            assertThat(new Select(browser.driver().findElement(By.id("contractId")))
                            .getFirstSelectedOption()
                            .getAttribute("value"))
                    .isEqualTo("BINANCE:ADAUSD_PERP");
            browser.driver().findElement(By.cssSelector("input[name=holding]")).click();
            click(By.cssSelector("form button.primary[type=submit]"), "hedge-recorded");
            long hedgeId = idIn("/hedges/");

            browser.open(root + "teams/" + teamId + "/connections", "connections-matched");
            String matched =
                    browser.await(By.cssSelector("section.synced-positions")).getText();
            assertThat(matched).contains("hedge #" + hedgeId + " in " + name, "matches");

            // Fills and funding into the same portfolio: "Sync now" answers with the positions and reads the history in
            // the background (the stub's Binance rows: a transfer, a fill opening a short of 10 LTCUSD_PERP, its
            // commission and two funding payments).
            new Select(browser.driver().findElement(By.cssSelector("form.choose-portfolio select")))
                    .selectByVisibleText(name);
            click(By.cssSelector("form.choose-portfolio button[name=choose]"), "history-portfolio-chosen");
            click(By.name("sync"), "history-syncing");
            assertThat(browser.text()).contains("Fills and funding are being read from the exchange in the background");
            String history = "";
            for (int i = 0; i < 180 && (!history.contains("in all") || history.contains("Syncing now")); i++) {
                sleep(1000);
                browser.driver().navigate().refresh();
                history = browser.await(By.cssSelector("div.history-sync")).getText();
            }
            browser.open(root + "teams/" + teamId + "/connections", "history-synced");
            history = browser.await(By.cssSelector("div.history-sync")).getText();
            assertThat(history)
                    .contains("Synced into " + name, "Fills: 1 row stored by the last sync (1 in all)")
                    .doesNotContain("Stopped", "Syncing now");
            browser.open(root + "portfolios", "portfolios-after-history");
            click(By.linkText(name), "portfolio-after-history");
            // the hedge the fill opened: 10 contracts of 10 USD sold at 87 hedge 10 × 10 / 87 = 1.14942529 LTC; the 2
            // LTC
            // sent as margin, less the 0.00057471 LTC commission, plus the 2 × 0.0001 LTC funding received, are
            // 1.99962529 LTC at the venue; coverage 1.14942529 / 1.99962529 = 57.48 %
            assertThat(browser.text()).contains("LTC 1.99962529 LTC 1.14942529 LTC 57.48 %");

            // the connections page on a phone: nothing scrolls sideways (a wide table scrolls inside its own box)
            browser.viewport(390, 844, true);
            browser.open(root + "teams/" + teamId + "/connections", "connections-390");
            Number scroll = (Number) browser.driver().executeScript("return document.documentElement.scrollWidth");
            Number client = (Number) browser.driver().executeScript("return document.documentElement.clientWidth");
            assertThat(scroll.intValue()).as("page width at 390 px").isLessThanOrEqualTo(client.intValue());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private long idIn(String prefix) {
        Matcher m = Pattern.compile(Pattern.quote(prefix) + "(\\d+)")
                .matcher(browser.driver().getCurrentUrl());
        assertThat(m.find()).as(browser.driver().getCurrentUrl()).isTrue();
        return Long.parseLong(m.group(1));
    }

    private String value(String id) {
        return browser.driver().findElement(By.id(id)).getAttribute("value");
    }

    private void click(By target, String page) {
        click(browser.driver().findElement(target), page);
    }

    private void click(WebElement element, String page) {
        browser.clickAndWait(element, page);
    }

    private void type(String field, String value) {
        WebElement input = browser.driver().findElement(By.id(field));
        input.clear();
        input.sendKeys(value);
    }
}
