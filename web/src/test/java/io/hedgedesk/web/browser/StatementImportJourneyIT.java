package io.hedgedesk.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Importing the exchanges' own files in a real browser (headless Chromium) against the packaged application and the
 * real Keycloak: alice uploads a Bybit transaction log that opens a BYBIT:BTCUSDT hedge, records a BINANCE:BTCUSDT
 * hedge by hand and imports a Binance futures transaction history into it, and sees both hedges' reconciliation. The
 * stored funding rates and BTC closes shipped with the application give the expectations (position value 0.1 BTC ×
 * 42,066.95, the close of 2023-12-29):
 *
 * <pre>
 *   Bybit   2023-12-30 00:00  0.00039208 × 4,206.695 = 1.65 USDT, paid 1.6494      → matched
 *           2023-12-30 08:00  0.00036923 × 4,206.695 = 1.55, nothing paid        → missing
 *           2023-12-30 16:00  0.00024277 × 4,206.695 = 1.02, paid −1.0213        → sign flipped
 *   Binance 2023-12-30 00:00  0.00033033 × 4,206.695 = 1.39, paid 1.3896         → matched
 *           2023-12-30 08:00  0.0004358  × 4,206.695 = 1.83, paid 1.8333 twice   → duplicate
 *           2023-12-30 16:00  0.00037842 × 4,206.695 = 1.59, paid 2.00           → different
 * </pre>
 * Screenshots under web/target/screenshots/StatementImportJourneyIT/.
 */
