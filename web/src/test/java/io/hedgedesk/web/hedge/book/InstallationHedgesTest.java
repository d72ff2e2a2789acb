package io.hedgedesk.web.hedge.book;

import static org.assertj.core.api.Assertions.assertThat;

import io.hedgedesk.domain.hedge.HedgeAction;
import io.hedgedesk.domain.hedge.HedgeEventType;
import io.hedgedesk.domain.hedge.OpenHedge;
import io.hedgedesk.domain.instrument.Side;
import io.hedgedesk.domain.market.MarketTick;
import io.hedgedesk.domain.portfolio.Holding;
import io.hedgedesk.domain.portfolio.HoldingDraft;
import io.hedgedesk.domain.portfolio.HoldingInput;
import io.hedgedesk.domain.portfolio.Portfolio;
import io.hedgedesk.domain.user.AppUser;
import io.hedgedesk.persistence.market.MarketTickRepository;
import io.hedgedesk.persistence.portfolio.PortfolioService;
import io.hedgedesk.persistence.team.TeamService;
import io.hedgedesk.persistence.user.AppUserRepository;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The alert evaluation's set-based valuation of the installation's open hedges ({@link InstallationHedges}) gives
 * exactly the dashboard's numbers ({@link HedgeTracker#openBook}): the same values to the last digit and scale, for an
 * inverse hedge with its margin out of the bag, funding and a margin move; a linear one with coin collateral out of the
 * bag and funding; an inverse one with deposited margin valued at a venue tick; and after a ledger event (the kept
 * team data is read again when the team's data version moves).
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class InstallationHedgesTest {

    @Inject
    AppUserRepository users;

    @Inject
    TeamService teams;

    @Inject
    PortfolioService portfolios;

    @Inject
    HedgeBookService book;

    @Inject
    HedgeTracker tracker;

    @Inject
    InstallationHedges installation;

    @Inject
    MarketTickRepository ticks;

    @Inject
    javax.sql.DataSource dataSource;

    @AfterEach
    void removeTick() throws Exception {
        try (var c = dataSource.getConnection();
                var s = c.createStatement()) {
            s.executeUpdate("delete from market_tick where contract_id = 'BYBIT:SOLUSD'");
        }
    }

    /** What the dashboard shows of a hedge, every figure unrounded (the mark's age aside: it moves with the clock). */
    private record Figures(
            Object mark,
            boolean stale,
            Object pnl,
            Object pnlUsd,
            BigDecimal funding,
            BigDecimal fees,
            BigDecimal cash,
            Object coverage,
            String coverageNote,
            Object liquidation,
            Object stop,
            Object takeProfit,
            Object asset,
            boolean proxy,
            Object alerts) {
        static Figures of(HedgeSnapshot s) {
            return new Figures(
                    s.mark(),
                    s.stale(),
                    s.unrealizedPnl(),
                    s.unrealizedPnlUsd(),
                    s.fundingActual(),
                    s.fees(),
                    s.accountCash(),
                    s.coverage(),
                    s.coverageNote(),
                    s.liquidation(),
                    s.stopDistance(),
                    s.takeProfitDistance(),
                    s.asset(),
                    s.proxy(),
                    s.alerts());
        }
    }

    @Test
    void theSetBasedValuationIsTheDashboards() {
        AppUser ola = TestUsers.create(users, "Ola");
        teams.onLogin(ola);
        long team = teams.currentTeam(ola.id()).team().id();
        Portfolio p = portfolios.create(ola.id(), team, UUID.randomUUID(), "Bags " + UUID.randomUUID());
        Holding btc = holding(ola, p, "BTC", "1.5");
        Holding eth = holding(ola, p, "ETH", "12");
        Holding sol = holding(ola, p, "SOL", "300");
        portfolios.enterPrice(ola.id(), p.id(), UUID.randomUUID(), "BTC", new BigDecimal("61000"));
        portfolios.enterPrice(ola.id(), p.id(), UUID.randomUUID(), "ETH", new BigDecimal("3100"));
        Instant opened = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(3));
        long inverse = book.open(
                ola.id(),
                UUID.randomUUID(),
                new OpenHedge(
                        p.id(),
                        "BYBIT:BTCUSD",
                        Side.SHORT,
                        new BigDecimal("40000"),
                        new BigDecimal("60000"),
                        BigDecimal.valueOf(2),
                        new BigDecimal("0.34"),
                        "OUT_OF_BAG",
                        List.of(btc.id()),
                        new BigDecimal("0.5"),
                        "",
                        new BigDecimal("0.0002"),
                        Optional.of(opened)));
        act(
                ola,
                inverse,
                HedgeAction.cash(HedgeEventType.FUNDING, new BigDecimal("0.00012"), new BigDecimal("60500"), null));
        act(
                ola,
                inverse,
                HedgeAction.cash(HedgeEventType.MARGIN_IN, new BigDecimal("0.05"), new BigDecimal("60800"), null));
        long linear = book.open(
                ola.id(),
                UUID.randomUUID(),
                new OpenHedge(
                        p.id(),
                        "BINANCE:ETHUSDT",
                        Side.SHORT,
                        new BigDecimal("6"),
                        new BigDecimal("3000"),
                        BigDecimal.valueOf(3),
                        new BigDecimal("6000"),
                        "OUT_OF_BAG",
                        List.of(eth.id()),
                        new BigDecimal("0.5"),
                        "",
                        new BigDecimal("3.6"),
                        Optional.of(opened),
                        new BigDecimal("2"),
                        Optional.empty()));
        act(ola, linear, HedgeAction.cash(HedgeEventType.FUNDING, new BigDecimal("-1.25"), BigDecimal.ONE, null));
        ticks.upsert(new MarketTick(
                "BYBIT:SOLUSD",
                new BigDecimal("151.2"),
                Optional.of(new BigDecimal("151.05")),
                Optional.empty(),
                Optional.of(new BigDecimal("0.0001")),
                Optional.empty(),
                Optional.of(8),
                "test",
                Instant.now()));
        long deposited = book.open(
                ola.id(),
                UUID.randomUUID(),
                new OpenHedge(
                        p.id(),
                        "BYBIT:SOLUSD",
                        Side.SHORT,
                        new BigDecimal("20000"),
                        new BigDecimal("150"),
                        BigDecimal.valueOf(5),
                        new BigDecimal("30"),
                        "DEPOSITED",
                        List.of(sol.id()),
                        new BigDecimal("0.5"),
                        "",
                        BigDecimal.ZERO,
                        Optional.of(opened)));
        List<Long> ids = List.of(inverse, linear, deposited);

        assertSame(ola, ids);
        // a ledger event moves the team's data version: the kept team data is read again
        act(ola, linear, HedgeAction.cash(HedgeEventType.MARGIN_OUT, new BigDecimal("500"), BigDecimal.ONE, null));
        assertSame(ola, ids);
        // only the portfolios with a hedge on the contract whose mark moved
        Map<Long, Figures> scoped = figures(installation.open(Optional.of(List.of("bybit:solusd"))));
        assertThat(scoped).containsKeys(inverse, linear, deposited);
        assertThat(scoped)
                .containsAllEntriesOf(
                        figures(tracker.openBook(ola.id(), Map.of()).hedges()).entrySet().stream()
                                .filter(e -> ids.contains(e.getKey()))
                                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    private void assertSame(AppUser user, List<Long> ids) {
        Map<Long, Figures> dashboard =
                figures(tracker.openBook(user.id(), Map.of()).hedges());
        Map<Long, Figures> alerts = figures(installation.open(Optional.empty()));
        for (long id : ids) {
            assertThat(alerts.get(id)).as("hedge %d", id).isEqualTo(dashboard.get(id));
        }
        assertThat(dashboard.get(ids.get(0)).pnl()).isNotEqualTo(Optional.empty());
        assertThat(dashboard.get(ids.get(1)).coverage()).isNotEqualTo(Optional.empty());
    }

    private static Map<Long, Figures> figures(List<HedgeSnapshot> snapshots) {
        return snapshots.stream()
                .collect(Collectors.toMap(s -> s.access().hedge().id(), Figures::of, (a, b) -> a));
    }

    private void act(AppUser user, long hedgeId, HedgeAction action) {
        book.act(
                user.id(),
                hedgeId,
                UUID.randomUUID(),
                book.hedge(user.id(), hedgeId).hedge().version(),
                action);
    }

    private Holding holding(AppUser user, Portfolio p, String asset, String quantity) {
        return portfolios.addHolding(
                user.id(),
                p.id(),
                UUID.randomUUID(),
                HoldingDraft.parse(new HoldingInput(asset, false, quantity, "Wallet", "", "", ""), LocalDate.now()));
    }
}
