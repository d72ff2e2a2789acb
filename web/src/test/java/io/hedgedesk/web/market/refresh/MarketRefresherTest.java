package io.hedgedesk.web.market.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.market.FundingRate;
import io.hedgedesk.domain.market.FundingRateSeries;
import io.hedgedesk.domain.market.MarketTick;
import io.hedgedesk.domain.market.PricePoint;
import io.hedgedesk.domain.market.feed.ContractSpec;
import io.hedgedesk.domain.market.feed.MarketDataSource;
import io.hedgedesk.domain.portfolio.Portfolio;
import io.hedgedesk.domain.user.AppUser;
import io.hedgedesk.marketdata.refresh.MarketRefresher;
import io.hedgedesk.marketdata.refresh.RefreshReport;
import io.hedgedesk.persistence.market.FundingHistoryRepository;
import io.hedgedesk.persistence.market.MarketTickRepository;
import io.hedgedesk.persistence.portfolio.PortfolioService;
import io.hedgedesk.persistence.team.TeamService;
import io.hedgedesk.persistence.user.AppUserRepository;
import io.hedgedesk.web.hedge.book.TestUsers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The refresh on the real PostgreSQL database: it asks the source for exactly the contracts of open hedges (never a
 * closed hedge's) and stores their ticks and recent funding.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class MarketRefresherTest {

    private static final String SOURCE = "test-refresh";
    private static final Set<String> MINE = Set.of("BYBIT:SOLUSD", "BINANCE:LINKUSD_PERP");
    private static final String CLOSED_ONLY = "BINANCE:DOGEUSD_PERP";
    private static final Instant SETTLED = Instant.parse("2026-01-02T08:00:00Z");

    @Inject
    MarketRefresher refresher;

    @Inject
    MarketTickRepository ticks;

    @Inject
    FundingHistoryRepository funding;

    @Inject
    AppUserRepository users;

    @Inject
    TeamService teams;

    @Inject
    PortfolioService portfolios;

    @Inject
    DataSource dataSource;

    private final List<Long> hedgeIds = new ArrayList<>();
    private long userId;

    @AfterEach
    void removeTestRows() throws Exception {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            for (long id : hedgeIds) {
                s.executeUpdate("delete from hedge_position where id = " + id);
            }
            s.executeUpdate("delete from market_tick where source = '" + SOURCE + "'");
            s.executeUpdate("delete from funding_rate_history where source = '" + SOURCE + "'");
        }
    }

    @Test
    void onlyTheContractsOfOpenHedgesAreFetchedAndTheirTicksStored() throws Exception {
        Portfolio portfolio = portfolio();
        for (String contract : MINE) {
            hedge(portfolio, contract, "OPEN");
        }
        hedge(portfolio, CLOSED_ONLY, "CLOSED");
        RecordingSource source = new RecordingSource();

        RefreshReport report = refresher.refresh(source);

        Set<String> open = openContractsBySql();
        assertThat(open).containsAll(MINE);
        // Every open contract is visited (refreshed or reported), nothing else; the fake serves only this test's two.
        Set<String> visited = new HashSet<>(report.refreshed());
        visited.addAll(report.failed().keySet());
        assertThat(visited).isEqualTo(open);
        assertThat(source.asked).containsExactlyInAnyOrderElementsOf(MINE);
        assertThat(report.refreshed()).containsExactlyInAnyOrderElementsOf(MINE);
        if (!open.contains(CLOSED_ONLY)) {
            assertThat(visited).doesNotContain(CLOSED_ONLY);
        }
        for (String contract : MINE) {
            MarketTick stored = ticks.latest(contract).orElseThrow();
            assertThat(stored.markPrice()).isEqualByComparingTo("150");
            assertThat(stored.source()).isEqualTo(SOURCE);
            FundingRateSeries rates =
                    funding.series(contract, SETTLED, SETTLED.plusSeconds(1)).orElseThrow();
            assertThat(rates.rates()).containsExactly(new FundingRate(SETTLED, new BigDecimal("0.0001")));
        }
        assertThat(refresher.last()).contains(report);
    }

    @Test
    void aFailingContractDoesNotStopTheOthers() throws Exception {
        Portfolio portfolio = portfolio();
        for (String contract : MINE) {
            hedge(portfolio, contract, "OPEN");
        }
        RecordingSource source = new RecordingSource();
        source.failing = "BYBIT:SOLUSD";

        RefreshReport report = refresher.refresh(source);

        assertThat(report.failed()).containsEntry("BYBIT:SOLUSD", "test: ticker of BYBIT:SOLUSD timed out");
        assertThat(report.refreshed()).contains("BINANCE:LINKUSD_PERP");
        assertThat(ticks.latest("BINANCE:LINKUSD_PERP")).isPresent();
    }

    private Set<String> openContractsBySql() throws Exception {
        Set<String> open = new TreeSet<>();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("select contract_id from hedge_position where status = 'OPEN'")) {
            while (rows.next()) {
                open.add(rows.getString(1));
            }
        }
        return open;
    }

    private Portfolio portfolio() {
        AppUser user = TestUsers.loggedIn(users, teams, "refresh");
        userId = user.id();
        return TestUsers.portfolio(portfolios, teams, user, "refresh");
    }

    private void hedge(Portfolio portfolio, String contract, String status) throws Exception {
        hedgeIds.add(insertHedge(dataSource, portfolio.id(), userId, contract, status));
    }

    /** A hedge row as the ledger stores it (only what the refresh reads matters: contract and status); its id. */
    static long insertHedge(DataSource dataSource, long portfolioId, long userId, String contract, String status)
            throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("""
        insert into hedge_position (portfolio_id, contract_id, contract_type, side, size, entry_price, leverage, margin,
          margin_source, settlement_asset, target_coverage, status, opened_by, opened_at, closed_at)
        values (?, ?, 'INVERSE', 'SHORT', ?, 20, 2, 1, 'SPOT', 'SOL', 1, ?, ?, now(),
          case when ?::text = 'CLOSED' then now() end)""", Statement.RETURN_GENERATED_KEYS)) {
            s.setLong(1, portfolioId);
            s.setString(2, contract);
            s.setBigDecimal(3, "OPEN".equals(status) ? new BigDecimal("100") : BigDecimal.ZERO);
            s.setString(4, status);
            s.setLong(5, userId);
            s.setString(6, status);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** Serves this test's contracts only, and records what it was asked. */
    static final class RecordingSource implements MarketDataSource {
        final List<String> asked = Collections.synchronizedList(new ArrayList<>());
        String failing = "";

        @Override
        public String name() {
            return "test";
        }

        @Override
        public boolean live() {
            return true;
        }

        @Override
        public boolean supports(Instrument contract) {
            return MINE.contains(contract.id());
        }

        @Override
        public MarketTick ticker(Instrument contract) {
            asked.add(contract.id());
            if (contract.id().equals(failing)) {
                throw new io.hedgedesk.domain.market.feed.VenueTimeoutException(
                        "test", "ticker of " + contract.id() + " timed out", null);
            }
            return new MarketTick(
                    contract.id(),
                    new BigDecimal("150"),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of(new BigDecimal("0.0001")),
                    Optional.empty(),
                    Optional.of(8),
                    SOURCE,
                    Instant.now());
        }

        @Override
        public void fundingHistory(Instrument contract, Instant from, Instant to, PageSink<FundingRate> pages) {
            pages.accept(List.of(new FundingRate(SETTLED, new BigDecimal("0.0001"))), SOURCE);
        }

        @Override
        public void dailyCloses(Instrument contract, LocalDate from, LocalDate to, PageSink<PricePoint> pages) {}

        @Override
        public ContractSpec contractSpec(Instrument contract) {
            return new ContractSpec(
                    contract.id(), contract.symbol(), contract.contractSize(), contract.tickSize(), SOURCE);
        }
    }
}