@QuarkusIntegrationTest
class StatementImportJourneyIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TestHTTPResource("/")
    URL root;

    private String app;
    private Chromium browser;

    @Test
    void aliceImportsABybitAndABinanceFileAndSeesTheReconciliation() throws Exception {
        app = root.toString();
        Path files = Files.createTempDirectory("hedgedesk-statements");
        Path bybit = files.resolve("bybit-transaction-log.csv");
        Files.writeString(
                bybit,
                String.join(
                        "\n",
                        "UID: 88001234,Company Name: ,Country: ",
                        "Uid,Currency,Contract,Type,Direction,Quantity,Position,Filled Price,Funding,Fee Paid,Cash Flow,Change,"
                                + "Wallet Balance,Action,Time(UTC)",
                        "88001234,USDT,BTCUSDT,SETTLEMENT,--,--,-0.1,--,-1.0213,0,0,-1.0213,--,SETTLEMENT,2023-12-30 16:00:00",
                        "88001234,USDT,BTCUSDT,SETTLEMENT,--,--,-0.1,--,1.6494,0,0,1.6494,--,SETTLEMENT,2023-12-30 00:00:00",
                        "88001234,USDT,BTCUSDT,TRADE,SELL,0.1,-0.1,42000,0,-2.31,0,-2.31,2997.69,OPEN,2023-12-29 23:00:00",
                        "88001234,USDT,--,TRANSFER_IN,--,--,--,--,0,0,3000,3000,3000,--,2023-12-29 22:00:00",
                        ""),
                StandardCharsets.UTF_8);
        Path binance = files.resolve("binance-transaction-history.csv");
        Files.writeString(
                binance,
                String.join(
                        "\n",
                        "Date(UTC),type,Amount,Asset,Symbol,Transaction ID",
                        "2023-12-30 16:00:00,FUNDING_FEE,2.00,USDT,BTCUSDT,7700006",
                        "2023-12-30 08:00:00,FUNDING_FEE,1.8333,USDT,BTCUSDT,7700005",
                        "2023-12-30 08:00:01,FUNDING_FEE,1.8333,USDT,BTCUSDT,7700004",
                        "2023-12-30 00:00:00,FUNDING_FEE,1.3896,USDT,BTCUSDT,7700003",
                        "2023-12-30 00:00:00,TRANSFER,100,USDT,,7700002",
                        ""),
                StandardCharsets.UTF_8);
        String portfolio = "Statements " + Long.toString(System.currentTimeMillis(), 36);
        try (Chromium started = Chromium.start("StatementImportJourneyIT")) {
            browser = started;
            browser.open(app, "landing");
            browser.clickAndWait(browser.driver().findElement(By.linkText("Log in")), "keycloak-login");
            browser.driver().findElement(By.id("username")).sendKeys("alice");
            browser.driver().findElement(By.id("password")).sendKeys("alice");
            browser.clickAndWait(browser.driver().findElement(By.id("kc-login")), "dashboard");

            click(By.linkText("Portfolios"), "portfolios");
            type("name", portfolio);
            click(By.cssSelector("form[action='/portfolios'] button[type=submit]"), "portfolio-created");
            portfolioId = idIn("/portfolios/");

            // Bybit: the file's fill opens the hedge, its transfer is the hedge's margin
            upload(bybit, "bybit-preview");
            assertThat(text(By.id("import-summary")))
                    .contains(
                            "Bybit unified account transaction log",
                            "Rows read 4",
                            "New 4",
                            "Hedges opened from the file's fills 1");
            assertThat(text(By.id("import-rows")))
                    .contains("fee = −Fee Paid = 2.31", "new → opens a new hedge on BYBIT:BTCUSDT (SHORT 0.1 @ 42000)");
            confirm("bybit-done");
            click(By.linkText("Hedges of this portfolio"), "history");
            long bybitHedge = hedgeOf("BYBIT:BTCUSDT");
            browser.open(app + "hedges/" + bybitHedge, "bybit-hedge");
            // amounts as the one formatter prints USDT: exact, trimmed to at most 8 decimals
            assertThat(text(By.id("reconciliation")))
                    .contains(
                            "2023-12-30 00:00 UTC 0.04 % 1.64936098 USDT 1.6494 USDT matched",
                            "2023-12-30 08:00 UTC 0.04 % 1.55323799 USDT — missing: the exchange booked no payment for this settlement",
                            "2023-12-30 16:00 UTC 0.02 % 1.02125935 USDT -1.0213 USDT sign flipped: paid where it should have been"
                                    + " received");

            // Binance: a hedge recorded by hand, the exchange's history imported into it
            browser.open(app + "portfolios/" + portfolioId + "/hedges/new", "hand-open-form");
            new Select(browser.driver().findElement(By.id("contractId"))).selectByValue("BINANCE:BTCUSDT");
            type("size", "0.1");
            type("entryPrice", "42000");
            type("leverage", "2");
            type("margin", "2100");
            new Select(browser.driver().findElement(By.id("marginSource"))).selectByValue("STABLECOIN");
            type("targetCoverage", "1");
            type("fee", "2.1");
            browser.driver()
                    .executeScript(
                            "arguments[0].value = arguments[1];",
                            browser.driver().findElement(By.id("openedAt")),
                            "2023-12-29T23:00");
            click(By.cssSelector("form.hedge button[type=submit]"), "binance-hedge-recorded");
            long binanceHedge = idIn("/hedges/");
            upload(binance, "binance-preview");
            assertThat(text(By.id("import-summary"))).contains("Binance futures transaction history", "New 5");
            assertThat(text(By.id("import-rows"))).contains("new → hedge #" + binanceHedge + " as MARGIN_IN");
            confirm("binance-done");
            browser.open(app + "hedges/" + binanceHedge, "binance-hedge");
            assertThat(text(By.id("reconciliation")))
                    .contains(
                            "2023-12-30 00:00 UTC 0.03 % 1.38959756 USDT 1.3896 USDT matched",
                            "2023-12-30 08:00 UTC 0.04 % 1.83327768 USDT 3.6666 USDT duplicate: the exchange booked 2 payments for this"
                                    + " settlement",
                            "2023-12-30 16:00 UTC 0.04 % 1.59189752 USDT 2 USDT different: further from the expectation than 5 %");

            // the same Binance file again adds nothing
            upload(binance, "binance-again");
            assertThat(text(By.id("import-summary"))).contains("New 0", "Already imported 5");
            assertThat(text(By.id("nothing-new"))).startsWith("Nothing new to import");
            assertThat(browser.console()).noneMatch(line -> line.contains("Refused to"));
        }
    }

    private void upload(Path file, String page) {
        browser.open(app + "portfolios/" + portfolioId, page + "-portfolio");
        click(By.id("import-statement"), page + "-form");
        browser.driver()
                .findElement(By.id("file"))
                .sendKeys(file.toAbsolutePath().toString());
        click(By.cssSelector("form[enctype='multipart/form-data'] button[type=submit]"), page);
    }

    private long portfolioId;

    /** Confirms the previewed import and waits on its progress page (which refreshes itself) until it is done. */
    private void confirm(String page) {
        click(By.cssSelector("#confirm-import button[type=submit]"), page + "-progress");
        new WebDriverWait(browser.driver(), WAIT).until(d -> {
            var status = d.findElements(By.id("import-status"));
            return !status.isEmpty()
                    && status.get(0).getAttribute("data-status").equals("DONE");
        });
        browser.visited(page);
        assertThat(text(By.id("import-status"))).startsWith("Done:");
    }

    private long hedgeOf(String contract) {
        WebElement link = browser.driver().findElements(By.cssSelector("a[href^='/hedges/']")).stream()
                .filter(a -> a.getText().contains(contract)
                        || a.findElements(By.xpath("./ancestor::tr")).stream()
                                .anyMatch(row -> row.getText().contains(contract)))
                .findFirst()
                .orElseThrow();
        Matcher m = Pattern.compile("/hedges/(\\d+)").matcher(link.getAttribute("href"));
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }

    private long idIn(String prefix) {
        String url = browser.driver().getCurrentUrl();
        Matcher m = Pattern.compile(Pattern.quote(prefix) + "(\\d+)").matcher(url);
        assertThat(m.find()).as("%s in %s", prefix, url).isTrue();
        return Long.parseLong(m.group(1));
    }

    private String text(By selector) {
        return browser.await(selector).getText();
    }

    private void click(By target, String page) {
        browser.clickAndWait(browser.driver().findElement(target), page);
    }

    private void type(String field, String value) {
        WebElement input = browser.driver().findElement(By.id(field));
        input.clear();
        input.sendKeys(value);
    }
}
