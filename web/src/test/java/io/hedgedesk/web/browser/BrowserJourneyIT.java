package io.hedgedesk.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
 * The whole user journey in a real browser (headless Chromium) against the packaged application and the real
 * Keycloak, through the pages only: the landing page and the public calculator; alice logs in through Keycloak's own
 * form, creates a team and a portfolio, adds a holding with a bad quantity (refused, nothing stored) and then
 * correctly, adds a second holding and prices both; plans a per-asset inverse hedge and a proxy hedge, records the
 * per-asset one as opened (with its confirmation step), sees it on the dashboard, records a funding payment and a
 * partial close on the hedge's page, exports the hedge history as CSV and checks its rows, invites bob as a viewer
 * and logs out. Bob logs in, sees the portfolio and cannot change it (no edit controls; the edit URL and a posted
 * edit form are refused), and logs out. After each logout the session is gone: the dashboard asks Keycloak for the
 * password again.
 *
 * <p>The browser enforces our Content-Security-Policy throughout; its console must show no violation. Every name is
 * unique per run: the IT database and the Keycloak users persist between runs. Screenshots of every page visited:
 * web/target/screenshots/BrowserJourneyIT/.
 *
 * <p>Worked example used for every number below (prices are manual prices entered in the run's own team, so they
 * are the latest quotes and nothing depends on the shipped market history):
 * <pre>
 *   holdings   2 ETH at 2,000 USD = 4,000 USD;  0.5 BTC at 40,000 USD = 20,000 USD;  total 24,000 USD
 *   ETH hedge  BYBIT:ETHUSD, inverse, 1 USD per contract, 2x, margin out of the bag, coverage 1:
 *              Q = C·S/FV = 2 × 2,000 / 1 = 4,000 contracts SHORT at 2,000
 *              margin = Q·FV/(E·L) = 4,000 / (2,000 × 2) = 1 ETH
 *              opening fee (taker 0.055 %, Bybit "Trading Fee Structure") = Q·FV/E × 0.00055 = 2 × 0.00055 = 0.0011 ETH
 *   BTC leg    0.5 × 40,000 / 1 = 20,000 BTCUSD contracts
 *   funding    +0.0025 ETH received
 *   reduce     1,500 contracts at 2,500: short inverse PnL = Q·FV·(1/X − 1/E) = 1,500 × (1/2,500 − 1/2,000)
 *              = 1,500 × (0.0004 − 0.0005) = −0.15 ETH, in USD at the exit price −0.15 × 2,500 = −375.00;
 *              4,000 − 1,500 = 2,500 contracts left
 * </pre>
 */
@QuarkusIntegrationTest
class BrowserJourneyIT {

    @TestHTTPResource("/")
    URL root;

    /** Where Selenium Manager would unpack itself and what it downloads (its default cache). */
    private static final Path SELENIUM_MANAGER_CACHE = Path.of(System.getProperty("user.home"), ".cache", "selenium");

    private static final Duration WAIT = Duration.ofSeconds(20);

    private Chromium browser;
    private String app;

