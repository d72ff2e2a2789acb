package io.hedgedesk.web.hedge.book;

import io.hedgedesk.persistence.hedge.HedgeHistoryFilter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hedgedesk.domain.hedge.HedgeStatus;
import io.hedgedesk.domain.portfolio.Portfolio;
import io.hedgedesk.domain.user.AppUser;
import io.hedgedesk.persistence.NotFoundException;
import io.hedgedesk.persistence.portfolio.PortfolioService;
import io.hedgedesk.persistence.team.TeamService;
import io.hedgedesk.persistence.user.AppUserRepository;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class HedgeHistoryTest {

  private static final int ROWS = 100_000;

  @Inject
  AppUserRepository users;
  @Inject
  TeamService teams;
  @Inject
  PortfolioService portfolios;
  @Inject
  HedgeBookService book;
  @Inject
  HedgeHistory history;

  private AppUser login(String name) {
    return TestUsers.loggedIn(users, teams, name);
  }

  private Portfolio portfolio(AppUser owner) {
    return TestUsers.portfolio(portfolios, teams, owner, "P");
  }

  @Test
  void filtersByPortfolioAssetDatesAndStatusAndRefusesOtherTeams() {
    AppUser alice = login("Alice");
    AppUser mallory = login("Mallory");
    Portfolio p = portfolio(alice);
    book.open(alice.id(), UUID.randomUUID(), HedgeBookServiceTest.shortBtcusd(p.id(), List.of(), "1000", "60000"));

    HedgeHistoryFilter mine = new HedgeHistoryFilter(Optional.of(p.id()), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty());
    assertThat(history.list(alice.id(), mine, 100)).hasSize(2)
        .allSatisfy(r -> assertThat(r.instrument()).isEqualTo("BYBIT:BTCUSD"));
    assertThat(history.list(alice.id(), new HedgeHistoryFilter(Optional.of(p.id()), Optional.of("eth"),
        Optional.empty(), Optional.empty(), Optional.empty()), 100)).isEmpty();
    assertThat(history.list(alice.id(), new HedgeHistoryFilter(Optional.of(p.id()), Optional.of("BTC"),
        Optional.empty(), Optional.empty(), Optional.of(HedgeStatus.CLOSED)), 100)).isEmpty();
    assertThat(history.list(alice.id(), new HedgeHistoryFilter(Optional.of(p.id()), Optional.empty(),
        Optional.of(LocalDate.of(2000, 1, 1)), Optional.of(LocalDate.of(2000, 1, 2)), Optional.empty()), 100))
        .isEmpty();
    assertThat(history.list(mallory.id(), HedgeHistoryFilter.all(), 100)).isEmpty();
    assertThatThrownBy(() -> history.list(mallory.id(), mine, 100)).isInstanceOf(NotFoundException.class);
  }

  /**
   * 100,000 ledger rows streamed through a cursor: the sink sees every row in order, and the heap used while
   * streaming stays far below what holding the rows would take (each row is a record of ~28 fields, well over
   * 1 KB with its BigDecimals and strings, so 100,000 held rows would need more than 100 MB).
   */
  @Test
  void streamsAHundredThousandRowsWithConstantMemory() {
    AppUser alice = login("Alice");
    Portfolio p = portfolio(alice);
    long id = book.open(alice.id(), UUID.randomUUID(),
        HedgeBookServiceTest.shortBtcusd(p.id(), List.of(), "1000", "60000"));
    QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager().createNativeQuery("""
            insert into hedge_event (hedge_id, portfolio_id, event_type, occurred_at, actor_id, settlement_asset,
              settlement_usd, cash_change, cash_change_usd, funding_rate, size_after, entry_after, note)
            select ?1, ?2, 'FUNDING', now() + make_interval(secs => g), ?3, 'BTC', 60000, 0.00000123, 0.0738,
              0.0001, 1000, 60000, 'funding ' || g
            from generate_series(1, ?4) g""")
        .setParameter(1, id).setParameter(2, p.id()).setParameter(3, alice.id()).setParameter(4, ROWS)
        .executeUpdate());

    Runtime runtime = Runtime.getRuntime();
    System.gc();
    long before = runtime.totalMemory() - runtime.freeMemory();
    AtomicLong seen = new AtomicLong();
    AtomicLong lastId = new AtomicLong();
    AtomicLong peak = new AtomicLong();
    long count = history.stream(alice.id(), new HedgeHistoryFilter(Optional.of(p.id()), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty()), Long.MAX_VALUE, row -> {
          assertThat(row.eventId()).isGreaterThan(lastId.get());
          lastId.set(row.eventId());
          if (seen.incrementAndGet() % 10_000 == 0) {
            System.gc();
            peak.accumulateAndGet(runtime.totalMemory() - runtime.freeMemory(), Math::max);
          }
        });

    assertThat(count).isEqualTo(ROWS + 2);
    assertThat(seen.get()).isEqualTo(ROWS + 2);
    assertThat(peak.get() - before).isLessThan(64L * 1024 * 1024);
  }
}
