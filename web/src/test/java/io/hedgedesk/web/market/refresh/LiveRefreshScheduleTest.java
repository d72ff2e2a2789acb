package io.hedgedesk.web.market.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import io.hedgedesk.domain.market.MarketTick;
import io.hedgedesk.persistence.market.MarketTickRepository;
import io.hedgedesk.persistence.portfolio.PortfolioService;
import io.hedgedesk.persistence.team.TeamService;
import io.hedgedesk.domain.user.AppUser;
import io.hedgedesk.persistence.user.AppUserRepository;
import io.hedgedesk.web.hedge.book.TestUsers;
import io.hedgedesk.web.market.venue.StubVenue;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
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
  public static class LiveBybit implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("hedgedesk.market.source", "bybit", "hedgedesk.market.refresh.every", "1s");
    }

    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(new TestResourceEntry(BybitStub.class));
    }
  }

  /** The stub venue, started before the application so its address can be configured. */
  public static class BybitStub implements QuarkusTestResourceLifecycleManager {
    private StubVenue venue;

    @Override
    public Map<String, String> start() {
      venue = new StubVenue()
          .on("/v5/market/tickers", StubVenue.Answer.ok(StubVenue.fixture("bybit-tickers-inverse.json")))
          .on("/v5/market/funding/history", StubVenue.Answer.ok(StubVenue.fixture("bybit-funding-history.json")));
      return Map.of("hedgedesk.market.bybit.base-url", venue.baseUri().toString());
    }

    @Override
    public void stop() {
      if (venue != null) {
        venue.close();
      }
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
      for (int i = 0; i < 600 && tick.filter(t -> !t.source().equals("manual")).isEmpty(); i++) {
        Thread.sleep(100);
        tick = ticks.latest("BYBIT:BTCUSD");
      }
      assertThat(tick).isPresent();
      // Bybit's documented inverse ticker example: BTCUSD markPrice "16596.00".
      assertThat(tick.get().markPrice()).isEqualByComparingTo("16596.00");
      assertThat(tick.get().source()).containsIgnoringCase("bybit");
    } finally {
      try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
        s.executeUpdate("delete from hedge_position where id = " + hedgeId);
        s.executeUpdate("delete from market_tick where contract_id = 'BYBIT:BTCUSD'");
      }
    }
  }
}
