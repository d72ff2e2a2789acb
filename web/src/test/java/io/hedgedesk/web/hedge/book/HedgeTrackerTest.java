package io.hedgedesk.web.hedge.book;

import static org.assertj.core.api.Assertions.assertThat;

import io.hedgedesk.domain.hedge.HedgeAction;
import io.hedgedesk.domain.hedge.HedgeEventType;
import io.hedgedesk.domain.hedge.HedgeMark;
import io.hedgedesk.domain.hedge.OpenHedge;
import io.hedgedesk.domain.instrument.Side;
import io.hedgedesk.domain.market.FundingRate;
import io.hedgedesk.domain.market.FundingRateSeries;
import io.hedgedesk.domain.market.MarketTick;
import io.hedgedesk.domain.portfolio.Holding;
import io.hedgedesk.domain.portfolio.HoldingDraft;
import io.hedgedesk.domain.portfolio.HoldingInput;
import io.hedgedesk.domain.portfolio.Portfolio;
import io.hedgedesk.domain.user.AppUser;
import io.hedgedesk.persistence.market.FundingHistoryRepository;
import io.hedgedesk.persistence.market.MarketTickRepository;
import io.hedgedesk.persistence.portfolio.PortfolioService;
import io.hedgedesk.persistence.team.TeamService;
import io.hedgedesk.persistence.user.AppUserRepository;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class HedgeTrackerTest {

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
    FundingHistoryRepository funding;

    @Inject
    MarketTickRepository ticks;

    @Inject
    javax.sql.DataSource dataSource;

    /**
     * The rates and the tick written here are for a contract without shipped history: remove them so that later tests
     * in the same application (the planner's funding projection) see only the shipped history.
     */
    @AfterEach
    void removeTestMarketData() throws Exception {
        try (var c = dataSource.getConnection();
                var s = c.createStatement()) {
            s.executeUpdate("delete from funding_rate_history where series_id = 'BYBIT:ETHUSD' and source = 'test'");
            s.executeUpdate("delete from market_tick where contract_id = 'BYBIT:ETHUSD'");
        }
    }

    /**
     * BYBIT:ETHUSD (1 USD per contract), short 3,000 contracts at 3,000 against 1 ETH held, margin 0.5 ETH, opened
     * 72 h ago; a tick marks it at 2,500 now; stored funding +0.0001 every 8 h.
     * <ul>
     *   <li>Unrealized (short, inverse): 3,000·(1/2,500 − 1/3,000) = 1.2 − 1.0 = 0.2 ETH, × 2,500 = 500 USD.</li>
     *   <li>Expected funding: settlements at open + 0, 8, …, 72 h fall in [open, now): 10 × 0.0001 = 0.001 of the
     *   position value 3,000/2,500 = 1.2 ETH → +0.0012 ETH to the short. Recorded: 0.001 ETH; difference
     *   0.001 − 0.0012 = −0.0002 ETH.</li>
     *   <li>Coverage: hedge delta 3,000/3,000 = 1 ETH; holdings 1 ETH spot + 0.5 + 0.001 ETH in the account (ledger cash)
     *   = 1.501 ETH → 1/1.501 = 0.66622…; drift −0.3338 → an alert outside the ±5 % band; resize SELL.</li>
     *   <li>Stop at 2,600 for a short: the mark 2,500 is below it, not reached; distance (2,600 − 2,500)/2,500 = 4 %.
     *   Take profit at 2,550 (set when the mark was 2,560): the mark is below it now, reached.</li>
     * </ul>
     */
    @Test
    void aSnapshotValuesTheHedgeWithThePricingModule() {
        AppUser alice = TestUsers.create(users, "Alice");
        teams.onLogin(alice);
        Portfolio p = portfolios.create(
                alice.id(), teams.currentTeam(alice.id()).team().id(), UUID.randomUUID(), "T " + UUID.randomUUID());
        Holding eth = portfolios.addHolding(
                alice.id(),
                p.id(),
                UUID.randomUUID(),
                HoldingDraft.parse(new HoldingInput("ETH", false, "1", "Wallet", "", "", ""), LocalDate.now()));
        Instant opened = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(72));
        List<FundingRate> rates = new ArrayList<>();
        for (int k = -3; k <= 12; k++) {
            rates.add(new FundingRate(opened.plus(Duration.ofHours(8L * k)), new BigDecimal("0.0001")));
        }
        funding.upsert(new FundingRateSeries("BYBIT:ETHUSD", "test", rates));
        ticks.upsert(tick("2500"));
        long id = book.open(
                alice.id(),
                UUID.randomUUID(),
                new OpenHedge(
                        p.id(),
                        "BYBIT:ETHUSD",
                        Side.SHORT,
                        new BigDecimal("3000"),
                        new BigDecimal("3000"),
                        BigDecimal.ONE,
                        new BigDecimal("0.5"),
                        "DEPOSITED",
                        List.of(eth.id()),
                        BigDecimal.ONE,
                        "",
                        BigDecimal.ZERO,
                        Optional.of(opened)));
        long version = book.hedge(alice.id(), id).hedge().version();
        book.act(
                alice.id(),
                id,
                UUID.randomUUID(),
                version,
                HedgeAction.cash(HedgeEventType.FUNDING, new BigDecimal("0.001"), new BigDecimal("2500"), null));
        version = book.hedge(alice.id(), id).hedge().version();
        // targets are set on the right side of the mark then (2,560: stop above, take-profit below), which then falls
        ticks.upsert(tick("2560"));
        book.setTargets(
                alice.id(),
                id,
                version,
                Optional.of(new BigDecimal("2600")),
                Optional.of(new BigDecimal("2550")),
                Optional.empty());
        ticks.upsert(tick("2500"));

        HedgeSnapshot s = tracker.snapshot(alice.id(), id);

        assertThat(s.mark()).hasValueSatisfying(m -> assertThat(m.kind()).isEqualTo(HedgeMark.Kind.TICK));
        assertThat(s.stale()).isFalse();
        assertThat(s.unrealizedPnl().orElseThrow().setScale(12, RoundingMode.HALF_UP))
                .isEqualByComparingTo("0.2");
        assertThat(s.unrealizedPnlUsd().orElseThrow().setScale(8, RoundingMode.HALF_UP))
                .isEqualByComparingTo("500");
        assertThat(s.fundingExpected().orElseThrow().setScale(12, RoundingMode.HALF_UP))
                .isEqualByComparingTo("0.0012");
        assertThat(s.fundingActual()).isEqualByComparingTo("0.001");
        assertThat(s.fundingDifference().orElseThrow().setScale(12, RoundingMode.HALF_UP))
                .isEqualByComparingTo("-0.0002");
        assertThat(s.coverage()).hasValueSatisfying(c -> {
            assertThat(c.holdingsCoins()).isEqualByComparingTo("1.501");
            assertThat(c.coverage().setScale(6, RoundingMode.HALF_UP)).isEqualByComparingTo("0.666223");
            assertThat(c.resize().side()).isEqualTo(io.hedgedesk.domain.instrument.Side.SHORT);
            assertThat(c.resize().venueSide()).isEqualTo("SELL");
        });
        assertThat(s.stopDistance().orElseThrow()).isEqualByComparingTo("0.04");
        assertThat(s.alerts())
                .extracting(io.hedgedesk.pricing.valuation.HedgeAlert::kind)
                .contains(
                        io.hedgedesk.pricing.valuation.HedgeAlert.Kind.COVERAGE_DRIFT,
                        io.hedgedesk.pricing.valuation.HedgeAlert.Kind.TAKE_PROFIT_REACHED)
                .doesNotContain(io.hedgedesk.pricing.valuation.HedgeAlert.Kind.STOP_REACHED);
    }

    /**
     * Expected funding on real data: BitMEX XBTUSD (inverse, 1 USD a contract), short 50,000 contracts opened on
     * 2024-03-01 00:00 UTC and still open. The stored series ends on 2024-03-16, so every settlement from the opening
     * on counts; each pays its rate on 50,000 / (the BTC close of the day before) coins. Recomputed here from the
     * shipped CSV files, independently of the application.
     */
    @Test
    void expectedFundingPaysEachSettlementOnThatDaysPositionValue() throws Exception {
        AppUser bob = TestUsers.create(users, "Bob");
        teams.onLogin(bob);
        Portfolio p = portfolios.create(
                bob.id(), teams.currentTeam(bob.id()).team().id(), UUID.randomUUID(), "X " + UUID.randomUUID());
        Holding btc = portfolios.addHolding(
                bob.id(),
                p.id(),
                UUID.randomUUID(),
                HoldingDraft.parse(new HoldingInput("BTC", false, "1", "Wallet", "", "", ""), LocalDate.now()));
        Instant opened = Instant.parse("2024-03-01T00:00:00Z");
        long id = book.open(
                bob.id(),
                UUID.randomUUID(),
                new OpenHedge(
                        p.id(),
                        "BITMEX:XBTUSD",
                        Side.SHORT,
                        new BigDecimal("50000"),
                        new BigDecimal("60000"),
                        BigDecimal.valueOf(2),
                        new BigDecimal("0.42"),
                        "OUT_OF_BAG",
                        List.of(btc.id()),
                        BigDecimal.ONE,
                        "",
                        BigDecimal.ZERO,
                        Optional.of(opened)));

        java.util.Map<LocalDate, BigDecimal> closes = new java.util.HashMap<>();
        for (String[] row : csv("/market-data/prices/BTC-USDT-1d.csv")) {
            closes.put(LocalDate.parse(row[0]), new BigDecimal(row[1]));
        }
        BigDecimal expected = BigDecimal.ZERO;
        int settlements = 0;
        for (String[] row : csv("/market-data/funding/BITMEX-XBTUSD-funding.csv")) {
            Instant t = Instant.parse(row[0]);
            if (t.isBefore(opened)) {
                continue;
            }
            BigDecimal close =
                    closes.get(t.atZone(java.time.ZoneOffset.UTC).toLocalDate().minusDays(1));
            // short receives rate × 50,000 / close
            expected = expected.add(new BigDecimal(row[1])
                    .multiply(new BigDecimal("50000").divide(close, java.math.MathContext.DECIMAL128)));
            settlements++;
        }
        assertThat(settlements).isEqualTo(46); // 2024-03-01 04:00 … 2024-03-16 04:00: 15 days × 3 + 1

        HedgeSnapshot s = tracker.snapshot(bob.id(), id);

        assertThat(s.fundingExpected().orElseThrow().setScale(12, RoundingMode.HALF_UP))
                .isEqualByComparingTo(expected.setScale(12, RoundingMode.HALF_UP));
        assertThat(s.fundingNote()).contains("daily close");
    }

    @Inject
    HedgeVoids voids;

    /**
     * A voided hedge counts nowhere: with BTC 1 held at 50,000 (a team price), hedge A (short 20,000 BYBIT:BTCUSD)
     * gives the coin a coverage c₁; adding hedge B (short 30,000) changes it; voiding B brings the coin back to c₁ and
     * B no longer shows among the open hedges. A funding of A voided leaves A's funding total.
     */
    @Test
    void aVoidedHedgeNoLongerChangesTheCoinsCoverage() {
        AppUser carol = TestUsers.create(users, "Carol");
        teams.onLogin(carol);
        Portfolio p = portfolios.create(
                carol.id(), teams.currentTeam(carol.id()).team().id(), UUID.randomUUID(), "V " + UUID.randomUUID());
        Holding btc = portfolios.addHolding(
                carol.id(),
                p.id(),
                UUID.randomUUID(),
                HoldingDraft.parse(new HoldingInput("BTC", false, "1", "Wallet", "", "", ""), LocalDate.now()));
        portfolios.enterPrice(carol.id(), p.id(), UUID.randomUUID(), "BTC", new BigDecimal("50000"));
        long a = book.open(
                carol.id(),
                UUID.randomUUID(),
                new OpenHedge(
                        p.id(),
                        "BYBIT:BTCUSD",
                        Side.SHORT,
                        new BigDecimal("20000"),
                        new BigDecimal("50000"),
                        BigDecimal.valueOf(2),
                        new BigDecimal("0.2"),
                        "EXTRA_COIN",
                        List.of(btc.id()),
                        BigDecimal.ONE,
                        "",
                        BigDecimal.ZERO));
        BigDecimal alone = tracker.openOf(carol.id(), p.id())
                .asset("BTC")
                .orElseThrow()
                .coverage()
                .orElseThrow();
        long b = book.open(
                carol.id(),
                UUID.randomUUID(),
                new OpenHedge(
                        p.id(),
                        "BYBIT:BTCUSD",
                        Side.SHORT,
                        new BigDecimal("30000"),
                        new BigDecimal("50000"),
                        BigDecimal.valueOf(2),
                        new BigDecimal("0.3"),
                        "EXTRA_COIN",
                        List.of(btc.id()),
                        BigDecimal.ONE,
                        "",
                        BigDecimal.ZERO));
        assertThat(tracker.openOf(carol.id(), p.id())
                        .asset("BTC")
                        .orElseThrow()
                        .coverage()
                        .orElseThrow())
                .isNotEqualByComparingTo(alone);

        voids.voidRecorded(
                carol.id(),
                b,
                UUID.randomUUID(),
                book.hedge(carol.id(), b).hedge().version(),
                Optional.empty(),
                "typed twice");
        book.act(
                carol.id(),
                a,
                UUID.randomUUID(),
                book.hedge(carol.id(), a).hedge().version(),
                HedgeAction.cash(HedgeEventType.FUNDING, new BigDecimal("0.001"), new BigDecimal("50000"), null));
        long funding = book.events(carol.id(), a).get(2).id();
        voids.voidRecorded(
                carol.id(),
                a,
                UUID.randomUUID(),
                book.hedge(carol.id(), a).hedge().version(),
                Optional.of(funding),
                "");

        assertThat(tracker.openOf(carol.id(), p.id())
                        .asset("BTC")
                        .orElseThrow()
                        .coverage()
                        .orElseThrow())
                .isEqualByComparingTo(alone);
        assertThat(tracker.openOf(carol.id(), p.id()).hedge(b)).isEmpty();
        assertThat(book.hedge(carol.id(), b).hedge().isVoided()).isTrue();
        assertThat(book.ledgerTotals(List.of(a)).get(a).funding()).isZero();
        assertThat(book.events(carol.id(), a))
                .filteredOn(e -> e.id() == funding)
                .singleElement()
                .satisfies(e -> assertThat(e.voided()).isTrue());
        assertThat(book.events(carol.id(), b))
                .filteredOn(e -> e.type() != HedgeEventType.VOID)
                .allSatisfy(e -> assertThat(e.voided()).isTrue());
    }

    private static MarketTick tick(String mark) {
        return new MarketTick(
                "BYBIT:ETHUSD",
                new BigDecimal(mark),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                "test tick",
                Instant.now());
    }

    private static List<String[]> csv(String resource) throws Exception {
        try (var in = HedgeTrackerTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .lines()
                    .skip(1)
                    .map(line -> line.split(","))
                    .toList();
        }
    }
}
