package io.hedgedesk.persistence.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hedgedesk.domain.portfolio.Holding;
import io.hedgedesk.domain.portfolio.HoldingDraft;
import io.hedgedesk.domain.portfolio.HoldingInput;
import io.hedgedesk.domain.portfolio.InvalidHoldingException;
import io.hedgedesk.domain.portfolio.Portfolio;
import io.hedgedesk.domain.portfolio.PortfolioValuation;
import io.hedgedesk.domain.team.Role;
import io.hedgedesk.domain.user.AppUser;
import io.hedgedesk.persistence.DuplicateSubmissionException;
import io.hedgedesk.persistence.NotFoundException;
import io.hedgedesk.persistence.RoleRefusedException;
import io.hedgedesk.persistence.StaleEditException;
import io.hedgedesk.persistence.TestUsers;
import io.hedgedesk.persistence.team.TeamService;
import io.hedgedesk.persistence.user.AppUserRepository;
import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PortfolioServiceTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    @Inject
    AppUserRepository users;

    @Inject
    TeamService teams;

    @Inject
    PortfolioService portfolios;

    @Inject
    io.hedgedesk.persistence.market.PriceHistoryRepository priceHistory;

    private AppUser login(String name) {
        AppUser user = TestUsers.create(users, name);
        teams.onLogin(user);
        return user;
    }

    private long teamOf(AppUser user) {
        return teams.currentTeam(user.id()).team().id();
    }

    private static HoldingDraft draft(String asset, String quantity) {
        return HoldingDraft.parse(new HoldingInput(asset, false, quantity, "Ledger", "", "", ""), TODAY);
    }

    @Test
    @TestTransaction
    void addingAHoldingWritesItAndItsAuditEvent() {
        AppUser alice = login("Alice");
        Portfolio p = portfolios.create(alice.id(), teamOf(alice), UUID.randomUUID(), "Long term");

        Holding h = portfolios.addHolding(
                alice.id(),
                p.id(),
                UUID.randomUUID(),
                HoldingDraft.parse(
                        new HoldingInput("sol", false, "2.50", "Phantom", "300", "2024-01-02", "staked"), TODAY));

        assertThat(portfolios.holdings(alice.id(), p.id())).singleElement().satisfies(s -> {
            assertThat(s.draft().assetSymbol()).isEqualTo("SOL");
            assertThat(s.draft().quantity()).isEqualByComparingTo("2.5");
            assertThat(s.draft().costBasisUsd())
                    .hasValueSatisfying(c -> assertThat(c).isEqualByComparingTo("300"));
            assertThat(s.draft().acquiredOn()).contains(LocalDate.of(2024, 1, 2));
            assertThat(s.updatedByName()).isEqualTo("Alice");
        });
        assertThat(portfolios.auditTrail(alice.id(), p.id())).first().satisfies(e -> {
            assertThat(e.objectType()).isEqualTo("HOLDING");
            assertThat(e.objectId()).isEqualTo(h.id());
            assertThat(e.action()).isEqualTo("CREATE");
            assertThat(e.before()).isEmpty();
            assertThat(e.after()).contains("\"asset\":\"SOL\"", "\"quantity\":2.5", "\"venue\":\"Phantom\"");
            assertThat(e.actor()).isEqualTo("Alice");
        });
    }

    @Test
    @TestTransaction
    void aSecondSubmitOfTheCreatePortfolioFormIsADuplicateNotANameClash() {
        AppUser alice = login("Alice");
        UUID token = UUID.randomUUID();
        portfolios.create(alice.id(), teamOf(alice), token, "Main");

        assertThatThrownBy(() -> portfolios.create(alice.id(), teamOf(alice), token, "Main"))
                .isInstanceOf(DuplicateSubmissionException.class);
        assertThatThrownBy(() -> portfolios.create(alice.id(), teamOf(alice), UUID.randomUUID(), "main"))
                .isInstanceOf(InvalidHoldingException.class)
                .hasMessageContaining("already has a portfolio named");
        assertThat(portfolios.list(alice.id(), teamOf(alice))).hasSize(1);
    }

    @Test
    @TestTransaction
    void aSecondSubmitOfTheSameFormTokenSavesNothing() {
        AppUser alice = login("Alice");
        Portfolio p = portfolios.create(alice.id(), teamOf(alice), UUID.randomUUID(), "Main");
        UUID token = UUID.randomUUID();
        portfolios.addHolding(alice.id(), p.id(), token, draft("BTC", "1"));

        assertThatThrownBy(() -> portfolios.addHolding(alice.id(), p.id(), token, draft("BTC", "1")))
                .isInstanceOf(DuplicateSubmissionException.class);
        assertThat(portfolios.holdings(alice.id(), p.id())).hasSize(1);
    }

    @Test
    @TestTransaction
    void anotherTeamsPortfolioAndHoldingsAreNotFoundAndUnchanged() {
        AppUser alice = login("Alice");
        AppUser bob = login("Bob");
        Portfolio p = portfolios.create(alice.id(), teamOf(alice), UUID.randomUUID(), "Main");
        Holding h = portfolios.addHolding(alice.id(), p.id(), UUID.randomUUID(), draft("ETH", "3"));

        assertThatThrownBy(() -> portfolios.access(bob.id(), p.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> portfolios.holdings(bob.id(), p.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> portfolios.holding(bob.id(), p.id(), h.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> portfolios.addHolding(bob.id(), p.id(), UUID.randomUUID(), draft("BTC", "1")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> portfolios.updateHolding(bob.id(), p.id(), h.id(), h.version(), draft("ETH", "9")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> portfolios.deleteHolding(bob.id(), p.id(), h.id(), h.version()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> portfolios.enterPrice(bob.id(), p.id(), UUID.randomUUID(), "ETH", BigDecimal.ONE))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> portfolios.auditTrail(bob.id(), p.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> portfolios.create(bob.id(), teamOf(alice), UUID.randomUUID(), "Mine"))
                .isInstanceOf(NotFoundException.class);
        // A holding id from another portfolio, addressed through one's own portfolio, is not found either.
        Portfolio bobs = portfolios.create(bob.id(), teamOf(bob), UUID.randomUUID(), "Bob's");
        assertThatThrownBy(() -> portfolios.updateHolding(bob.id(), bobs.id(), h.id(), h.version(), draft("ETH", "9")))
                .isInstanceOf(NotFoundException.class);

        assertThat(portfolios.holdings(alice.id(), p.id()))
                .singleElement()
                .satisfies(s -> assertThat(s.draft().quantity()).isEqualByComparingTo("3"));
    }

    @Test
    @TestTransaction
    void viewersReadButCannotWrite() {
        AppUser alice = login("Alice");
        AppUser vic = login("Vic");
        long team = teamOf(alice);
        teams.invite(alice.id(), team, UUID.randomUUID(), vic.username(), Role.VIEWER);
        teams.onLogin(vic);
        Portfolio p = portfolios.create(alice.id(), team, UUID.randomUUID(), "Main");
        Holding h = portfolios.addHolding(alice.id(), p.id(), UUID.randomUUID(), draft("ETH", "3"));

        assertThat(portfolios.holdings(vic.id(), p.id())).hasSize(1);
        assertThatThrownBy(() -> portfolios.addHolding(vic.id(), p.id(), UUID.randomUUID(), draft("BTC", "1")))
                .isInstanceOf(RoleRefusedException.class);
        assertThatThrownBy(() -> portfolios.updateHolding(vic.id(), p.id(), h.id(), h.version(), draft("ETH", "9")))
                .isInstanceOf(RoleRefusedException.class);
        assertThatThrownBy(() -> portfolios.deleteHolding(vic.id(), p.id(), h.id(), h.version()))
                .isInstanceOf(RoleRefusedException.class);
        assertThatThrownBy(() -> portfolios.enterPrice(vic.id(), p.id(), UUID.randomUUID(), "ETH", BigDecimal.TEN))
                .isInstanceOf(RoleRefusedException.class);
        assertThatThrownBy(() -> portfolios.create(vic.id(), team, UUID.randomUUID(), "Vic's"))
                .isInstanceOf(RoleRefusedException.class);
        assertThat(portfolios.holdings(alice.id(), p.id()))
                .singleElement()
                .satisfies(s -> assertThat(s.draft().quantity()).isEqualByComparingTo("3"));
    }

    @Test
    @TestTransaction
    void anEditFromAnOldVersionIsRefusedAndChangesNothing() {
        AppUser alice = login("Alice");
        Portfolio p = portfolios.create(alice.id(), teamOf(alice), UUID.randomUUID(), "Main");
        Holding h = portfolios.addHolding(alice.id(), p.id(), UUID.randomUUID(), draft("ETH", "3"));
        Holding edited = portfolios.updateHolding(alice.id(), p.id(), h.id(), h.version(), draft("ETH", "4"));
        assertThat(edited.version()).isEqualTo(h.version() + 1);

        assertThatThrownBy(() -> portfolios.updateHolding(alice.id(), p.id(), h.id(), h.version(), draft("ETH", "5")))
                .isInstanceOf(StaleEditException.class);
        assertThatThrownBy(() -> portfolios.deleteHolding(alice.id(), p.id(), h.id(), h.version()))
                .isInstanceOf(StaleEditException.class);
        assertThat(portfolios.holding(alice.id(), p.id(), h.id()).draft().quantity())
                .isEqualByComparingTo("4");
    }

    /** Two editors save the same version at the same moment: one wins, the other is told, nothing is lost silently. */
    @Test
    void concurrentEditsOfTheSameVersionLetExactlyOneWin() throws Exception {
        AppUser alice = login("Alice");
        Portfolio p = portfolios.create(alice.id(), teamOf(alice), UUID.randomUUID(), "Main");
        Holding h = portfolios.addHolding(alice.id(), p.id(), UUID.randomUUID(), draft("ETH", "3"));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (String quantity : List.of("7", "8")) {
                Callable<String> edit = () -> {
                    start.await();
                    try {
                        portfolios.updateHolding(alice.id(), p.id(), h.id(), h.version(), draft("ETH", quantity));
                        return "saved " + quantity;
                    } catch (StaleEditException e) {
                        return "stale";
                    }
                };
                results.add(pool.submit(edit));
            }
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : results) {
                outcomes.add(f.get());
            }
            assertThat(outcomes).containsOnlyOnce("stale");
            String winner = outcomes.stream()
                    .filter(o -> o.startsWith("saved"))
                    .findFirst()
                    .orElseThrow()
                    .substring(6);
            Holding stored = portfolios.holding(alice.id(), p.id(), h.id());
            assertThat(stored.draft().quantity()).isEqualByComparingTo(winner);
            assertThat(stored.version()).isEqualTo(h.version() + 1);
            assertThat(portfolios.auditTrail(alice.id(), p.id()))
                    .filteredOn(e -> e.action().equals("UPDATE"))
                    .hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    /** A row that the database refuses (venue longer than its column) rolls back the rows before it too. */
    @Test
    void anImportIsAllOrNothing() {
        AppUser alice = login("Alice");
        Portfolio p = portfolios.create(alice.id(), teamOf(alice), UUID.randomUUID(), "Main");
        HoldingDraft tooLong =
                new HoldingDraft("BTC", false, BigDecimal.ONE, "x".repeat(150), Optional.empty(), Optional.empty(), "");

        assertThatThrownBy(() -> portfolios.importHoldings(
                        alice.id(), p.id(), UUID.randomUUID(), List.of(draft("ETH", "1"), draft("SOL", "2"), tooLong)))
                .isNotNull();

        assertThat(portfolios.holdings(alice.id(), p.id())).isEmpty();
        assertThat(portfolios.auditTrail(alice.id(), p.id()))
                .extracting(e -> e.objectType() + " " + e.action())
                .containsExactly("PORTFOLIO CREATE");

        UUID token = UUID.randomUUID();
        assertThat(portfolios.importHoldings(alice.id(), p.id(), token, List.of(draft("ETH", "1"), draft("SOL", "2"))))
                .isEqualTo(2);
        assertThatThrownBy(() -> portfolios.importHoldings(alice.id(), p.id(), token, List.of(draft("ETH", "1"))))
                .isInstanceOf(DuplicateSubmissionException.class);
        assertThat(portfolios.holdings(alice.id(), p.id())).hasSize(2);
    }

    /**
     * The manual SOL price is entered now, so it is more recent than any stored daily close of SOL.
     * Hand arithmetic: 2.5 SOL × 20.40 USD (manual) = 51.00 USD; 1000 USDT × 1 = 1000 USD; total 1051.00 USD.
     * Allocation USDT = 100 × 1000 / 1051 = 95.1474785918...%, SOL = 100 × 51 / 1051 = 4.8525214081...%.
     */
    @Test
    @TestTransaction
    void valuationUsesTheLatestManualPriceAndOneDollarStablecoins() {
        AppUser alice = login("Alice");
        Portfolio p = portfolios.create(alice.id(), teamOf(alice), UUID.randomUUID(), "Main");
        portfolios.addHolding(alice.id(), p.id(), UUID.randomUUID(), draft("SOL", "2.5"));
        portfolios.addHolding(alice.id(), p.id(), UUID.randomUUID(), draft("USDT", "1000"));
        portfolios.addHolding(
                alice.id(),
                p.id(),
                UUID.randomUUID(),
                HoldingDraft.parse(new HoldingInput("ZZZ", true, "10", "Wallet", "", "", ""), TODAY));
        portfolios.enterPrice(alice.id(), p.id(), UUID.randomUUID(), "SOL", new BigDecimal("19"));
        portfolios.enterPrice(alice.id(), p.id(), UUID.randomUUID(), "SOL", new BigDecimal("20.40"));

        PortfolioValuation v = portfolios.valuation(alice.id(), p.id());

        assertThat(v.totalUsd()).isEqualByComparingTo("1051.00");
        assertThat(v.unpriced()).isEqualTo(1);
        assertThat(v.allocations())
                .extracting(a -> a.assetSymbol() + " " + a.percent().setScale(6, RoundingMode.HALF_EVEN))
                .containsExactly("USDT 95.147479", "SOL 4.852521");
        assertThat(v.lines())
                .filteredOn(l -> l.holding().draft().assetSymbol().equals("SOL"))
                .singleElement()
                .satisfies(l -> {
                    assertThat(l.quote().orElseThrow().source()).isEqualTo("manual (Alice)");
                    assertThat(l.valueUsd().orElseThrow()).isEqualByComparingTo("51.00");
                });
        assertThat(v.lines())
                .filteredOn(l -> l.holding().draft().assetSymbol().equals("USDT"))
                .singleElement()
                .satisfies(l -> assertThat(l.quote().orElseThrow().source()).isEqualTo("stablecoin at 1 USD"));
    }

    /** Without a manual price, a holding is valued at the latest stored daily close, whatever it is. */
    @Test
    @TestTransaction
    void valuationUsesTheLatestStoredCloseWhenNoNewerManualPriceExists() {
        AppUser alice = login("Alice");
        Portfolio p = portfolios.create(alice.id(), teamOf(alice), UUID.randomUUID(), "Main");
        portfolios.addHolding(alice.id(), p.id(), UUID.randomUUID(), draft("BTC", "0.5"));
        var close = priceHistory.latestCloses(List.of("BTC")).get("BTC");

        PortfolioValuation v = portfolios.valuation(alice.id(), p.id());

        assertThat(close).as("shipped BTC history is loaded at start").isNotNull();
        assertThat(v.lines().get(0).quote()).contains(close);
        // 0.5 BTC × close = half the close, in USD.
        assertThat(v.totalUsd()).isEqualByComparingTo(close.priceUsd().multiply(new BigDecimal("0.5")));
    }

    /**
     * The dashboard's list: every portfolio of every team of the user, each valued at its own team's manual prices
     * (1.5 SOL × 20 = 30 USD in Alice's team, 2 SOL × 30 = 60 USD in Bob's, where she is a viewer); a portfolio of a
     * team she is not in is absent.
     */
    @Test
    @TestTransaction
    void everyPortfolioOfTheUsersTeamsIsValuedAtItsOwnTeamsPrices() {
        AppUser alice = login("Alice");
        AppUser bob = login("Bob");
        AppUser mallory = login("Mallory");
        teams.invite(bob.id(), teamOf(bob), UUID.randomUUID(), alice.username(), Role.VIEWER);
        teams.onLogin(alice);
        Portfolio mine = portfolios.create(alice.id(), teamOf(alice), UUID.randomUUID(), "Mine " + UUID.randomUUID());
        portfolios.addHolding(alice.id(), mine.id(), UUID.randomUUID(), draft("SOL", "1.5"));
        portfolios.enterPrice(alice.id(), mine.id(), UUID.randomUUID(), "SOL", new BigDecimal("20"));
        Portfolio bobs = portfolios.create(bob.id(), teamOf(bob), UUID.randomUUID(), "Bob's " + UUID.randomUUID());
        portfolios.addHolding(bob.id(), bobs.id(), UUID.randomUUID(), draft("SOL", "2"));
        portfolios.enterPrice(bob.id(), bobs.id(), UUID.randomUUID(), "SOL", new BigDecimal("30"));
        Portfolio secret = portfolios.create(mallory.id(), teamOf(mallory), UUID.randomUUID(), "Secret");
        portfolios.addHolding(mallory.id(), secret.id(), UUID.randomUUID(), draft("SOL", "100"));

        Map<Long, BigDecimal> totals = new HashMap<>();
        portfolios
                .listAllValued(alice.id())
                .forEach((access, valuation) -> totals.put(access.portfolio().id(), valuation.totalUsd()));

        assertThat(totals).containsOnlyKeys(mine.id(), bobs.id());
        assertThat(totals.get(mine.id())).isEqualByComparingTo("30");
        assertThat(totals.get(bobs.id())).isEqualByComparingTo("60");
    }
}
