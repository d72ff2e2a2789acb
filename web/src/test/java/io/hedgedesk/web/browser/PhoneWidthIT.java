package io.hedgedesk.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Every page of the journey on a phone: headless Chromium emulating a 390 × 844 screen walks alice's journey
 * through the pages (team, portfolio, two holdings, their prices in the "update all prices" grid, a plan, recording it
 * on the stored history, the hedge page with its charts, the portfolio with PnL, hedged share, net exposure and its
 * value over time) against the
 * packaged application and the real Keycloak, then opens every other logged-in page (dashboard, hedge history,
 * market, a contract, market history, teams, portfolios, the holding form, the calculator). On each page the
 * document must be no wider than the screen ({@code scrollWidth <= clientWidth}: nothing scrolls sideways; a wide
 * table may scroll inside its own box). Each page is saved at 390 px and, for the pages that can be opened again,
 * at 1440 × 900: web/target/screenshots/PhoneWidthIT/. Names are unique per run.
 */
@QuarkusIntegrationTest
class PhoneWidthIT {

    private static final int PHONE_WIDTH = 390;
    private static final int PHONE_HEIGHT = 844;
    private static final int DESKTOP_WIDTH = 1440;
    private static final int DESKTOP_HEIGHT = 900;

    /** The elements sticking out on the right (at most five), to say which one widens the page. */
    private static final String WIDEST = """
      const w = document.documentElement.clientWidth; const out = [];
      for (const e of document.body.querySelectorAll('*')) {
        const r = e.getBoundingClientRect();
        if (r.right > w + 1 && !e.closest('.scroll-x')) {
          out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && e.className.baseVal === undefined
              ? '.' + String(e.className).trim().replace(/ +/g, '.') : '') + ' right=' + Math.round(r.right));
          if (out.length >= 5) break;
        }
      }
      return out.join(', ');""";

    @TestHTTPResource("/")
    URL root;

    private Chromium browser;
    private String app;
    private final List<String> tooWide = new ArrayList<>();
    /** Pages that a GET opens again, for their desktop screenshot: name → URL. */
    private final Map<String, String> again = new LinkedHashMap<>();

    @Test
    void everyPageFitsAPhone() {
        app = root.toString();
        String run = Long.toString(System.currentTimeMillis(), 36);
        try (Chromium started = Chromium.start("PhoneWidthIT")) {
            browser = started;
            browser.viewport(PHONE_WIDTH, PHONE_HEIGHT, true);
            open("", "landing");
            open("calculator", "calculator");
            browser.clickAndWait(browser.driver().findElement(By.linkText("Log in")), "keycloak-login");
            browser.driver().findElement(By.id("username")).sendKeys("alice");
            browser.driver().findElement(By.id("password")).sendKeys("alice");
            browser.clickAndWait(browser.driver().findElement(By.id("kc-login")), "dashboard-after-login");
            assertThat(browser.driver().getCurrentUrl()).isEqualTo(app + "dashboard");
            checkWidth("dashboard-after-login");

            open("teams", "teams");
            type("name", "Phone team " + run);
            submit("form[action='/teams'] button[type=submit]", "team-created");
            again.put("team", browser.driver().getCurrentUrl());

            open("portfolios", "portfolios-empty");
            type("name", "Phone bags " + run);
            submit("form[action='/portfolios'] button[type=submit]", "portfolio-created");
            long portfolioId = idIn("/portfolios/");
            String portfolio = "portfolios/" + portfolioId;
            addHolding(portfolio, "ETH", "2", "3000");
            addHolding(portfolio, "BTC", "0.5", "30000");
            // both prices at once in the "update all prices" grid; a bad one first: refused at the top, nothing saved
            pricesInTheGrid("2000", "4O000", "prices-refused");
            assertThat(text(By.id("refused"))).contains("BTC:");
            pricesInTheGrid("2000", "40000", "prices-saved");
            assertThat(text(By.cssSelector("p.flash"))).isEqualTo("Prices saved.");
            // ETH 2 × 2,000 − 3,000 = 1,000.00 (+33.3 %); BTC 0.5 × 40,000 − 30,000 = −10,000.00 (−33.3 %);
            // total 24,000 − 33,000 = −9,000.00, −9,000 / 33,000 = −27.27 %
            assertThat(text(By.id("holdings-total"))).contains("33,000.00", "24,000.00", "-9,000.00", "-27.27 %");
            again.put("portfolio", app + portfolio);

            open(portfolio + "/plan", "planner-form");
            new Select(browser.driver().findElement(By.id("contract.ETH"))).selectByValue("BYBIT:ETHUSD");
            new Select(browser.driver().findElement(By.id("contract.BTC"))).selectByValue("BYBIT:BTCUSD");
            new Select(browser.driver().findElement(By.id("proxyAsset"))).selectByValue("BTC");
            new Select(browser.driver().findElement(By.id("proxyContract"))).selectByValue("BYBIT:BTCUSD");
            submit("form.plan-form button[type=submit]", "planner-results");
            again.put("planner-results", browser.driver().getCurrentUrl());
            submit("button[name=strategy][value=PER_ASSET]", "record-confirm");
            // opened on the stored history, so that the hedge page has closes to draw its charts with
            setValue("openedAt-0", "2025-10-01T00:00");
            setValue("openedAt-1", "2025-10-01T00:00");
            submit("form[action$='/plan/record'] button[type=submit]", "hedge-recorded");
            // two legs (ETH and BTC) were recorded, so the answer is the list of hedges: take one from the dashboard
            open("dashboard", "dashboard-after-recording");
            String href = browser.driver()
                    .findElement(
                            By.xpath("//table[contains(@class,'hedges')]//tr[td[2]='Phone bags " + run + "']/td[1]/a"))
                    .getAttribute("href");
            long hedgeId = Long.parseLong(href.substring(href.lastIndexOf('/') + 1));
            again.put("hedge", app + "hedges/" + hedgeId);
            // the hedge page's charts: PnL, funding, coverage
            open("hedges/" + hedgeId, "hedge-charts");
            assertThat(browser.driver().findElements(By.cssSelector("#hedge-charts svg.chart")))
                    .hasSizeGreaterThanOrEqualTo(2);
            // the portfolio with its new columns: PnL against cost basis, hedged share linking the hedges, net
            // exposure,
            // value over time hedged and unhedged
            open(portfolio, "portfolio-hedged");
            // the header row is hidden at phone width (each cell carries its label): read it from the document
            assertThat(browser.driver()
                            .findElement(By.cssSelector("table.holdings thead"))
                            .getAttribute("textContent"))
                    .contains("Unrealized PnL (USD)", "PnL %", "Hedged", "Hedges");
            assertThat(browser.driver()
                            .findElements(By.cssSelector("table.holdings a[href='/hedges/" + hedgeId + "']")))
                    .hasSize(1);
            assertThat(text(By.id("net-exposure"))).contains("Net exposure", "ETH", "BTC");
            assertThat(browser.driver().findElements(By.cssSelector("#value-over-time svg.chart")))
                    .hasSize(1);
            again.put("portfolio-hedged", app + portfolio);

            for (String[] page : new String[][] {
                {"dashboard", "dashboard"},
                {"hedges", "hedge-history"},
                {"market", "market"},
                {"market/BYBIT:ETHUSD", "market-contract"},
                {"market/history", "market-history"},
                {"teams", "teams"},
                {"portfolios", "portfolios"},
                {portfolio + "/holdings/new", "holding-form"},
                {portfolio + "/import", "holdings-import"},
                {"calculator", "calculator-logged-in"}
            }) {
                open(page[0], page[1]);
            }

            browser.viewport(DESKTOP_WIDTH, DESKTOP_HEIGHT, false);
            for (Map.Entry<String, String> page : again.entrySet()) {
                browser.driver().get(page.getValue());
                browser.visited(page.getKey() + "-" + DESKTOP_WIDTH);
            }

            assertThat(tooWide)
                    .as("pages wider than a %d px screen", PHONE_WIDTH)
                    .isEmpty();
            assertThat(browser.console())
                    .as("browser console (CSP violations are reported there)")
                    .noneMatch(line -> line.contains("Content Security Policy") || line.contains("Refused to"));
        }
    }

