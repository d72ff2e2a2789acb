package io.hedgedesk.web.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hedgedesk.domain.instrument.catalog.ContractCatalog;
import io.hedgedesk.domain.market.PriceSeries;
import io.hedgedesk.domain.portfolio.HoldingDraft;
import io.hedgedesk.domain.portfolio.HoldingInput;
import io.hedgedesk.persistence.market.FundingHistoryRepository;
import io.hedgedesk.persistence.market.PriceHistoryRepository;
import io.hedgedesk.persistence.portfolio.PortfolioService;
import io.hedgedesk.persistence.team.TeamService;
import io.hedgedesk.persistence.user.AppUserRepository;
import io.hedgedesk.pricing.backtest.BacktestEngine;
import io.hedgedesk.pricing.backtest.BacktestMarket;
import io.hedgedesk.pricing.backtest.BacktestPolicy;
import io.hedgedesk.pricing.backtest.BacktestResult;
import io.hedgedesk.pricing.backtest.LegPolicy;
import io.hedgedesk.pricing.backtest.Rebalancing;
import io.hedgedesk.pricing.hedge.MarginSource;
import io.hedgedesk.web.support.Teams;
import io.hedgedesk.web.support.UserSession;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URL;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The backtest page and its CSV: the numbers shown are the pricing module's for the same inputs on the stored
 * history, bad input is a message at the top naming the field, and the planner links to it. The grade of a real
 * hedge, reached from its page.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class BacktestPageTest {

    static final String QUERY = "contract.BTC=BYBIT:BTCUSD&leverage.BTC=2&margin.BTC=OUT_OF_BAG&coverage.BTC=1"
            + "&from=2022-01-01&to=2022-12-31&rebalance=NEVER";

    @TestHTTPResource("/")
    URL root;

    @Inject
    AppUserRepository users;

    @Inject
    TeamService teamService;

    @Inject
    PortfolioService portfolios;

    @Inject
    PriceHistoryRepository prices;

    @Inject
    FundingHistoryRepository funding;

    Teams teams;

    @BeforeEach
    void setUp() {
        teams = new Teams(users, teamService);
    }

    private long bag(UserSession s, String asset, String quantity) throws Exception {
        long id = s.createPortfolio("Backtest bag");
        portfolios.addHolding(
                teams.user(s).id(),
                id,
                UUID.randomUUID(),
                HoldingDraft.parse(new HoldingInput(asset, false, quantity, "Ledger", "", "", ""), LocalDate.now()));
        return id;
    }

    static String usd(BigDecimal value) {
        return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT))
                        .format(value.setScale(2, RoundingMode.HALF_EVEN))
                + " USD";
    }

    @Test
    void aPerAssetBacktestShowsThePricingModulesNumbersAChartAndTheCsv() throws Exception {
        try (UserSession alice = UserSession.logInNew(root, "BacktestAlice")) {
            long id = bag(alice, "BTC", "1");
            HtmlPage page = alice.page("/portfolios/" + id + "/backtest?" + QUERY);
            String text = page.asNormalizedText();

            // the same replay, here: BYBIT:BTCUSD has no stored funding; the closest stored BTC inverse series is
            // BitMEX's
            PriceSeries btc = prices.series("BTC").orElseThrow();
            BacktestMarket market = BacktestMarket.of(
                    List.of(btc),
                    LocalDate.of(2022, 1, 1),
                    LocalDate.of(2022, 12, 31),
                    0,
                    Map.of("BYBIT:BTCUSD", funding.series("BITMEX:XBTUSD").orElseThrow()));
            BacktestResult expected = BacktestEngine.DEFAULT.run(
                    market,
                    new BacktestPolicy(
                            Map.of("BTC", BigDecimal.ONE),
                            Map.of(
                                    "BTC",
                                    new LegPolicy(
                                            ContractCatalog.loadDefault().get("BYBIT:BTCUSD"),
                                            new BigDecimal("2"),
                                            MarginSource.OUT_OF_BAG,
                                            BigDecimal.ONE)),
                            Optional.empty(),
                            Rebalancing.never(),
                            Optional.empty()));
            assertTrue(
                    text.contains("Equity at the end (USD)\t"
                            + usd(expected.measures().endHedgedUsd()) + "\t"
                            + usd(btc.closeOn(LocalDate.of(2022, 12, 31)).orElseThrow())),
                    text);
            assertTrue(text.contains("of which funding (+ received, − paid; USD)\t"
                    + usd(expected.measures().fundingUsd())));
            assertTrue(text.contains("Funding of BYBIT:BTCUSD replayed from the stored settlements of BITMEX:XBTUSD."));
            assertTrue(text.contains("2022-01-01 to 2022-12-31, 365 daily closes"), text);
            assertEquals(2, page.querySelectorAll("svg.chart").size(), "equity in USD and in BTC");
            assertEquals(0, page.querySelectorAll("#backtest-problem").size());

            String csvPath = page.getElementById("backtest-csv").getAttribute("href");
            WebResponse csv = alice.browser().loadWebResponse(new WebRequest(new URL(root, csvPath)));
            assertEquals(200, csv.getStatusCode());
            assertTrue(csv.getContentType().startsWith("text/csv"), csv.getContentType());
            assertTrue(
                    csv.getResponseHeaderValue("Content-Disposition").startsWith("attachment; filename=\"backtest-"));
            String[] lines = csv.getContentAsString().split("\r\n");
            assertEquals("date,hedged_usd,unhedged_usd,funding_usd,fees_usd,BTC_coins_hedged", lines[0]);
            assertEquals(366, lines.length);
            assertTrue(
                    lines[365].startsWith("2022-12-31,"
                            + expected.measures()
                                    .endHedgedUsd()
                                    .setScale(2, RoundingMode.HALF_EVEN)
                                    .toPlainString() + ","),
                    lines[365]);
        }
    }

    @Test
    void aProxyBacktestSizesByBeta() throws Exception {
        try (UserSession alice = UserSession.logInNew(root, "BacktestProxy")) {
            long id = bag(alice, "SOL", "100");
            HtmlPage page = alice.page("/portfolios/" + id + "/backtest?strategy=PROXY&proxyAsset=BTC"
                    + "&proxyContract=BINANCE:BTCUSDT&proxyLeverage=3&betaMode=ROLLING&betaWindow=60&from=2023-01-01"
                    + "&to=2023-06-30&rebalance=EVERY_N_DAYS&everyDays=7");
            String text = page.asNormalizedText();
            assertTrue(text.contains("β at the opening"), text);
            assertTrue(text.contains("2023-01-01 to 2023-06-30, 181 daily closes"), text);
            assertEquals(0, page.querySelectorAll("#backtest-problem").size(), text);
        }
    }

    @Test
    void badInputIsAMessageAtTheTopNamingTheField() throws Exception {
        try (UserSession alice = UserSession.logInNew(root, "BacktestBad")) {
            long id = bag(alice, "BTC", "1");
            HtmlPage page = alice.page("/portfolios/" + id + "/backtest?contract.BTC=BYBIT:BTCUSD&leverage.BTC=abc");
            String problem = page.getElementById("backtest-problem").asNormalizedText();
            assertTrue(problem.contains("leverage.BTC"), problem);
            assertFalse(page.asNormalizedText().contains("Exception"));
            HtmlPage early = alice.page("/portfolios/" + id + "/backtest?from=2010-01-01&to=2010-12-31");
            assertTrue(early.getElementById("backtest-problem")
                    .asNormalizedText()
                    .contains("fewer than two daily closes"));
            HtmlPage margin =
                    alice.page("/portfolios/" + id + "/backtest?contract.BTC=BINANCE:BTCUSDT&margin.BTC=OUT_OF_BAG");
            assertTrue(
                    margin.getElementById("backtest-problem").asNormalizedText().contains("stablecoins"));
            WebResponse csv = alice.browser()
                    .loadWebResponse(
                            new WebRequest(new URL(root, "/portfolios/" + id + "/backtest/path.csv?leverage.BTC=abc")));
            assertEquals(400, csv.getStatusCode());
        }
    }

    @Test
    void thePlannerLinksToTheBacktestWithItsInputsAndAnotherTeamGetsA404() throws Exception {
        try (UserSession alice = UserSession.logInNew(root, "BacktestLink");
                UserSession mallory = UserSession.logInNew(root, "BacktestMallory")) {
            long id = bag(alice, "BTC", "1");
            HtmlPage plan = alice.page("/portfolios/" + id + "/plan?leverage.BTC=3");
            String href = plan.getElementById("plan-backtest").getAttribute("href");
            assertEquals("/portfolios/" + id + "/backtest?leverage.BTC=3", href);
            assertTrue(alice.page(href).asNormalizedText().contains("Backtest a hedge policy"));
            assertEquals(404, mallory.getStatus("/portfolios/" + id + "/backtest"));
            assertEquals(404, mallory.getStatus("/portfolios/" + id + "/backtest/path.csv"));
        }
    }

    @Test
    void anOpenHedgeIsGradedFromItsOpeningToTheLastStoredClose() throws Exception {
        try (UserSession alice = UserSession.logInNew(root, "GradeAlice");
                UserSession mallory = UserSession.logInNew(root, "GradeMallory")) {
            long pid = alice.createPortfolio("Graded");
            long holding = portfolios
                    .addHolding(
                            teams.user(alice).id(),
                            pid,
                            UUID.randomUUID(),
                            HoldingDraft.parse(
                                    new HoldingInput("BTC", false, "1", "Ledger", "", "", ""), LocalDate.now()))
                    .id();
            LocalDate opened = LocalDate.of(2025, 6, 1);
            BigDecimal entry = prices.series("BTC")
                    .orElseThrow()
                    .closeOn(opened)
                    .orElseThrow()
                    .setScale(0, RoundingMode.HALF_UP);
            WebResponse open = alice.post(
                    "/portfolios/" + pid + "/hedges",
                    "contractId",
                    "BYBIT:BTCUSD",
                    "side",
                    "SHORT",
                    "size",
                    entry.toPlainString(),
                    "entryPrice",
                    entry.toPlainString(),
                    "leverage",
                    "2",
                    "margin",
                    "0",
                    "marginSource",
                    "OUT_OF_BAG",
                    "holding",
                    Long.toString(holding),
                    "targetCoverage",
                    "1",
                    "fee",
                    "0",
                    "openedAt",
                    "2025-06-01T12:00",
                    "formToken",
                    UUID.randomUUID().toString());
            assertEquals(303, open.getStatusCode(), open.getContentAsString());
            long hedgeId =
                    Long.parseLong(open.getResponseHeaderValue("Location").replaceAll(".*/hedges/(\\d+).*", "$1"));

            HtmlPage track = alice.page("/hedges/" + hedgeId);
            HtmlPage grade = alice.page(track.getElementById("hedge-grade").getAttribute("href"));
            String text = grade.asNormalizedText();
            LocalDate last = prices.series("BTC").orElseThrow().last().date();
            long days = last.toEpochDay() - opened.toEpochDay() + 1;
            assertTrue(text.contains(opened + " to " + last + ", " + days + " daily closes"), text);
            assertTrue(text.contains("OPEN " + entry.toPlainString() + " at " + entry.toPlainString()), text);
            assertEquals(0, grade.querySelectorAll("#grade-problem").size(), text);
            assertEquals(2, grade.querySelectorAll("svg.chart").size());

            WebResponse csv = alice.browser()
                    .loadWebResponse(new WebRequest(new URL(root, "/hedges/" + hedgeId + "/grade/path.csv")));
            assertEquals(200, csv.getStatusCode());
            assertEquals(days + 1, csv.getContentAsString().split("\r\n").length);
            assertEquals(404, mallory.getStatus("/hedges/" + hedgeId + "/grade"));
        }
    }
}
