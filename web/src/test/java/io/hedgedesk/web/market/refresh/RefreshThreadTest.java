package io.hedgedesk.web.market.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import io.hedgedesk.domain.user.AppUser;
import io.hedgedesk.marketdata.refresh.MarketRefreshJob;
import io.hedgedesk.marketdata.refresh.MarketRefresher;
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
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The scheduled refresh runs on its own thread, not on the worker pool that serves the pages: caught while the venue
 * holds its answer (a refresh mostly waits on the exchange), the thread inside {@code MarketRefresher.refresh} is the
 * refresh thread.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@TestProfile(RefreshThreadTest.SlowBybit.class)
class RefreshThreadTest {

    /** Bybit as the source, at a stub that never answers the ticker, refreshing every second. */
    public static class SlowBybit extends LiveBybitStub.Profile {
        @Override
        protected Class<? extends LiveBybitStub.Resource> stub() {
            return SilentStub.class;
        }

        @Override
        protected Map<String, String> more() {
            return Map.of("hedgedesk.market.read-timeout", "30s");
        }
    }

    /** The stub venue: the ticker is held until the stub closes. */
    public static class SilentStub extends LiveBybitStub.Resource {
        @Override
        protected StubVenue answers(StubVenue venue) {
            return venue.on("/v5/market/tickers", StubVenue.Answer.silent());
        }
    }

    @Inject
    AppUserRepository users;

    @Inject
    TeamService teams;

    @Inject
    PortfolioService portfolios;

    @Inject
    DataSource dataSource;

    @Test
    void theRefreshWaitsOnTheExchangeOutsideTheWorkerPool() throws Exception {
        AppUser user = TestUsers.loggedIn(users, teams, "refresh-thread");
        long portfolioId =
                TestUsers.portfolio(portfolios, teams, user, "slow venue").id();
        long hedgeId = MarketRefresherTest.insertHedge(dataSource, portfolioId, user.id(), "BYBIT:BTCUSD", "OPEN");
        try {
            // The next scheduled run finds the hedge and waits for the held ticker; 30 s is only the give-up point.
            Optional<Thread> refreshing = Optional.empty();
            for (int i = 0; i < 300 && refreshing.isEmpty(); i++) {
                Thread.sleep(100);
                refreshing = Thread.getAllStackTraces().entrySet().stream()
                        .filter(e -> Arrays.stream(e.getValue())
                                .anyMatch(frame -> frame.getClassName().startsWith(MarketRefresher.class.getName())
                                        && frame.getMethodName().equals("refresh")))
                        .map(Map.Entry::getKey)
                        .findFirst();
            }
            assertThat(refreshing).isPresent();
            assertThat(refreshing.get().getName()).isEqualTo(MarketRefreshJob.THREAD);
        } finally {
            try (Connection c = dataSource.getConnection();
                    Statement s = c.createStatement()) {
                s.executeUpdate("delete from hedge_position where id = " + hedgeId);
            }
        }
    }
}
