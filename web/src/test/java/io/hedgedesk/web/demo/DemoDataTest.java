package io.hedgedesk.web.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.hedgedesk.domain.hedge.HedgeEvent;
import io.hedgedesk.domain.team.TeamSummary;
import io.hedgedesk.domain.user.AppUser;
import io.hedgedesk.persistence.portfolio.PortfolioAccess;
import io.hedgedesk.persistence.portfolio.PortfolioService;
import io.hedgedesk.persistence.team.TeamService;
import io.hedgedesk.persistence.user.AppUserRepository;
import io.hedgedesk.web.hedge.book.HedgeBookService;
import io.hedgedesk.web.hedge.book.HedgeTracker;
import io.hedgedesk.web.support.Teams;
import io.hedgedesk.web.support.UserSession;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.MathContext;
import java.net.URL;
import java.util.List;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/**
 * The first-run demo data: off unless configured (tests and production run without it), and when written, a demo team
 * made current with a priced three-coin portfolio, written once however often it is asked for. The dashboard's
 * onboarding steps follow what the user has done.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class DemoDataTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    AppUserRepository users;

    @Inject
    DemoData demo;

    @Inject
    TeamService teamService;

    @Inject
    PortfolioService portfolios;

    @Inject
    HedgeBookService book;

    @Inject
    HedgeTracker tracker;

    @Test
    void offByDefaultThenWrittenOnceAndShownOnTheDashboard() throws Exception {
        assertThat(demo.enabled()).as("hedgedesk.demo-data defaults to false").isFalse();
        try (UserSession dora = UserSession.logInNew(root, "Dora")) {
            AppUser user = new Teams(users, teamService).user(dora);
            HtmlPage first = dora.page("/dashboard");
            assertThat(demoTeams(user)).as("nothing written while off").isEmpty();
            assertThat(first.getElementById("onboarding").asNormalizedText())
                    .contains("Create or join a team", "Record the hedge you opened");
            assertThat(first.getByXPath("//section[@id='onboarding']//li[@class='done']"))
                    .isEmpty();

            assertThat(demo.seed(user)).isTrue();
            assertThat(demo.seed(user)).as("a second time writes nothing").isFalse();
            List<TeamSummary> teams = demoTeams(user);
            assertThat(teams).hasSize(1);
            assertThat(teams.get(0).current())
                    .as("the demo team is the current one")
                    .isTrue();
            List<PortfolioAccess> bags = portfolios.listAll(user.id()).stream()
                    .filter(p -> p.portfolio().name().equals(DemoData.PORTFOLIO))
                    .toList();
            assertThat(bags).hasSize(1);
            var valuation =
                    portfolios.valuation(user.id(), bags.get(0).portfolio().id());
            assertThat(valuation.lines())
                    .extracting(l -> l.holding().draft().assetSymbol())
                    .containsExactlyInAnyOrder("BTC", "ETH", "SOL");
            assertThat(valuation.unpriced())
                    .as("valued from the shipped closes")
                    .isZero();

            // Renamed, the team is not recognised by name; the writes' single-use tokens still make a repeat a no-op.
            teamService.rename(
                    user.id(), teams.get(0).team().id(), teams.get(0).team().version(), "Renamed demo");
            assertThat(demo.seed(user)).isFalse();
            assertThat(teamService.teamsOf(user.id()))
                    .filteredOn(t -> !t.team().personal())
                    .hasSize(1);

            // Open hedges recorded: every onboarding step is done, so the dashboard no longer shows them.
            HtmlPage after = dora.page("/dashboard");
            assertThat(after.getElementById("onboarding")).isNull();
        }
    }

    /**
     * The demo hedges, opened on 2024-01-02 at the stored closes of 2024-01-01 (BTC 44,179.55, ETH 2,352.04):
     * <ul>
     *   <li>BTC, BITMEX:XBTUSD (1 USD contracts, lots of 100, taker 0.075 %), margin out of the bag, 2×, coverage 1: the
     *   planner's {@code D = t·C / (1 + t·r)} = 0.5 / 1.00075 BTC → 0.5 × 44,179.55 / 1.00075 = 22,073.22 USD → 22,100
     *   contracts; fee 22,100 / 44,179.55 × 0.00075 = 0.00037517 BTC; margin 22,100 / (44,179.55 × 2) = 0.25011572 BTC;
     *   coverage {@code (22,100 / 44,179.55) / (0.5 − 0.00037517 + funding recorded)};</li>
     *   <li>ETH, BINANCE:ETHUSDT (linear), USDT margin, 2×, coverage 0.5: 0.5 × 4 = 2 ETH; margin 2 × 2,352.04 / 2 =
     *   2,352.04 USDT; coverage 2 / 4 = 50.00 %.</li>
     * </ul>
     * Each has the funding of January and February 2024 recorded from the stored rates.
     */
    @Test
    void theDemoPortfolioHasAnInverseHedgeOutOfTheBagAndALinearOne() throws Exception {
        try (UserSession erin = UserSession.logInNew(root, "Erin")) {
            AppUser user = new Teams(users, teamService).user(erin);
            assertThat(demo.seed(user)).isTrue();
            List<HedgeBookService.HedgeAccess> open = book.openHedges(user.id());
            assertThat(open)
                    .extracting(a -> a.hedge().contractId())
                    .containsExactly("BITMEX:XBTUSD", "BINANCE:ETHUSDT");
            var btc = open.get(0).hedge();
            assertThat(btc.size()).isEqualByComparingTo("22100");
            assertThat(btc.entryPrice()).isEqualByComparingTo("44179.55");
            assertThat(btc.margin()).isEqualByComparingTo("0.25011572");
            assertThat(btc.marginSource()).isEqualTo("OUT_OF_BAG");
            assertThat(btc.openedAt()).isEqualTo(java.time.Instant.parse("2024-01-02T00:00:00Z"));
            var eth = open.get(1).hedge();
            assertThat(eth.size()).isEqualByComparingTo("2");
            assertThat(eth.margin()).isEqualByComparingTo("2352.04");

            List<HedgeEvent> btcEvents = book.events(user.id(), btc.id());
            assertThat(btcEvents)
                    .extracting(e -> e.type().name())
                    .containsExactly("OPEN", "MARGIN_IN", "FUNDING", "FUNDING");
            assertThat(btcEvents.get(0).fee().orElseThrow()).isEqualByComparingTo("0.00037517");
            // margin and fee moved out of the bag
            assertThat(btcEvents.get(1).cashChange()).isEqualByComparingTo("0.25049089");
            BigDecimal funding = btcEvents.stream()
                    .filter(e -> e.type().name().equals("FUNDING"))
                    .map(HedgeEvent::cashChange)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(funding)
                    .as("the shipped XBTUSD rates were positive: the short received")
                    .isPositive();

            long portfolioId = btc.portfolioId();
            var hedges = tracker.openOf(user.id(), portfolioId);
            BigDecimal delta = new BigDecimal("22100").divide(new BigDecimal("44179.55"), MathContext.DECIMAL128);
            BigDecimal exposure =
                    new BigDecimal("0.5").subtract(new BigDecimal("0.00037517")).add(funding);
            assertThat(hedges.asset("BTC").orElseThrow().coverage().orElseThrow())
                    .isEqualByComparingTo(delta.divide(exposure, MathContext.DECIMAL128));
            assertThat(hedges.asset("ETH").orElseThrow().coverage().orElseThrow())
                    .isEqualByComparingTo("0.5");

            // the portfolio page: hedged shares with links, net exposure, the value over time hedged and unhedged
            HtmlPage portfolio = erin.page("/portfolios/" + portfolioId);
            assertThat(portfolio.getWebResponse().getContentAsString())
                    .contains("href=\"/hedges/" + btc.id() + "\"", "href=\"/hedges/" + eth.id() + "\"", "50.00 %");
            assertThat(portfolio.getElementById("net-exposure").asNormalizedText())
                    .contains("-2 ETH", "2 ETH");
            assertThat(portfolio.getElementById("value-over-time").asNormalizedText())
                    .contains("Unhedged", "Hedged");

            // the hedge page: PnL, funding expected and recorded, coverage
            HtmlPage hedgePage = erin.page("/hedges/" + btc.id());
            String charts = hedgePage.getElementById("hedge-charts").asXml();
            assertThat(charts.split("<svg", -1)).hasSize(4);
            assertThat(charts)
                    .contains(
                            "PnL of the hedge",
                            "Expected from stored rates",
                            "Recorded",
                            "Coverage of the insured BTC");
            assertThat(hedgePage.getWebResponse().getContentAsString()).doesNotContain("style=", "<script>");
        }
    }

    private List<TeamSummary> demoTeams(AppUser user) {
        return teamService.teamsOf(user.id()).stream()
                .filter(t -> t.team().name().equals(DemoData.TEAM))
                .toList();
    }
}