    private void addHolding(String portfolio, String asset, String quantity, String costBasisUsd) {
        open(portfolio + "/holdings/new", "holding-form-" + asset);
        type("asset", asset);
        type("quantity", quantity);
        type("costBasisUsd", costBasisUsd);
        type("venue", "Ledger");
        submit("form.holding button[type=submit]", "holding-added-" + asset);
        assertThat(text(By.cssSelector("p.flash"))).isEqualTo("Holding added.");
    }

    private void pricesInTheGrid(String eth, String btc, String page) {
        type("price-ETH", eth);
        type("price-BTC", btc);
        submit("form[action$='/prices/all'] button[type=submit]", page);
    }

    private void setValue(String field, String value) {
        browser.driver()
                .executeScript(
                        "arguments[0].value = arguments[1];", browser.driver().findElement(By.id(field)), value);
    }

    /** Opens {@code path} at the current size, checks its width at 390 px, and remembers it for 1440 px. */
    private void open(String path, String page) {
        browser.open(app + path, page + "-" + PHONE_WIDTH);
        checkWidth(page);
        again.putIfAbsent(page, app + path);
    }

    private void submit(String buttonSelector, String page) {
        WebElement button = browser.driver().findElement(By.cssSelector(buttonSelector));
        browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
        browser.clickAndWait(button, page + "-" + PHONE_WIDTH);
        checkWidth(page);
    }

    private void checkWidth(String page) {
        Number scroll = (Number) browser.driver().executeScript("return document.documentElement.scrollWidth");
        Number client = (Number) browser.driver().executeScript("return document.documentElement.clientWidth");
        if (scroll.intValue() > client.intValue()) {
            tooWide.add(page + " (" + browser.driver().getCurrentUrl() + "): " + scroll + " px in " + client + " px; "
                    + browser.driver().executeScript(WIDEST));
        }
    }

    private void type(String field, String value) {
        WebElement input = browser.driver().findElement(By.id(field));
        input.clear();
        input.sendKeys(value);
    }

    private String text(By selector) {
        return browser.driver().findElement(selector).getText().trim();
    }

    private long idIn(String prefix) {
        Matcher m = Pattern.compile(Pattern.quote(prefix) + "(\\d+)")
                .matcher(browser.driver().getCurrentUrl());
        assertThat(m.find())
                .as("%s in %s", prefix, browser.driver().getCurrentUrl())
                .isTrue();
        return Long.parseLong(m.group(1));
    }
}