    @Test
    void aliceHedgesAndSharesWithBob() throws Exception {
        app = root.toString();
        // Unique per run: earlier runs' teams, portfolios and invitations stay in the database.
        String run = Long.toString(System.currentTimeMillis(), 36);
        String teamName = "Journey team " + run;
        String portfolioName = "Journey bags " + run;
        boolean seleniumManagerCacheBefore = Files.exists(SELENIUM_MANAGER_CACHE);
        Path downloads = Files.createTempDirectory("hedgedesk-journey-downloads");
        try (Chromium started = Chromium.start("BrowserJourneyIT", downloads)) {
            browser = started;
            visitorCalculates();
            logIn("alice", "alice", "alice-dashboard");
            assertThat(text(By.tagName("h1"))).isEqualTo("Hello, Alice Nakamoto");
            assertThat(browser.text()).contains("Signed in as alice");

            createTeam(teamName);
            long portfolioId = createPortfolio(teamName, portfolioName);
            long ethHoldingId = addHoldings();
            enterPrices();
            plan(portfolioId, ethHoldingId);
            long hedgeId = recordPerAssetHedge();
            seeOnThePortfolio(portfolioId, hedgeId);
            seeOnDashboard(hedgeId, portfolioName);
            recordFundingAndPartialClose(hedgeId);
            exportHistory(downloads, hedgeId, portfolioId, portfolioName);
            // A team of its own, so that its prices (one per coin per team) leave the first portfolio's numbers alone.
            createTeam("Five coins team " + run);
            fiveCoinBag("Five coins " + run, false);
            fiveCoinBag("Five coins by proxy " + run, true);
            inviteBob(teamName);
            String aliceSession =
                    browser.driver().manage().getCookieNamed("q_session").getValue();
            logOut("alice-after-logout");
            assertLoginAskedAgain("alice-dashboard-again");
            // Her session cookie, saved before the logout and sent again, is no session any more: the logout was
            // recorded
            // on the server (revoked_session), so the dashboard sends the request to Keycloak like an anonymous one.
            assertReplayedSessionIsRefused(aliceSession);

            browser.driver().findElement(By.id("username")).sendKeys("bob");
            browser.driver().findElement(By.id("password")).sendKeys("bob");
            browser.clickAndWait(browser.driver().findElement(By.id("kc-login")), "bob-dashboard");
            assertThat(text(By.tagName("h1"))).isEqualTo("Hello, Bob Szabo");
            bobCannotEdit(portfolioName, portfolioId, ethHoldingId, hedgeId);
            logOut("bob-after-logout");
            assertLoginAskedAgain("bob-dashboard-again");

            assertThat(browser.console())
                    .as("browser console (CSP violations are reported there)")
                    .noneMatch(line -> line.contains("Content Security Policy") || line.contains("Refused to"));
        } finally {
            try (Stream<Path> files = Files.walk(downloads)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
        if (!seleniumManagerCacheBefore) {
            assertThat(SELENIUM_MANAGER_CACHE)
                    .as("Selenium Manager never ran (nothing downloaded)")
                    .doesNotExist();
        }
    }

    /** Landing page and the public calculator, before logging in. */
    private void visitorCalculates() {
        browser.open(app, "landing");
        assertThat(text(By.tagName("h1"))).isEqualTo("Insure your bags without selling them");
        assertThat(stylesheetApplied())
                .as("app.css applied (CSP style-src 'self')")
                .isTrue();

        browser.open(app + "calculator", "calculator");
        // Same hand arithmetic as CalculatorPageTest: short 175,000 ETHUSD at 3,500, 2x, mark 3,000.
        assertThat(text(By.id("pnlUsd"))).isEqualTo("25,000.00 USD");

        new Select(browser.driver().findElement(By.id("contract"))).selectByValue("BYBIT:BTCUSDT");
        browser.driver()
                .findElement(By.cssSelector("input[name=side][value=LONG]"))
                .click();
        type("size", "1");
        type("entryPrice", "10000");
        type("leverage", "50");
        type("markPrice", "");
        type("fundingRate", "");
        submit("form[action='/calculator'] button", "calculator-linear-long");
        // https://help.bybit.com/hc/en-us/articles/900000181046 : 10,000 × (1 − 2 % + 0.5 %) = 9,850 (entry value)
        assertThat(text(By.id("initialMargin"))).isEqualTo("200 USDT");
        assertThat(browser.text()).contains("9,850.00");
    }

    /** From the landing page's "Log in" through Keycloak's form to the dashboard. */
    private void logIn(String user, String password, String page) {
        browser.clickAndWait(browser.driver().findElement(By.linkText("Log in")), "keycloak-login-" + user);
        assertThat(browser.driver().getCurrentUrl()).contains("/realms/hedgedesk/protocol/openid-connect/auth");
        browser.driver().findElement(By.id("username")).sendKeys(user);
        browser.driver().findElement(By.id("password")).sendKeys(password);
        browser.clickAndWait(browser.driver().findElement(By.id("kc-login")), page);
        assertThat(browser.driver().getCurrentUrl()).isEqualTo(app + "dashboard");
    }

    private void createTeam(String teamName) {
        link("Teams", "alice-teams");
        type("name", teamName);
        submit("form[action='/teams'] button[type=submit]", "alice-team-created");
        assertThat(text(By.tagName("h1"))).isEqualTo(teamName);
        assertThat(text(By.cssSelector("p.flash")))
                .isEqualTo("Team created; you are its owner and are now working in it.");
    }

    private long createPortfolio(String teamName, String portfolioName) {
        link("Portfolios", "alice-portfolios");
        // The new team is the current one: a portfolio created here belongs to it.
        assertThat(text(By.tagName("h1"))).isEqualTo("Portfolios of " + teamName);
        assertThat(browser.text()).contains("No portfolios in this team yet.");
        type("name", portfolioName);
        submit("form[action='/portfolios'] button[type=submit]", "alice-portfolio-created");
        assertThat(text(By.tagName("h1"))).isEqualTo(portfolioName);
        assertThat(browser.text()).contains("No holdings yet.");
        return idIn("/portfolios/");
    }

    /** A negative quantity first (refused, nothing stored), then 2 ETH, then 0.5 BTC; returns the ETH holding's id. */
    private long addHoldings() {
        link("Add holding", "alice-holding-form");
        type("asset", "ETH");
        type("quantity", "-2");
        type("venue", "Ledger");
        submit("form.holding button[type=submit]", "alice-holding-negative-quantity");
        assertThat(text(By.cssSelector("p.error[role=alert]")))
                .isEqualTo("Nothing was saved: please correct the fields marked below.");
        assertThat(text(By.id("quantity-error")))
                .isEqualTo("Enter a plain number such as 1.25 (no signs, commas or exponents).");
        assertThat(browser.driver().findElement(By.id("quantity")).getAttribute("value"))
                .as("input kept")
                .isEqualTo("-2");

        type("quantity", "2");
        submit("form.holding button[type=submit]", "alice-holding-eth-added");
        assertThat(text(By.cssSelector("p.flash"))).isEqualTo("Holding added.");
        // Only the corrected holding exists: the refused one left nothing behind.
        assertThat(holdingRows()).hasSize(1);
        assertThat(cells(holdingRows().get(0))).startsWith("ETH", "2 ETH", "Ledger");

        link("Add holding", "alice-holding-form-2");
        type("asset", "BTC");
        type("quantity", "0.5");
        type("venue", "Cold wallet");
        submit("form.holding button[type=submit]", "alice-holding-btc-added");
        assertThat(text(By.cssSelector("p.flash"))).isEqualTo("Holding added.");
        assertThat(holdingRows()).hasSize(2);

        WebElement ethRow = holdingRow("ETH");
        String edit = ethRow.findElement(By.linkText("Edit")).getAttribute("href");
        Matcher m = Pattern.compile("/holdings/(\\d+)/edit$").matcher(edit);
        assertThat(m.find()).as("edit link %s", edit).isTrue();
        return Long.parseLong(m.group(1));
    }

    /** Manual prices: ETH 2,000 and BTC 40,000 USD → 4,000 + 20,000 = 24,000 USD in total. */
    private void enterPrices() {
        new Select(browser.driver().findElement(By.id("priceAsset"))).selectByValue("ETH");
        type("price", "2000");
        submit("form[action$='/prices'] button[type=submit]", "alice-price-eth");
        assertThat(text(By.cssSelector("p.flash"))).isEqualTo("Price saved.");
        new Select(browser.driver().findElement(By.id("priceAsset"))).selectByValue("BTC");
        type("price", "40000");
        submit("form[action$='/prices'] button[type=submit]", "alice-price-btc");
        // 2 × 2,000 = 4,000.00 and 0.5 × 40,000 = 20,000.00 USD
        assertThat(cells(holdingRow("ETH")).get(7)).isEqualTo("4,000.00 USD");
        assertThat(cells(holdingRow("BTC")).get(7)).isEqualTo("20,000.00 USD");
        assertThat(text(By.cssSelector("p.total strong"))).isEqualTo("24,000.00 USD");
    }

    /** The planner on both holdings (per-asset legs and the BTC proxy hedge), then on the ETH holding alone. */
    private void plan(long portfolioId, long ethHoldingId) {
        link("Plan a hedge", "alice-planner");
        assertThat(browser.driver().getCurrentUrl()).startsWith(app + "portfolios/" + portfolioId + "/plan");
        new Select(browser.driver().findElement(By.id("contract.ETH"))).selectByValue("BYBIT:ETHUSD");
        new Select(browser.driver().findElement(By.id("contract.BTC"))).selectByValue("BYBIT:BTCUSD");
        new Select(browser.driver().findElement(By.id("proxyAsset"))).selectByValue("BTC");
        new Select(browser.driver().findElement(By.id("proxyContract"))).selectByValue("BYBIT:BTCUSD");
        submit("form.plan-form button[type=submit]", "alice-plan-both");
        // Per asset, margin out of the bag: the opening fee (taker 0.055 %) is coin leaving the bag, so the hedge is
        // sized
        // on what stays: D = 2 / (1 + 0.00055) = 1.998900… ETH → 1.998900… × 2,000 / 1 = 3,997.80 → 3,998 ETHUSD, and
        // 0.5 / 1.00055 × 40,000 = 19,989.005 → 19,989 BTCUSD contracts.
        assertThat(text(By.cssSelector("#leg-ETH p.order strong"))).isEqualTo("SELL 3,998 contracts of 1 USD (ETHUSD)");
        assertThat(text(By.cssSelector("#leg-BTC p.order strong")))
                .isEqualTo("SELL 19,989 contracts of 1 USD (BTCUSD)");
        // Proxy: the notional is β × the basket's 24,000.00 USD. β comes from the shipped history (not by hand); the
        // page shows it at 4 decimals, so β_shown × 24,000 is within 0.00005 × 24,000 = 1.20 USD of the notional, and
        // the
        // order is that notional in 1-USD BTCUSD contracts (rounded to whole contracts: ±0.5 more).
        String proxy = text(By.cssSelector("section.plan-proxy"));
        Matcher notional = Pattern.compile("is β × the basket's ([0-9.,]+) USD = ([0-9.,]+) USD")
                .matcher(proxy);
        assertThat(notional.find()).as("proxy explanation in %s", proxy).isTrue();
        assertThat(notional.group(1)).isEqualTo("24,000.00");
        BigDecimal beta =
                new BigDecimal(text(By.xpath("//section[contains(@class,'plan-proxy')]//tr[th='β (hedge ratio)']/td")));
        BigDecimal hedgeNotional = new BigDecimal(notional.group(2).replace(",", ""));
        assertThat(beta.multiply(new BigDecimal("24000"))
                        .subtract(hedgeNotional)
                        .abs())
                .isLessThanOrEqualTo(new BigDecimal("1.20"));
        Matcher order = Pattern.compile("SELL ([0-9,]+) contracts of 1 USD \\(BTCUSD\\)")
                .matcher(text(By.cssSelector("section.plan-proxy p.order strong")));
        assertThat(order.matches()).isTrue();
        assertThat(new BigDecimal(order.group(1).replace(",", ""))
                        .subtract(hedgeNotional)
                        .abs())
                .isLessThanOrEqualTo(new BigDecimal("0.5"));

        // The planner shows every holding ticked when none was chosen ("none ticked = all"): keep only ETH ticked.
        for (WebElement box : browser.driver().findElements(By.cssSelector("input[name=holding]"))) {
            if (box.isSelected() != box.getAttribute("value").equals(Long.toString(ethHoldingId))) {
                box.click();
            }
        }
        submit("form.plan-form button[type=submit]", "alice-plan-eth");
        assertThat(browser.driver().findElements(By.id("leg-BTC")))
                .as("BTC not selected")
                .isEmpty();
        assertThat(text(By.cssSelector("#leg-ETH p.order strong"))).isEqualTo("SELL 3,998 contracts of 1 USD (ETHUSD)");
    }

    /** "Record as opened" for the per-asset plan, through its confirmation page; returns the new hedge's id. */
    private long recordPerAssetHedge() {
        submit("button[name=strategy][value=PER_ASSET]", "alice-record-confirm");
        assertThat(text(By.tagName("h1"))).isEqualTo("Record as opened");
        List<WebElement> rows = browser.driver().findElements(By.cssSelector("table.numbers tbody tr"));
        assertThat(rows).hasSize(1);
        // Contract, side, size, entry, leverage, margin (3,998 / 2,000 / 2 = 0.9995 ETH), source, coverage, opening fee
        // (1.999 ETH × 0.00055 = 0.00109945 ETH), holdings
        assertThat(cells(rows.get(0)))
                .containsExactly(
                        "BYBIT:ETHUSD",
                        "short",
                        "3,998 contracts of 1 USD",
                        "2,000.00",
                        "2×",
                        "0.9995 ETH",
                        "out of the bag",
                        "100.00 %",
                        "0.00109945 ETH",
                        "1 holding");
        submit("form[action$='/plan/record'] button[type=submit]", "alice-hedge-recorded");
        assertThat(text(By.cssSelector("p.flash"))).isEqualTo("Hedge recorded.");
        long hedgeId = idIn("/hedges/");
        assertThat(text(By.tagName("h1"))).isEqualTo("Hedge #" + hedgeId + ": BYBIT:ETHUSD short (open)");
        assertThat(position("Size")).isEqualTo("3,998");
        assertThat(position("Average entry")).isEqualTo("2,000.00");
        assertThat(position("Margin")).isEqualTo("0.9995 ETH");
        // Right after recording: the plan's coverage, no alert, no resize, and at the entry price no unrealized PnL.
        // Exposure 2 − 0.00109945 = 1.99890055 ETH (the margin came out of the bag: counted once), hedged 1.999 ETH.
        assertThat(position("Coverage of the coin")).isEqualTo("100.00 %");
        assertThat(browser.driver().findElements(By.cssSelector("section.alerts")))
                .isEmpty();
        assertThat(position("Suggested resize")).startsWith("none");
        assertAmount(position("Unrealized PnL"), "0");
        return hedgeId;
    }

    /**
     * The portfolio after recording: the ETH holding hedged at the coin's coverage (1.999 / 1.99890055 = 100.00 %) with
     * a link to its hedge, BTC unhedged; net ETH = spot 2 + at the venue beyond the bag (cash 0.9995 − moved from it
     * 1.00059945 = −0.00109945, the fee) − 1.999 = −0.00009945 ETH; the hedge page's "Over time" section (the
     * hedge was opened after the stored closes end, so it says so instead of drawing).
     */
    private void seeOnThePortfolio(long portfolioId, long hedgeId) {
        assertThat(browser.driver().findElements(By.id("hedge-charts"))).hasSize(1);
        browser.open(app + "portfolios/" + portfolioId, "alice-portfolio-hedged");
        List<String> eth = cells(holdingRow("ETH"));
        assertThat(eth.get(10)).isEqualTo("100.00 %");
        assertThat(eth.get(11)).isEqualTo("#" + hedgeId);
        assertThat(cells(holdingRow("BTC")).get(10)).isEqualTo("0.00 %");
        assertThat(text(By.id("net-exposure"))).contains("-0.00109945 ETH", "-1.999 ETH", "-0.00009945 ETH");
        assertThat(browser.driver().findElements(By.cssSelector("#value-over-time svg.chart")))
                .hasSize(1);
    }

    private void seeOnDashboard(long hedgeId, String portfolioName) {
        link("Dashboard", "alice-dashboard-with-hedge");
        WebElement row = browser.driver()
                .findElement(By.xpath("//table[contains(@class,'hedges')]//tr[td/a[@href='/hedges/" + hedgeId + "']]"));
        List<String> cells = cells(row);
        assertThat(cells.get(0)).isEqualTo("#" + hedgeId + " BYBIT:ETHUSD short");
        assertThat(cells.get(1)).isEqualTo(portfolioName);
        assertThat(cells.get(2)).isEqualTo("3,998");
        assertThat(cells.get(6)).as("funding recorded").isEqualTo("0 ETH");
        browser.clickAndWait(row.findElement(By.tagName("a")), "alice-hedge");
    }

    private void recordFundingAndPartialClose(long hedgeId) {
        assertThat(browser.driver().getCurrentUrl()).isEqualTo(app + "hedges/" + hedgeId);
        new Select(browser.driver().findElement(By.id("type"))).selectByValue("FUNDING");
        type("amount", "0.0025");
        type("note", "funding 08:00");
        submit("form.hedge-action button[type=submit]", "alice-funding-confirm");
        assertThat(text(By.tagName("h1"))).isEqualTo("Confirm: funding settled");
        assertThat(effects()).contains("Funding received 0.0025 ETH", "Spot holdings are not changed.");
        submit("form[action$='/actions'] button[type=submit]", "alice-funding-recorded");
        assertThat(text(By.cssSelector("p.flash"))).isEqualTo("Recorded in the hedge's ledger.");
        assertThat(position("Funding recorded")).isEqualTo("0.0025 ETH");

        new Select(browser.driver().findElement(By.id("type"))).selectByValue("REDUCE");
        type("quantity", "1500");
        type("price", "2500");
        submit("form.hedge-action button[type=submit]", "alice-reduce-confirm");
        assertThat(text(By.tagName("h1"))).isEqualTo("Confirm: reduce the position");
        // 1,500 × (1/2,500 − 1/2,000) = −0.15 ETH; × 2,500 = −375.00 USD
        assertThat(effects())
                .contains("Closes 1,500 of 3,998 contracts of 1 USD", "Realized PnL -0.15 ETH (-375.00 USD)");
        submit("form[action$='/actions'] button[type=submit]", "alice-reduce-recorded");
        assertThat(text(By.cssSelector("p.flash"))).isEqualTo("Recorded in the hedge's ledger.");
        // 3,998 − 1,500 = 2,498 contracts left, still open
        assertThat(position("Size")).isEqualTo("2,498");
        assertThat(position("Realized PnL")).isEqualTo("-0.15 ETH");
        assertThat(text(By.tagName("h1"))).endsWith("(open)");
        List<WebElement> ledger = browser.driver().findElements(By.cssSelector("table.ledger tbody tr"));
        // Opening records the position (OPEN) and its margin deposit (MARGIN_IN) together.
        assertThat(ledger)
                .extracting(r -> cells(r).get(1))
                .containsExactly("opened", "margin added", "funding", "reduced");
    }

    /** Hedge history of the portfolio → "native ledger" CSV, downloaded by the browser and parsed. */
    private void exportHistory(Path downloads, long hedgeId, long portfolioId, String portfolioName)
            throws IOException {
        link("Hedge history", "alice-hedge-history");
        assertThat(browser.driver().getCurrentUrl()).isEqualTo(app + "hedges?portfolio=" + portfolioId);
        browser.driver().findElement(By.linkText("native ledger")).click();
        Path csv = new WebDriverWait(browser.driver(), WAIT).until(d -> downloaded(downloads));
        browser.visited("alice-after-export");
        assertThat(csv.getFileName().toString()).endsWith("-native.csv").startsWith("hedges-Journey-bags-");

        List<CSVRecord> rows;
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.RFC4180
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .get()
                        .parse(in)) {
            rows = parser.getRecords().stream()
                    .sorted(Comparator.comparingLong(r -> Long.parseLong(r.get("event_id"))))
                    .toList();
        }
        assertThat(rows).extracting(r -> r.get("event_type")).containsExactly("OPEN", "MARGIN_IN", "FUNDING", "REDUCE");
        for (CSVRecord r : rows) {
            assertThat(r.get("hedge_id")).isEqualTo(Long.toString(hedgeId));
            assertThat(r.get("portfolio")).isEqualTo(portfolioName);
            assertThat(r.get("instrument")).isEqualTo("BYBIT:ETHUSD");
            assertThat(r.get("side")).isEqualTo("SHORT");
            assertThat(r.get("cash_asset")).isEqualTo("ETH");
        }
        CSVRecord open = rows.get(0);
        assertAmount(open.get("quantity"), "3998");
        assertAmount(open.get("price"), "2000");
        assertAmount(open.get("fee"), "0.00109945");
        assertAmount(open.get("cash_change"), "-0.00109945"); // the opening fee leaves the account
        // the 0.9995 ETH margin and the opening fee sent to the venue
        assertAmount(rows.get(1).get("cash_change"), "1.00059945");
        CSVRecord funding = rows.get(2);
        assertAmount(funding.get("funding_amount"), "0.0025");
        assertAmount(funding.get("cash_change"), "0.0025");
        assertThat(funding.get("note")).isEqualTo("funding 08:00");
        CSVRecord reduce = rows.get(3);
        assertAmount(reduce.get("quantity"), "1500");
        assertAmount(reduce.get("price"), "2500");
        assertAmount(reduce.get("realized_pnl"), "-0.15");
        assertAmount(reduce.get("cash_change"), "-0.15"); // no trading fee entered
    }

    private void inviteBob(String teamName) {
        link("Teams", "alice-teams-again");
        link(teamName, "alice-team");
        type("invitee", "bob");
        new Select(browser.driver().findElement(By.id("invite-role"))).selectByValue("VIEWER");
        submit("form[action$='/invitations'] button[type=submit]", "alice-invited-bob");
        assertThat(text(By.cssSelector("p.flash")))
                .isEqualTo("Invitation saved. It is claimed when that person next logs in.");
        List<WebElement> invitations = browser.driver().findElements(By.cssSelector("table.invitations tbody tr"));
        assertThat(invitations).hasSize(1);
        assertThat(cells(invitations.get(0))).startsWith("bob", "Viewer", "Alice Nakamoto");
    }

    /** Bob (viewer) sees the portfolio and its hedge, gets no edit controls, and his edits are refused. */
    private void bobCannotEdit(String portfolioName, long portfolioId, long ethHoldingId, long hedgeId) {
        // The invitation was claimed at this login: the portfolio is on his dashboard.
        browser.clickAndWait(browser.driver().findElement(By.linkText(portfolioName)), "bob-portfolio");
        assertThat(browser.text()).contains("your role: Viewer");
        assertThat(text(By.cssSelector("p.total strong"))).isEqualTo("24,000.00 USD");
        assertThat(holdingRows()).hasSize(2);
        assertThat(browser.driver().findElements(By.linkText("Add holding"))).isEmpty();
        assertThat(browser.driver().findElements(By.linkText("Edit"))).isEmpty();
        assertThat(browser.driver().findElements(By.linkText("Delete"))).isEmpty();
        assertThat(browser.driver().findElements(By.id("priceAsset")))
                .as("no price form")
                .isEmpty();

        String editUrl = app + "portfolios/" + portfolioId + "/holdings/" + ethHoldingId + "/edit";
        browser.open(editUrl, "bob-edit-url-refused");
        assertRefused();

        // A hand-made POST of the edit form, with a valid CSRF token of bob's session (from the logout form).
        browser.open(app + "portfolios/" + portfolioId, "bob-portfolio-again");
        String csrf = browser.driver()
                .findElement(By.cssSelector("input[name=csrf-token]"))
                .getAttribute("value");
        WebElement page = browser.driver().findElement(By.tagName("html"));
        browser.driver()
                .executeScript(
                        """
        const form = document.createElement('form');
        form.method = 'post';
        form.action = arguments[0];
        for (const [name, value] of Object.entries(arguments[1])) {
          const input = document.createElement('input');
          input.type = 'hidden';
          input.name = name;
          input.value = value;
          form.appendChild(input);
        }
        document.body.appendChild(form);
        form.submit();""",
                        "/portfolios/" + portfolioId + "/holdings/" + ethHoldingId,
                        Map.of(
                                "csrf-token",
                                csrf,
                                "asset",
                                "ETH",
                                "quantity",
                                "999",
                                "venue",
                                "Ledger",
                                "version",
                                "0"));
        new WebDriverWait(browser.driver(), WAIT).until(d -> Chromium.isGone(page));
        browser.visited("bob-edit-post-refused");
        assertRefused();

        browser.open(app + "portfolios/" + portfolioId, "bob-portfolio-unchanged");
        assertThat(cells(holdingRow("ETH"))).startsWith("ETH", "2 ETH", "Ledger");

        browser.open(app + "hedges/" + hedgeId, "bob-hedge");
        assertThat(position("Size")).isEqualTo("2,498");
        assertThat(browser.driver().findElements(By.cssSelector("form.hedge-action")))
                .as("no action form")
                .isEmpty();
        assertThat(browser.driver().findElements(By.cssSelector("table.ledger tbody tr")))
                .hasSize(4);
    }

    private void assertRefused() {
        assertThat(text(By.tagName("h1"))).isEqualTo("Not allowed");
        assertThat(browser.text())
                .contains("Your role in this team (Viewer) lets you look but not change anything. Nothing was saved.");
    }

    private void logOut(String page) {
        browser.clickAndWait(browser.driver().findElement(By.name("logout")), page);
        // Back on our landing page (Quarkus adds the logout request's state to the post-logout URL).
        assertThat(browser.driver().getCurrentUrl()).matches(Pattern.quote(app) + "(\\?state=[-0-9a-f]+)?");
        assertThat(browser.driver().findElements(By.name("logout")))
                .as("no logout button once logged out")
                .isEmpty();
        assertThat(browser.driver().findElement(By.linkText("Log in")).isDisplayed())
                .isTrue();
    }

    /** A session cookie from before a logout, replayed outside the browser: a redirect to the login, not a page. */
    private void assertReplayedSessionIsRefused(String sessionCookie) throws Exception {
        HttpResponse<String> replay = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build()
                .send(
                        HttpRequest.newBuilder(URI.create(app + "dashboard"))
                                .header("Cookie", "q_session=" + sessionCookie)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(replay.statusCode()).isEqualTo(302);
        assertThat(replay.headers().firstValue("Location").orElse(""))
                .contains("/realms/hedgedesk/protocol/openid-connect/auth");
        assertThat(replay.body()).doesNotContain("Hello, ");
    }

    /** The app's session cookie is gone, and so is Keycloak's: the dashboard asks for the password again. */
    private void assertLoginAskedAgain(String page) {
        browser.open(app + "dashboard", page);
        assertThat(browser.driver().getCurrentUrl()).contains("/realms/hedgedesk/protocol/openid-connect/auth");
        assertThat(browser.await(By.id("kc-form-login")).isDisplayed()).isTrue();
    }

    // -------------------------------------------------------------------------------------------------- helpers

    private static Path downloaded(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            // Chromium writes <name>.crdownload and renames it when complete.
            Optional<Path> csv = files.filter(f -> f.getFileName().toString().endsWith(".csv"))
                    .findFirst();
            return csv.orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    /** The bag of the report: quantity and the price alice types, per coin. */
    private static final String[][] FIVE_COINS = {
        {"SOL", "120", "150"},
        {"AVAX", "900", "20"},
        {"DOT", "2500", "4.2"},
        {"ETH", "15", "3000"},
        {"ADA", "40000", "0.5"}
    };

    /**
     * A 5-coin bag hedged per asset (inverse out of the bag and with extra coin, linear with extra coin and with
     * stablecoins) or by a BTC proxy, recorded through the confirmation page; then every hedge page and the dashboard
     * show the plan's coverage, no alert (no false drift, no stale price) and no phantom PnL.
     */
    private void fiveCoinBag(String portfolioName, boolean proxy) {
        link("Portfolios", "alice-portfolios-" + (proxy ? "proxy" : "five"));
        type("name", portfolioName);
        submit("form[action='/portfolios'] button[type=submit]", "alice-five-created");
        long id = idIn("/portfolios/");
        for (String[] coin : FIVE_COINS) {
            browser.open(app + "portfolios/" + id + "/holdings/new", "alice-five-holding-form");
            type("asset", coin[0]);
            type("quantity", coin[1]);
            type("venue", "Ledger");
            submit("form.holding button[type=submit]", "alice-five-holding-" + coin[0]);
            new Select(browser.driver().findElement(By.id("priceAsset"))).selectByValue(coin[0]);
            type("price", coin[2]);
            submit("form[action$='/prices'] button[type=submit]", "alice-five-price-" + coin[0]);
        }
        if (proxy) {
            // the proxy coin is not held, but it is priced like the others: one price per coin per team
            new Select(browser.driver().findElement(By.id("priceAsset"))).selectByValue("BTC");
            type("price", "60000");
            submit("form[action$='/prices'] button[type=submit]", "alice-five-price-BTC");
        }
        String query = "contract.AVAX=BINANCE:AVAXUSD_PERP&leverage.AVAX=2&margin.AVAX=OUT_OF_BAG&coverage.AVAX=1"
                + "&contract.ADA=BINANCE:ADAUSD_PERP&leverage.ADA=4&margin.ADA=EXTRA_COIN&coverage.ADA=1"
                + "&contract.DOT=BINANCE:DOTUSD_PERP&leverage.DOT=2&margin.DOT=OUT_OF_BAG&coverage.DOT=1"
                + "&contract.ETH=BYBIT:ETHUSDT&leverage.ETH=2&margin.ETH=EXTRA_COIN&coverage.ETH=1"
                + "&contract.SOL=BYBIT:SOLUSDT&leverage.SOL=3&margin.SOL=STABLECOIN&coverage.SOL=1"
                + "&proxyAsset=BTC&proxyContract=BYBIT:BTCUSD&proxyLeverage=2&windowDays=90";
        browser.open(app + "portfolios/" + id + "/plan?" + query, "alice-five-plan" + (proxy ? "-proxy" : ""));
        java.util.Map<String, BigDecimal> planned = new java.util.HashMap<>();
        for (String[] coin : FIVE_COINS) {
            String cell = text(By.xpath("//article[@id='leg-" + coin[0] + "']//tr[th='Coverage']/td[1]"));
            planned.put(coin[0], new BigDecimal(cell.replace("%", "").strip()));
        }
        submit("button[name=strategy][value=" + (proxy ? "PROXY" : "PER_ASSET") + "]", "alice-five-confirm");
        submit("form[action$='/plan/record'] button[type=submit]", "alice-five-recorded");
        assertThat(text(By.cssSelector("p.flash"))).isEqualTo("Hedge recorded.");

        link("Dashboard", "alice-five-dashboard" + (proxy ? "-proxy" : ""));
        assertThat(browser.driver().findElements(By.cssSelector("li.alert")))
                .as("no alert about %s", portfolioName)
                .noneMatch(a -> a.getText().contains("(" + portfolioName + ") —"));
        List<String> hedgeLinks = browser
                .driver()
                .findElements(By.xpath("//table[contains(@class,'hedges')]//tr[td[2]='" + portfolioName + "']/td[1]/a"))
                .stream()
                .map(a -> a.getAttribute("href"))
                .toList();
        assertThat(hedgeLinks).hasSize(proxy ? 1 : 5);
        if (!proxy) {
            for (WebElement row : browser.driver()
                    .findElements(By.xpath("//table[contains(@class,'coins')]//tr[td[1]/a='" + portfolioName + "']"))) {
                List<String> c = cells(row);
                assertThat(new BigDecimal(c.get(4).replace("%", "").strip()))
                        .as("dashboard coverage of %s", c.get(1))
                        .isEqualByComparingTo(planned.get(c.get(1)));
            }
        }
        for (String href : hedgeLinks) {
            browser.open(href, "alice-five-hedge-" + href.substring(href.lastIndexOf('/') + 1));
            assertThat(browser.driver().findElements(By.cssSelector("section.alerts")))
                    .as("alerts on %s", href)
                    .isEmpty();
            assertAmount(position("Unrealized PnL"), "0");
            if (proxy) {
                // β × the basket in 1-USD contracts, rounded to whole contracts: within a hundredth of a percent of 100
                // %
                BigDecimal coverage = new BigDecimal(
                        position("Coverage (of β × basket)").replace("%", "").strip());
                assertThat(coverage.subtract(new BigDecimal("100")).abs()).isLessThanOrEqualTo(new BigDecimal("0.01"));
            } else {
                String coin = text(By.tagName("h1")).replaceAll(".*: [A-Z]+:([A-Z]+?)(USD_PERP|USDT) .*", "$1");
                BigDecimal coverage = new BigDecimal(
                        position("Coverage of the coin").replace("%", "").strip());
                assertThat(coverage).as("coverage of %s on %s", coin, href).isEqualByComparingTo(planned.get(coin));
                assertThat(position("Suggested resize")).startsWith("none");
            }
        }
    }

    private static void assertAmount(String cell, String expected) {
        // a page figure: separators and the unit dropped ("1,234.5 ETH" → 1234.5); CSV cells are plain already
        assertThat(new BigDecimal(cell.replace(",", "").replaceAll(" [A-Z]+$", "")))
                .as("%s", cell)
                .isEqualByComparingTo(expected);
    }

    private String position(String label) {
        return text(By.xpath("//table[@class='hedge']//tr[th='" + label + "']/td[1]"));
    }

    private List<String> effects() {
        return browser.driver().findElements(By.cssSelector("ul.effects li")).stream()
                .map(WebElement::getText)
                .toList();
    }

    private List<WebElement> holdingRows() {
        return browser.driver().findElements(By.cssSelector("table.holdings tbody tr"));
    }

    private WebElement holdingRow(String asset) {
        return browser.driver()
                .findElement(By.xpath("//table[contains(@class,'holdings')]/tbody/tr[td[1]='" + asset + "']"));
    }

    private static List<String> cells(WebElement row) {
        return row.findElements(By.tagName("td")).stream()
                .map(WebElement::getText)
                .toList();
    }

    /** The id after {@code prefix} in the current URL. */
    private long idIn(String prefix) {
        Matcher m = Pattern.compile(Pattern.quote(prefix) + "(\\d+)")
                .matcher(browser.driver().getCurrentUrl());
        assertThat(m.find())
                .as("%s in %s", prefix, browser.driver().getCurrentUrl())
                .isTrue();
        return Long.parseLong(m.group(1));
    }

    private String text(By selector) {
        return browser.await(selector).getText();
    }

    private void link(String text, String page) {
        browser.clickAndWait(browser.driver().findElement(By.linkText(text)), page);
    }

    private void submit(String buttonSelector, String page) {
        browser.clickAndWait(browser.driver().findElement(By.cssSelector(buttonSelector)), page);
    }

    private void type(String field, String value) {
        WebElement input = browser.driver().findElement(By.id(field));
        input.clear();
        input.sendKeys(value);
    }

    private boolean stylesheetApplied() {
        // .topbar has a white background in app.css; without the stylesheet it would be transparent.
        String background =
                browser.driver().findElement(By.cssSelector("header.topbar")).getCssValue("background-color");
        return background.equals("rgba(255, 255, 255, 1)");
    }
}
