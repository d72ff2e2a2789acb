package io.hedgedesk.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

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
 * One backtest in a real browser (headless Chromium) against the packaged application and the real Keycloak: alice
 * logs in through Keycloak's form, creates a team, a portfolio and a 1 BTC holding with a price, opens the planner,
 * follows its link to the backtest, replays a 1:1 inverse hedge over 2022 on the shipped history and sees the
 * results table and the charts; then a refused input is named at the top of the page. The browser enforces the
 * Content-Security-Policy; its console must show no violation. Screenshots: web/target/screenshots/BacktestJourneyIT/.
 */
@QuarkusIntegrationTest
class BacktestJourneyIT {

    @TestHTTPResource("/")
    URL root;

    private Chromium browser;

    @Test
    void aliceBacktestsHerBag() {
        String app = root.toString();
        String run = Long.toString(System.currentTimeMillis(), 36);
        try (Chromium started = Chromium.start("BacktestJourneyIT")) {
            browser = started;
            browser.open(app, "landing");
            click(By.linkText("Log in"), "keycloak-login");
            browser.driver().findElement(By.id("username")).sendKeys("alice");
            browser.driver().findElement(By.id("password")).sendKeys("alice");
            click(By.id("kc-login"), "dashboard");
            assertThat(browser.driver().getCurrentUrl()).isEqualTo(app + "dashboard");

            click(By.linkText("Teams"), "teams");
            type("name", "Backtest team " + run);
            click(By.cssSelector("form[action='/teams'] button[type=submit]"), "team-created");
            click(By.linkText("Portfolios"), "portfolios");
            type("name", "Backtest bag " + run);
            click(By.cssSelector("form[action='/portfolios'] button[type=submit]"), "portfolio-created");
            Matcher m = Pattern.compile("/portfolios/(\\d+)")
                    .matcher(browser.driver().getCurrentUrl());
            assertThat(m.find()).isTrue();
            long portfolioId = Long.parseLong(m.group(1));

            click(By.linkText("Add holding"), "holding-form");
            type("asset", "BTC");
            type("quantity", "1");
            type("venue", "Ledger");
            click(By.cssSelector("form.holding button[type=submit]"), "holding-added");
            new Select(browser.driver().findElement(By.id("priceAsset"))).selectByValue("BTC");
            type("price", "40000");
            click(By.cssSelector("form[action$='/prices'] button[type=submit]"), "price-saved");

            click(By.linkText("Plan a hedge"), "planner");
            click(By.id("plan-backtest"), "backtest-from-planner");
            assertThat(browser.await(By.tagName("h1")).getText()).isEqualTo("Backtest a hedge policy");

            browser.open(
                    app + "portfolios/" + portfolioId + "/backtest?contract.BTC=BYBIT:BTCUSD&leverage.BTC=2"
                            + "&margin.BTC=OUT_OF_BAG&coverage.BTC=1&from=2022-01-01&to=2022-12-31&rebalance=BAND&band=0.05",
                    "backtest-2022");
            WebElement measures = browser.await(By.id("measures"));
            assertThat(measures.getText())
                    .contains("Maximum drawdown", "Variance reduction", "Dollar-offset ratio", "Cost of carry");
            assertThat(browser.text()).contains("2022-01-01 to 2022-12-31, 365 daily closes");
            assertThat(browser.driver().findElements(By.cssSelector("svg.chart polyline")))
                    .hasSizeGreaterThanOrEqualTo(4);
            assertThat(browser.driver().findElements(By.id("backtest-problem"))).isEmpty();
            assertThat(browser.driver().findElement(By.id("backtest-csv")).getAttribute("href"))
                    .contains("/backtest/path.csv?");

            browser.open(app + "portfolios/" + portfolioId + "/backtest?leverage.BTC=abc", "backtest-refused");
            assertThat(browser.await(By.id("backtest-problem")).getText()).contains("leverage.BTC");

            assertThat(browser.console())
                    .as("browser console (CSP violations are reported there)")
                    .noneMatch(line -> line.contains("Content Security Policy") || line.contains("Refused to"));
        }
    }

    private void click(By selector, String page) {
        browser.clickAndWait(browser.driver().findElement(selector), page);
    }

    private void type(String field, String value) {
        WebElement input = browser.driver().findElement(By.id(field));
        input.clear();
        input.sendKeys(value);
    }
}
