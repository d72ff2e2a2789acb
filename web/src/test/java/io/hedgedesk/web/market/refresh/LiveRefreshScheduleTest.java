package io.hedgedesk.web.market.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import io.hedgedesk.domain.market.MarketTick;
import io.hedgedesk.domain.user.AppUser;
import io.hedgedesk.marketdata.refresh.MarketRefreshJob;
import io.hedgedesk.persistence.market.MarketTickRepository;
import io.hedgedesk.persistence.portfolio.PortfolioService;
import io.hedgedesk.persistence.team.TeamService;
import io.hedgedesk.persistence.user.AppUserRepository;
import io.hedgedesk.web.hedge.book.TestUsers;
import io.hedgedesk.web.market.venue.StubVenue;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The scheduler with a live source: the application started with {@code hedgedesk.market.source=bybit} (pointed at a
 * local stub serving Bybit's documented ticker payload) schedules the refresh, and the scheduled run stores the tick
 * of an open hedge's contract without anyone calling it.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@TestProfile(LiveRefreshScheduleTest.LiveBybit.class)
class LiveRefreshScheduleTest {

    /** Bybit as the source, at the stub, refreshing every second. */
    public static class LiveBybit extends LiveBybitStub.Profile {
        @Override
        protected Class<? extends LiveBybitStub.Resource> stub() {
            return BybitStub.class;
        }
    }

    /** The stub venue: Bybit's documented ticker and funding history. */
    public static class BybitStub extends LiveBybitStub.Resource {
        @Override
        protected StubVenue answers(StubVenue venue) {
            return venue.on("/v5/market/tickers", StubVenue.Answer.ok(StubVenue.fixture("bybit-tickers-inverse.json")))
                    .on(
                            "/v5/market/funding/history",
                            StubVenue.Answer.ok(StubVenue.fixture("bybit-funding-history.json")));
        }
    }

    @Inject
    MarketRefreshJob job;

    @Inject
    MarketTickRepository ticks;

    @Inject
    AppUserRepository users;

    @Inject
    TeamService teams;

    @Inject
    PortfolioService portfolios;

    @Inject
    DataSource dataSource;

    @Test
    void aLiveSourceIsRefreshedOnScheduleForOpenHedges() throws Exception {
        assertThat(job.scheduled()).isTrue();
        AppUser user = TestUsers.loggedIn(users, teams, "live-refresh");
        long portfolioId = TestUsers.portfolio(portfolios, teams, user, "live").id();
        long hedgeId = MarketRefresherTest.insertHedge(dataSource, portfolioId, user.id(), "BYBIT:BTCUSD", "OPEN");
        try {
            // Waits for the scheduled run (every second) to have stored the tick; 60 s is only the give-up point.
            Optional<MarketTick> tick = Optional.empty();
            for (int i = 0;
                    i < 600 && tick.filter(t -> !t.source().equals("manual")).isEmpty();
                    i++) {
                Thread.sleep(100);
                tick = ticks.latest("BYBIT:BTCUSD");
            }
            assertThat(tick).isPresent();
            // Bybit's documented inverse ticker example: BTCUSD markPrice "16596.00".
            assertThat(tick.get().markPrice()).isEqualByComparingTo("16596.00");
            assertThat(tick.get().source()).containsIgnoringCase("bybit");
        } finally {
            try (Connection c = dataSource.getConnection();
                    Statement s = c.createStatement()) {
                s.executeUpdate("delete from hedge_position where id = " + hedgeId);
                s.executeUpdate("delete from market_tick where contract_id = 'BYBIT:BTCUSD'");
            }
        }
    }
}
