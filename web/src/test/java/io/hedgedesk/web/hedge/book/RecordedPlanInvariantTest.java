package io.hedgedesk.web.hedge.book;

import static org.assertj.core.api.Assertions.assertThat;

import io.hedgedesk.domain.hedge.OpenHedge;
import io.hedgedesk.domain.portfolio.HoldingDraft;
import io.hedgedesk.domain.portfolio.HoldingInput;
import io.hedgedesk.persistence.portfolio.PortfolioService;
import io.hedgedesk.persistence.team.TeamService;
import io.hedgedesk.persistence.user.AppUserRepository;
import io.hedgedesk.web.planner.PlanPage;
import io.hedgedesk.web.planner.PlanRecorder;
import io.hedgedesk.web.planner.PlanRequest;
import io.hedgedesk.web.planner.PlanService;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/**
 * Right after a plan is recorded — every contract type × margin source × leverage the planner offers for a 5-coin bag
 * — the tracker shows the plan's coverage to the hundredth of a percent, no coverage alert, no resize, and with the mark
 * at the entry no unrealized PnL; the hedge page and the dashboard show the same.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class RecordedPlanInvariantTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    AppUserRepository users;

    @Inject
    TeamService teamService;

    @Inject
    PortfolioService portfolios;

    @Inject
    PlanService planner;

    @Inject
    PlanRecorder recorder;

    @Inject
    HedgeTracker tracker;

    /** The bag of the report, with today's team prices (so the price book's newest price is the same for both). */
    private static final Map<String, String[]> BAG = Map.of(
            "SOL",
            new String[] {"120", "150"},
            "AVAX",
            new String[] {"900", "20"},
            "DOT",
            new String[] {"2500", "4.2"},
            "ETH",
            new String[] {"15", "3000"},
            "ADA",
            new String[] {"40000", "0.5"});

    private long portfolio(UserSession s, Teams teams, String name) throws Exception {
        long id = s.createPortfolio(name);
        long user = teams.user(s).id();
        for (Map.Entry<String, String[]> coin : BAG.entrySet()) {
            portfolios.addHolding(
                    user,
                    id,
                    UUID.randomUUID(),
                    HoldingDraft.parse(
                            new HoldingInput(coin.getKey(), false, coin.getValue()[0], "Ledger", "", "", ""),
                            LocalDate.now()));
            portfolios.enterPrice(user, id, UUID.randomUUID(), coin.getKey(), new BigDecimal(coin.getValue()[1]));
        }
        return id;
    }

    @Test
    void everyRecordedPlanShowsThePlansCoverageAndNoFalseAlert() throws Exception {
        try (UserSession hana = UserSession.logInNew(root, "InvariantHana")) {
            Teams teams = new Teams(users, teamService);
            long user = teams.user(hana).id();
            // inverse on every coin (BINANCE COIN-M 10 USD alts, BYBIT 1 USD ETH); linear on ETH and SOL
            Map<String, String> inverse = Map.of(
                    "AVAX",
                    "BINANCE:AVAXUSD_PERP",
                    "ADA",
                    "BINANCE:ADAUSD_PERP",
                    "DOT",
                    "BINANCE:DOTUSD_PERP",
                    "ETH",
                    "BYBIT:ETHUSD",
                    "SOL",
                    "BINANCE:SOLUSD_PERP");
            Map<String, String> linear = Map.of("ETH", "BYBIT:ETHUSDT", "SOL", "BYBIT:SOLUSDT");
            int checked = 0;
            for (String leverage : List.of("2", "5")) {
                for (String margin : List.of("OUT_OF_BAG", "EXTRA_COIN", "STABLECOIN")) {
                    for (Map<String, String> contracts :
                            margin.equals("STABLECOIN") ? List.of(linear) : List.of(inverse, linear)) {
                        long id = portfolio(
                                hana, teams, "Invariant " + leverage + "x " + margin + " " + contracts.size());
                        Map<String, List<String>> query = new java.util.HashMap<>();
                        query.put("horizonDays", List.of("30"));
                        List<String> picked = new ArrayList<>();
                        for (var line : portfolios.valuation(user, id).lines()) {
                            if (contracts.containsKey(line.holding().draft().assetSymbol())) {
                                picked.add(String.valueOf(line.holding().id()));
                            }
                        }
                        query.put("holding", picked);
                        contracts.forEach((coin, contract) -> {
                            query.put("contract." + coin, List.of(contract));
                            query.put("leverage." + coin, List.of(leverage));
                            query.put("margin." + coin, List.of(margin));
                            query.put("coverage." + coin, List.of("1"));
                        });
                        PlanRequest request = PlanRequest.bind(query);
                        PlanPage page = planner.plan(user, id, request);
                        List<OpenHedge> commands = recorder.commands(page, PlanRecorder.Strategy.PER_ASSET, request);
                        List<Long> hedges = recorder.record(user, UUID.randomUUID(), "test", commands);
                        for (int i = 0; i < hedges.size(); i++) {
                            HedgeSnapshot snapshot = tracker.snapshot(user, hedges.get(i));
                            String coin =
                                    snapshot.access().instrument().baseAsset().symbol();
                            PlanPage.AssetLeg leg = page.legs().stream()
                                    .filter(l ->
                                            l.asset().equals(coin) && l.result().isPresent())
                                    .findFirst()
                                    .orElseThrow();
                            BigDecimal planned = leg.result().get().hedge().coveragePercent();
                            String what = snapshot.access().instrument().id() + " " + margin + " " + leverage + "x";
                            assertThat(snapshot.coverage()).as(what).isPresent();
                            assertThat(snapshot.coverage()
                                            .get()
                                            .coverage()
                                            .movePointRight(2)
                                            .setScale(2, RoundingMode.HALF_UP))
                                    .as(what)
                                    .isEqualByComparingTo(planned);
                            assertThat(snapshot.coverage().get().resize().size())
                                    .as(what + " resize")
                                    .isZero();
                            assertThat(snapshot.alerts()).as(what + " alerts").isEmpty();
                            assertThat(snapshot.unrealizedPnl().orElseThrow())
                                    .as(what + " unrealized")
                                    .isZero();
                            checked++;
                        }
                    }
                }
            }
            // 2 leverages × (5 inverse + 2 linear out of the bag, the same with extra coin, 2 linear with stablecoins)
            assertThat(checked).isEqualTo(32);

            // The pages say the same: no alert on the dashboard, the coin's coverage on a hedge page.
            HtmlPage dashboard = hana.page("/dashboard");
            assertThat(dashboard.asNormalizedText())
                    .contains("Coverage per coin")
                    .doesNotContain("drifted")
                    .doesNotContain("outside ±");
            assertThat(dashboard.querySelectorAll("li.alert")).isEmpty();
        }
    }
}
