package io.hedgedesk.web.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hedgedesk.domain.instrument.Asset;
import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.instrument.Side;
import io.hedgedesk.domain.instrument.catalog.ContractCatalog;
import io.hedgedesk.domain.market.PriceSeries;
import io.hedgedesk.domain.portfolio.Holding;
import io.hedgedesk.domain.portfolio.HoldingDraft;
import io.hedgedesk.domain.portfolio.HoldingInput;
import io.hedgedesk.domain.team.Role;
import io.hedgedesk.persistence.market.PriceHistoryRepository;
import io.hedgedesk.persistence.portfolio.PortfolioService;
import io.hedgedesk.persistence.team.TeamService;
import io.hedgedesk.persistence.user.AppUserRepository;
import io.hedgedesk.pricing.hedge.HedgeLeg;
import io.hedgedesk.pricing.hedge.HedgeRequest;
import io.hedgedesk.pricing.hedge.HedgeSizer;
import io.hedgedesk.pricing.hedge.MarginSource;
import io.hedgedesk.pricing.perpetual.PerpetualPricer;
import io.hedgedesk.pricing.perpetual.Position;
import io.hedgedesk.pricing.proxy.BasketBeta;
import io.hedgedesk.pricing.proxy.BasketComponent;
import io.hedgedesk.pricing.proxy.ProxyHedgeCalculator;
import io.hedgedesk.pricing.proxy.ReturnType;
import io.hedgedesk.pricing.proxy.Weighting;
import io.hedgedesk.web.hedge.book.HedgeBookService;
import io.hedgedesk.web.support.Teams;
import io.hedgedesk.web.support.UserSession;
import io.hedgedesk.web.view.Display;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.net.URL;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hedge planner page: each strategy's numbers as shown against the pricing module called here with the same
 * inputs, impossible inputs as messages, and access like the portfolio pages.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class PlannerPageTest {

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

    Teams teams;
    final ContractCatalog catalog = ContractCatalog.loadDefault();

    @BeforeEach
    void setUp() {
        teams = new Teams(users, teamService);
    }

    private Holding add(UserSession s, long portfolioId, String asset, boolean custom, String quantity) {
        return portfolios.addHolding(
                teams.user(s).id(),
                portfolioId,
                UUID.randomUUID(),
                HoldingDraft.parse(new HoldingInput(asset, custom, quantity, "Ledger", "", "", ""), LocalDate.now()));
    }

    private static String text(HtmlPage page) {
        return page.asNormalizedText();
    }

    @Test
    void perAssetLegsShowWhatThePricingModuleComputes() throws Exception {
        try (UserSession alice = UserSession.logInNew(root, "PlannerAlice")) {
            long id = alice.createPortfolio("Bag");
            BigDecimal ethCoins = add(alice, id, "ETH", false, "50").draft().quantity();
            BigDecimal solCoins = add(alice, id, "SOL", false, "100").draft().quantity();
            HtmlPage page = alice.page("/portfolios/" + id + "/plan?contract.ETH=BYBIT:ETHUSD&leverage.ETH=2"
                    + "&margin.ETH=OUT_OF_BAG&coverage.ETH=1&contract.SOL=BYBIT:SOLUSDT&leverage.SOL=3&margin.SOL=STABLECOIN"
                    + "&windowDays=90&horizonDays=30");
            String text = text(page);

            BigDecimal eth = prices.series("ETH").orElseThrow().last().close();
            Instrument ethusd = catalog.get("BYBIT:ETHUSD");
            // the plan accounts the opening market order's fee at the contract's taker rate (coin leaving the bag)
            HedgeLeg leg = HedgeSizer.DEFAULT.size(
                    HedgeRequest.fullHedge(ethCoins, eth, ethusd, new BigDecimal("2"), MarginSource.OUT_OF_BAG)
                            .withOpeningFeeRate(ethusd.takerFeeRate()));
            // the order with its unit, e.g. "SELL 175,000 contracts of 1 USD (ETHUSD)"; amounts through the one
            // formatter
            String order = Display.order(leg.order().venueSide(), leg.order().size(), ethusd);
            assertTrue(order.contains(" contracts of 1 USD (ETHUSD)"), order);
            assertTrue(text.contains(order), "order " + order + " in\n" + text);
            assertTrue(text.contains(Display.amount(leg.margin().value(), "ETH")), "margin " + leg.margin());
            assertTrue(text.contains(Display.usd(leg.notionalUsd())));
            Position ethShort = new Position(ethusd, Side.SHORT, leg.order().size(), eth, new BigDecimal("2"));
            BigDecimal lp =
                    PerpetualPricer.of(ethusd).liquidationPrice(ethShort).orElseThrow();
            assertTrue(text.contains(Display.price(lp, ethusd)), "liquidation " + lp);
            BigDecimal bp = PerpetualPricer.of(ethusd)
                    .bankruptcyPrice(ethShort, io.hedgedesk.domain.instrument.Amount.zero(Asset.of("ETH")))
                    .orElseThrow();
            assertTrue(text.contains(Display.price(bp, ethusd)), "bankruptcy " + bp);
            // No stored BYBIT:ETHUSD funding; the closest stored ETH series is on the same venue.
            assertTrue(text.contains("projected from BYBIT:ETHUSDT history; no stored history for BYBIT:ETHUSD"), text);
            assertTrue(text.contains("your short"), "sign in words");

            BigDecimal sol = prices.series("SOL").orElseThrow().last().close();
            Instrument solusdt = catalog.get("BYBIT:SOLUSDT");
            HedgeLeg solLeg = HedgeSizer.DEFAULT.size(new HedgeRequest(
                    Asset.of("SOL"),
                    solCoins,
                    sol,
                    solusdt,
                    sol,
                    new BigDecimal("3"),
                    MarginSource.STABLECOIN,
                    BigDecimal.ONE));
            String solOrder =
                    Display.order(solLeg.order().venueSide(), solLeg.order().size(), solusdt);
            assertTrue(text.contains(solOrder), "order " + solOrder + " in\n" + text);
            assertTrue(text.contains(Display.amount(solLeg.margin().value(), "USDT")));
            assertTrue(
                    text.contains("projected from BINANCE:SOLUSDT history; no stored history for BYBIT:SOLUSDT"), text);

            String xml = page.asXml();
            assertTrue(xml.contains("<polyline"), "charts are inline SVG");
            assertFalse(xml.contains("style="), "no inline styles");
            assertFalse(xml.contains("<script"), "no scripts");
        }
    }

    @Test
    void numbersAreWrittenOutAndChartLabelsFitSmallPrices() throws Exception {
        try (UserSession carol = UserSession.logInNew(root, "PlannerCarol")) {
            long id = carol.createPortfolio("Ada bag");
            add(carol, id, "ADA", false, "20000");
            HtmlPage page = carol.page("/portfolios/" + id + "/plan?contract.ADA=BINANCE:ADAUSD_PERP&leverage.ADA=2"
                    + "&margin.ADA=OUT_OF_BAG&coverage.ADA=1&horizonDays=30");
            String text = text(page);
            // The catalog's ADAUSD_PERP face value is 10 USD, read from JSON as 1E+1; the page printed "1E+1" before.
            assertTrue(text.contains("(inverse contracts: 10 USD face value each)"), text);
            // the random CSRF and form tokens may hold "3E5" by chance: they are not numbers the page prints
            String xml = page.asXml().replaceAll("name=\"(csrf-token|formToken)\" value=\"[^\"]*\"", "");
            assertFalse(
                    java.util.regex.Pattern.compile("\\dE[+-]?\\d").matcher(xml).find(), "no exponent notation");
            // ADA trades well below 1 USD: the payoff chart's price axis has five different labels (0 decimals gave
            // "0, 0, 0, 1, 1").
            List<String> xLabels =
                    page
                            .getByXPath("//article[@id='leg-ADA']//*[local-name()='text' and contains(@class,'x')]")
                            .stream()
                            .map(n -> ((org.htmlunit.html.DomNode) n).getTextContent())
                            .toList();
            assertEquals(5, xLabels.size(), xLabels.toString());
            assertEquals(5, xLabels.stream().distinct().count(), xLabels.toString());
            // the link's coverage.ADA=1 is the fraction 1: target 100 %; the field takes percent, so 50 is half the bag
            assertTrue(text.contains("target 100.00 %"), text);
            HtmlPage half = carol.page("/portfolios/" + id + "/plan?contract.ADA=BINANCE:ADAUSD_PERP&leverage.ADA=2"
                    + "&margin.ADA=OUT_OF_BAG&coverage.ADA=50&horizonDays=30");
            assertTrue(text(half).contains("target 50.00 %"), text(half));
            assertTrue(text(half).contains("Target coverage (%)"), "the label says percent");
        }
    }

    @Test
    void theProxyHedgeShowsTheBasketBetaOfThePricingModule() throws Exception {
        try (UserSession bob = UserSession.logInNew(root, "PlannerBob")) {
            long id = bob.createPortfolio("Alts");
            add(bob, id, "SOL", false, "100");
            add(bob, id, "LINK", false, "1000");
            HtmlPage page = bob.page("/portfolios/" + id + "/plan?proxyAsset=BTC&proxyContract=BYBIT:BTCUSD"
                    + "&proxyLeverage=2&from=2024-01-01&to=2024-12-31&returnType=SIMPLE&weighting=EQUAL");
            String text = text(page);

            PriceSeries btc = prices.series("BTC").orElseThrow();
            PriceSeries solHistory = prices.series("SOL").orElseThrow();
            PriceSeries linkHistory = prices.series("LINK").orElseThrow();
            LocalDate from = LocalDate.of(2024, 1, 1);
            LocalDate to = LocalDate.of(2024, 12, 31);
            BigDecimal solValue =
                    new BigDecimal("100").multiply(solHistory.last().close());
            BigDecimal linkValue =
                    new BigDecimal("1000").multiply(linkHistory.last().close());
            // Holdings are valued at the last stored close (LINK before SOL: the page sorts assets by symbol).
            BasketBeta beta = ProxyHedgeCalculator.DEFAULT.basketBeta(
                    List.of(
                            new BasketComponent(linkHistory.between(from, to), linkValue),
                            new BasketComponent(solHistory.between(from, to), solValue)),
                    btc.between(from, to),
                    ReturnType.SIMPLE,
                    Weighting.EQUAL);
            String shown = Display.ratio(BigDecimal.valueOf(beta.seriesBeta()));
            assertTrue(text.contains("β of the basket on BTC is " + shown), "β " + shown + " in\n" + text);
            String rho =
                    Display.ratio(BigDecimal.valueOf(beta.basket().statistics().correlation()));
            assertTrue(text.contains(rho), "ρ " + rho);
            // Contracts: β × basket value / 1 USD face value, whole contracts.
            BigDecimal contracts = BigDecimal.valueOf(beta.seriesBeta())
                    .multiply(solValue.add(linkValue), MathContext.DECIMAL128)
                    .setScale(0, RoundingMode.HALF_UP);
            assertTrue(
                    text.contains(Display.order("SELL", contracts, catalog.get("BYBIT:BTCUSD"))),
                    "contracts " + contracts);
            assertTrue(text.contains("projected from BITMEX:XBTUSD history; no stored history for BYBIT:BTCUSD"));
            assertTrue(text.contains("in-sample"), "effectiveness labelled in-sample");
        }
    }

    @Test
    void impossibleInputsGetClearMessages() throws Exception {
        try (UserSession carol = UserSession.logInNew(root, "PlannerCarol")) {
            long id = carol.createPortfolio("Odd");
            add(carol, id, "ETH", false, "5");
            Holding avax = add(carol, id, "AVAX", false, "10");
            Holding custom = add(carol, id, "ZZZCOIN", true, "10");
            portfolios.enterPrice(teams.user(carol).id(), id, UUID.randomUUID(), "ZZZCOIN", new BigDecimal("2"));

            String tooMuch = text(carol.page("/portfolios/" + id + "/plan?contract.ETH=BYBIT:ETHUSD&leverage.ETH=500"));
            assertTrue(tooMuch.contains("Leverage (ETH) 500 is above the maximum 50x of BYBIT:ETHUSD"), tooMuch);

            String tooLong = text(
                    carol.page("/portfolios/" + id + "/plan?holding=" + avax.id() + "&from=2019-01-01&to=2024-01-01"));
            assertTrue(tooLong.contains("longer than the stored history of AVAX, which starts on 2020-09-22"), tooLong);

            String noHistory = text(carol.page("/portfolios/" + id + "/plan?holding=" + custom.id()));
            assertTrue(noHistory.contains("no stored price history for ZZZCOIN"), noHistory);
            assertTrue(noHistory.contains("no ZZZCOIN perpetual"), noHistory);

            String noOverlap = text(
                    carol.page("/portfolios/" + id + "/plan?holding=" + avax.id() + "&from=2024-01-01&to=2024-01-02"));
            assertTrue(noOverlap.contains("share 2 dates with BTC"), noOverlap);
        }
    }

    @Test
    void otherTeamsGet404AndViewersMayPlan() throws Exception {
        try (UserSession owner = UserSession.logInNew(root, "PlannerDan");
                UserSession viewer = UserSession.logInNew(root, "PlannerEve");
                UserSession stranger = UserSession.logInNew(root, "PlannerMallory")) {
            long id = owner.createPortfolio("Shared");
            add(owner, id, "BTC", false, "1");
            teams.join(owner, viewer, Role.VIEWER);
            assertEquals(404, stranger.getStatus("/portfolios/" + id + "/plan"));
            assertEquals(200, viewer.getStatus("/portfolios/" + id + "/plan"));
            assertTrue(text(owner.page("/portfolios/" + id)).contains("Plan a hedge"));
        }
    }

    @Inject
    HedgeBookService book;

    @Inject
    EntityManager em;

    private static HtmlForm formTo(HtmlPage page, String actionSuffix) {
        return page.getForms().stream()
                .filter(f -> f.getActionAttribute().endsWith(actionSuffix))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no form to " + actionSuffix + " in " + page.asNormalizedText()));
    }

    @Test
    void recordingTheProxyPlanOpensOneHedgeKeepingThePlanAsComputed() throws Exception {
        try (UserSession frank = UserSession.logInNew(root, "PlannerFrank");
                UserSession viewer = UserSession.logInNew(root, "PlannerGrace")) {
            long id = frank.createPortfolio("To insure");
            Holding sol = add(frank, id, "SOL", false, "100");
            teams.join(frank, viewer, Role.VIEWER);
            String query = "proxyAsset=BTC&proxyContract=BYBIT:BTCUSD&proxyLeverage=2&windowDays=90";
            HtmlPage plan = frank.page("/portfolios/" + id + "/plan?" + query);
            HtmlForm toConfirm = formTo(plan, "/plan/confirm");
            HtmlPage confirm = toConfirm
                    .getOneHtmlElementByAttribute("button", "value", "PROXY")
                    .click();
            String confirmText = confirm.asNormalizedText();
            assertTrue(confirmText.contains("BYBIT:BTCUSD"), confirmText);
            assertTrue(confirmText.contains("short"), confirmText);
            // An inverse proxy's margin is extra BTC deposited (PlanRecorder): shown with its asset and in words.
            assertTrue(confirmText.contains(" BTC\textra coins deposited\t"), confirmText);
            assertTrue(book.hedges(teams.user(frank).id(), id).isEmpty(), "nothing recorded before the POST");

            HtmlForm post = formTo(confirm, "/plan/record");
            HtmlPage done = post.getOneHtmlElementByAttribute("button", "type", "submit")
                    .click();
            assertTrue(done.asNormalizedText().contains("Hedge recorded."), done.asNormalizedText());
            List<io.hedgedesk.domain.hedge.Hedge> hedges =
                    book.hedges(teams.user(frank).id(), id);
            assertEquals(1, hedges.size());
            io.hedgedesk.domain.hedge.Hedge hedge = hedges.get(0);
            assertTrue(done.getUrl().getPath().endsWith("/hedges/" + hedge.id()), "redirected to the hedge's page");
            assertEquals("BYBIT:BTCUSD", hedge.contractId());
            assertEquals(Side.SHORT, hedge.side());
            assertEquals(List.of(sol.id()), hedge.holdingIds());
            assertTrue(
                    plan.asNormalizedText().contains(Display.order("SELL", hedge.size(), catalog.get("BYBIT:BTCUSD"))),
                    "the recorded size is the planned one");
            String json = QuarkusTransaction.requiringNew()
                    .call(() -> String.valueOf(
                            em.createNativeQuery("select plan_json::text from hedge_position where id = ?1")
                                    .setParameter(1, hedge.id())
                                    .getSingleResult()));
            assertTrue(json.contains("\"strategy\": \"PROXY\"") || json.contains("\"strategy\":\"PROXY\""), json);
            assertTrue(json.contains("seriesBeta"), json);
            assertTrue(json.contains("windowDays"), "the inputs are kept: " + json);
            // The hedge's page shows the plan it came from.
            var planShown = done.getElementById("plan-json");
            assertTrue(
                    planShown != null && planShown.asNormalizedText().contains("seriesBeta"),
                    "plan shown on the hedge page");
            assertTrue(hedge.planJson().isPresent(), "the domain record carries the plan");

            // The same confirmation submitted twice records once and says what the first submission recorded, with a
            // link; Back to the confirmation page (the same key) says so too, without a form.
            var again = frank.post(
                    "/portfolios/" + id + "/plan/record",
                    "strategy",
                    "PROXY",
                    "query",
                    post.getInputByName("query").getValue(),
                    "digest",
                    post.getInputByName("digest").getValue(),
                    "formToken",
                    post.getInputByName("formToken").getValue());
            assertEquals(409, again.getStatusCode());
            assertTrue(again.getContentAsString().contains("This plan was recorded at "), again.getContentAsString());
            assertTrue(
                    again.getContentAsString().contains("as hedge #" + hedge.id() + "."), again.getContentAsString());
            assertTrue(again.getContentAsString().contains("href=\"/hedges/" + hedge.id() + "\""));
            HtmlPage back = frank.page(
                    confirm.getUrl().getPath() + "?" + confirm.getUrl().getQuery());
            assertTrue(back.asNormalizedText().contains("This plan was recorded at "), back.asNormalizedText());
            assertTrue(back.getForms().stream()
                    .noneMatch(f -> f.getActionAttribute().endsWith("/plan/record")));
            // Another tab (a new key): the planner plans nothing more, and the page names the earlier recording.
            HtmlPage secondTab = formTo(frank.page("/portfolios/" + id + "/plan?" + query), "/plan/confirm")
                    .getOneHtmlElementByAttribute("button", "value", "PROXY")
                    .click();
            assertTrue(
                    secondTab.asNormalizedText().contains("This plan was recorded at "), secondTab.asNormalizedText());
            assertEquals(1, book.hedges(teams.user(frank).id(), id).size());

            // Viewers may plan but not record; without the CSRF token nothing is recorded either.
            assertEquals(
                    403,
                    viewer.getStatus("/portfolios/" + id + "/plan/confirm?strategy=PROXY&query="
                            + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8)));
            assertFalse(viewer.page("/portfolios/" + id + "/plan?" + query)
                    .asNormalizedText()
                    .contains("Record the proxy hedge"));
            assertEquals(
                    403,
                    viewer.post("/portfolios/" + id + "/plan/record", "strategy", "PROXY", "query", query)
                            .getStatusCode());
            int noCsrf = frank.postWithoutCsrf(
                            "/portfolios/" + id + "/plan/record", "strategy", "PROXY", "query", query)
                    .getStatusCode();
            assertTrue(noCsrf == 400 || noCsrf == 403, "without CSRF: " + noCsrf);
            assertEquals(1, book.hedges(teams.user(frank).id(), id).size());
        }
    }
}
