package io.hedgedesk.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Recording real fills, once, voiding a mistake and exporting, in a real browser (headless Chromium) against the
 * packaged application and the real Keycloak: alice records a per-asset plan with two fills at different prices and an
 * opening a day ago, goes Back (the page says what was recorded, nothing is recorded twice), records funding since
 * then, records a second hedge by hand and voids it, closes the first (the margin comes back), and downloads the
 * history in every format, checking the rows. Names are unique per run; screenshots under
 * web/target/screenshots/RecordingJourneyIT/.
 *
 * <pre>
 *   holding    2 ETH at 2,000 USD (a manual price)
 *   plan       BYBIT:ETHUSD inverse, 2x, margin out of the bag: SELL 4,000 contracts at 2,000, margin 1 ETH
 *   fills      2,000 at 2,000 and 2,000 at 1,900: entry = 4,000 / (2,000/2,000 + 2,000/1,900)
 *              = 4,000 / 2.0526315… = 1,948.72 (harmonic), fee 0.0011 ETH, opened a day ago
 *   funding    +0.002 ETH twelve hours ago
 *   close      4,000 at 1,948.72… (no fee) → realized PnL 0; the margin returned:
 *              −0.0011 + 1.0011 + 0.002 + 0 = 1.002 ETH (MARGIN_OUT)
 * </pre>
 */
@QuarkusIntegrationTest
class RecordingJourneyIT {

    @TestHTTPResource("/")
    URL root;

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Pattern AT_MOST_8_DECIMALS = Pattern.compile("-?\\d+(\\.\\d{1,8})?");

    private Path downloads;
    private String app;
    private Chromium browser;

    @Test
    void aliceRecordsFillsOnceVoidsAMistakeAndExports() throws Exception {
        downloads = Files.createTempDirectory("hedgedesk-recording-downloads");
        app = root.toString();
        String portfolio = "Recording " + Long.toString(System.currentTimeMillis(), 36);
        try (Chromium started = Chromium.start("RecordingJourneyIT", downloads)) {
            browser = started;
            browser.open(app, "landing");
            browser.clickAndWait(browser.driver().findElement(By.linkText("Log in")), "keycloak-login");
            browser.driver().findElement(By.id("username")).sendKeys("alice");
            browser.driver().findElement(By.id("password")).sendKeys("alice");
            browser.clickAndWait(browser.driver().findElement(By.id("kc-login")), "dashboard");

            long portfolioId = portfolioWithEth(portfolio);
            Instant opened = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MINUTES);
            long hedgeId = recordPlanWithFills(opened);
            backShowsWhatWasRecorded(hedgeId);
            recordFundingSinceTheOpening(hedgeId);
            long mistake = recordAndVoidASecondHedge(portfolioId);
            closeAndSeeTheMarginReturned(hedgeId);
            exportEveryFormat(portfolioId, hedgeId, mistake, opened);

            // CSP violations show in the console as "Refused to …"
            assertThat(browser.console()).noneMatch(line -> line.contains("Refused to"));
        } finally {
            try (Stream<Path> left = Files.list(downloads)) {
                left.forEach(file -> file.toFile().delete());
            }
            Files.deleteIfExists(downloads);
        }
    }

    private long portfolioWithEth(String name) {
        link("Portfolios", "portfolios");
        type("name", name);
        submit("form[action='/portfolios'] button[type=submit]", "portfolio-created");
        long portfolioId = idIn("/portfolios/");
        link("Add holding", "holding-form");
        type("asset", "ETH");
        type("quantity", "2");
        type("venue", "Ledger");
        submit("form.holding button[type=submit]", "holding-added");
        new Select(browser.driver().findElement(By.id("priceAsset"))).selectByValue("ETH");
        type("price", "2000");
        submit("form[action$='/prices'] button[type=submit]", "price-saved");
        return portfolioId;
    }

    /** The per-asset plan recorded with two fills, a fee and an opening a day ago; returns the hedge's id. */
    private long recordPlanWithFills(Instant opened) {
        link("Plan a hedge", "planner");
        new Select(browser.driver().findElement(By.id("contract.ETH"))).selectByValue("BYBIT:ETHUSD");
        submit("form.plan-form button[type=submit]", "plan");
        // the plan accounts the taker fee leaving the bag: 2 / 1.00055 × 2,000 = 3,997.8 → 3,998 contracts
        assertThat(text(By.cssSelector("#leg-ETH p.order strong"))).isEqualTo("SELL 3,998 contracts of 1 USD (ETHUSD)");
        submit("button[name=strategy][value=PER_ASSET]", "record-confirm");
        assertThat(browser.driver().getCurrentUrl()).contains("key=");
        assertThat(value("size-0-0")).isEqualTo("3998");
        assertThat(value("price-0-0")).isEqualTo("2000");
        type("size-0-0", "2000");
        type("size-0-1", "2000");
        type("price-0-1", "1900");
        type("fee-0", "0.0011");
        setValue("openedAt-0", opened.atOffset(ZoneOffset.UTC).toLocalDateTime().toString());
        submit("form[action$='/plan/record'] button[type=submit]", "hedge-recorded");
        assertThat(text(By.cssSelector("p.flash"))).isEqualTo("Hedge recorded.");
        long hedgeId = idIn("/hedges/");
        assertThat(position("Size")).isEqualTo("4,000");
        // 4,000 / (2,000/2,000 + 2,000/1,900) = 1,948.72
        assertThat(position("Average entry")).isEqualTo("1,948.72");
        return hedgeId;
    }

    /** Back to the confirmation page: the same submission key, so it says what was recorded and offers no form. */
    private void backShowsWhatWasRecorded(long hedgeId) {
        browser.driver().navigate().back();
        browser.visited("back-to-confirm");
        assertThat(text(By.id("recorded")))
                .startsWith("This plan was recorded at ")
                .contains("as hedge #" + hedgeId + ".");
        assertThat(browser.driver().findElements(By.cssSelector("form[action$='/plan/record']")))
                .isEmpty();
        browser.clickAndWait(browser.driver().findElement(By.linkText("hedge #" + hedgeId)), "recorded-hedge");
        assertThat(browser.driver().getCurrentUrl()).isEqualTo(app + "hedges/" + hedgeId);
    }

    private void recordFundingSinceTheOpening(long hedgeId) {
        new Select(browser.driver().findElement(By.id("type"))).selectByValue("FUNDING");
        type("amount", "0.002");
        setValue(
                "occurredAt",
                Instant.now()
                        .minus(Duration.ofHours(12))
                        .truncatedTo(ChronoUnit.MINUTES)
                        .atOffset(ZoneOffset.UTC)
                        .toLocalDateTime()
                        .toString());
        submit("form.hedge-action button[type=submit]", "funding-confirm");
        submit("form[action$='/actions'] button[type=submit]", "funding-recorded");
        assertThat(text(By.cssSelector("p.flash"))).isEqualTo("Recorded in the hedge's ledger.");
        assertThat(position("Funding recorded")).isEqualTo("0.002 ETH");
        assertThat(browser.driver().getCurrentUrl()).startsWith(app + "hedges/" + hedgeId);
    }

    /** A hedge recorded by hand by mistake, voided: it stays, struck through, and counts nowhere. */
    private long recordAndVoidASecondHedge(long portfolioId) {
        browser.open(app + "portfolios/" + portfolioId + "/hedges/new", "hand-open-form");
        new Select(browser.driver().findElement(By.id("contractId"))).selectByValue("BYBIT:ETHUSD");
        type("size", "100");
        type("entryPrice", "2000");
        type("leverage", "2");
        type("margin", "0.025");
        new Select(browser.driver().findElement(By.id("marginSource"))).selectByValue("EXTRA_COIN");
        type("targetCoverage", "1");
        type("fee", "0");
        submit("form.hedge button[type=submit]", "mistake-recorded");
        long mistake = idIn("/hedges/");
        submit("form[action$='/void'] button[type=submit]", "mistake-voided");
        assertThat(text(By.cssSelector("p.flash"))).startsWith("Voided as recorded by mistake");
        assertThat(browser.driver().findElements(By.cssSelector("table.ledger tr.voided")))
                .isNotEmpty();
        assertThat(text(By.tagName("h1"))).endsWith("(closed)");
        return mistake;
    }

    private void closeAndSeeTheMarginReturned(long hedgeId) {
        browser.open(app + "hedges/" + hedgeId, "hedge-before-close");
        new Select(browser.driver().findElement(By.id("type"))).selectByValue("CLOSE");
        type("price", "1948.72");
        submit("form.hedge-action button[type=submit]", "close-confirm");
        submit("form[action$='/actions'] button[type=submit]", "closed");
        List<String> types = browser.driver().findElements(By.cssSelector("table.ledger tbody tr")).stream()
                .map(r -> r.findElements(By.tagName("td")).get(1).getText())
                .toList();
        assertThat(types).containsExactly("opened", "margin added", "funding", "closed", "margin withdrawn");
    }

    private void exportEveryFormat(long portfolioId, long hedgeId, long mistake, Instant opened) throws IOException {
        browser.open(app + "hedges?portfolio=" + portfolioId, "history");
        assertThat(browser.driver().findElements(By.cssSelector("#years tbody tr")))
                .isNotEmpty();

        List<CSVRecord> nativeRows = download("native ledger");
        assertThat(nativeRows)
                .extracting(r -> r.get("hedge_id"))
                .containsOnly(Long.toString(hedgeId))
                .doesNotContain(Long.toString(mistake));
        assertThat(nativeRows)
                .extracting(r -> r.get("event_type"))
                .containsExactlyInAnyOrder("OPEN", "MARGIN_IN", "FUNDING", "CLOSE", "MARGIN_OUT");
        for (CSVRecord r : nativeRows) {
            for (String column : List.of("quantity", "fee", "cash_change", "funding_amount", "realized_pnl")) {
                assertThat(r.get(column))
                        .as(column)
                        .matches(c ->
                                c.isEmpty() || AT_MOST_8_DECIMALS.matcher(c).matches());
            }
            assertThat(r.get("cash_change_usd")).matches("-?\\d+\\.\\d{2}");
            assertThat(r.get("opened_at")).isEqualTo(opened.toString());
        }
        CSVRecord open = row(nativeRows, "OPEN");
        assertThat(open.get("quantity")).isEqualTo("4000");
        assertThat(open.get("fee")).isEqualTo("0.0011");
        CSVRecord close = row(nativeRows, "CLOSE");
        assertThat(close.get("holding_days")).isEqualTo("1");
        assertThat(close.get("realized_pnl_usd")).matches("-?\\d+\\.\\d{2}");
        // −0.0011 + 1.0011 + 0.002 + realized (≈ 0 at the average entry) comes back
        assertThat(new BigDecimal(row(nativeRows, "MARGIN_OUT").get("cash_change")).negate())
                .isBetween(new BigDecimal("1.0014"), new BigDecimal("1.0016"));

        List<CSVRecord> koinly = download("Koinly universal");
        CSVRecord marginIn = koinly.stream()
                .filter(r -> r.get("Received Amount").equals("1.0006"))
                .findFirst()
                .orElseThrow();
        assertThat(marginIn.get("Label")).isEmpty();
        assertThat(marginIn.get("Description")).startsWith("transfer between own accounts");
        assertThat(koinly).anySatisfy(r -> assertThat(r.get("Label")).isEqualTo("funding fee"));
        assertThat(koinly)
                .anySatisfy(r ->
                        assertThat(r.get("Description")).startsWith("transfer between own accounts:" + " margin back"));
        for (CSVRecord r : koinly) {
            assertThat(r.get("Date")).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC");
            assertThat(r.get("Net Worth Amount")).matches("\\d+\\.\\d{2}");
        }

        List<CSVRecord> cointracker = download("CoinTracker");
        assertThat(cointracker).extracting(r -> r.get("Tag")).contains("margin rebate", "");
        assertThat(cointracker)
                .allSatisfy(r -> assertThat(r.get("Date")).matches("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}:\\d{2}"));

        List<CSVRecord> rotki = download("rotki generic events");
        assertThat(rotki).extracting(r -> r.get("Type")).contains("Deposit", "Withdrawal", "Income");
    }

    private static CSVRecord row(List<CSVRecord> rows, String type) {
        return rows.stream()
                .filter(r -> r.get("event_type").equals(type))
                .findFirst()
                .orElseThrow();
    }

    /**
     * Clicks the export link, waits until Chromium has renamed its {@code .crdownload} to the finished {@code .csv},
     * parses it and removes it, so the next download is the only file.
     */
    private List<CSVRecord> download(String linkText) throws IOException {
        browser.driver().findElement(By.linkText(linkText)).click();
        Path csv = new WebDriverWait(browser.driver(), WAIT)
                .until(d -> finished(downloads).orElse(null));
        browser.visited("after-" + linkText.replace(' ', '-'));
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.RFC4180
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .get()
                        .parse(in)) {
            return parser.getRecords();
        } finally {
            Files.delete(csv);
        }
    }

    private static Optional<Path> finished(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".csv")).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The first value cell of the hedge page's position table in the row headed {@code label}. */
    private String position(String label) {
        return text(By.xpath("//table[@class='hedge']//tr[th='" + label + "']/td[1]"));
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

    private String value(String id) {
        return browser.driver().findElement(By.id(id)).getAttribute("value");
    }

    private void link(String text, String page) {
        click(By.linkText(text), page);
    }

    private void submit(String buttonSelector, String page) {
        click(By.cssSelector(buttonSelector), page);
    }

    private void click(By target, String page) {
        browser.clickAndWait(browser.driver().findElement(target), page);
    }

    private void type(String field, String value) {
        WebElement input = browser.driver().findElement(By.id(field));
        input.clear();
        input.sendKeys(value);
    }

    /** A datetime-local field's value set directly: typing into it depends on the browser's locale. */
    private void setValue(String field, String value) {
        browser.driver()
                .executeScript(
                        "arguments[0].value = arguments[1];", browser.driver().findElement(By.id(field)), value);
    }
}
