package io.hedgedesk.web.hedge.book;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hedgedesk.domain.hedge.Hedge;
import io.hedgedesk.domain.hedge.HedgeAction;
import io.hedgedesk.domain.hedge.HedgeEvent;
import io.hedgedesk.domain.hedge.HedgeEventType;
import io.hedgedesk.domain.hedge.HedgeStatus;
import io.hedgedesk.domain.hedge.InvalidHedgeException;
import io.hedgedesk.domain.hedge.OpenHedge;
import io.hedgedesk.domain.instrument.Side;
import io.hedgedesk.domain.portfolio.AuditEvent;
import io.hedgedesk.domain.portfolio.Holding;
import io.hedgedesk.domain.portfolio.HoldingDraft;
import io.hedgedesk.domain.portfolio.HoldingInput;
import io.hedgedesk.domain.portfolio.Portfolio;
import io.hedgedesk.domain.team.Role;
import io.hedgedesk.domain.user.AppUser;
import io.hedgedesk.persistence.DuplicateSubmissionException;
import io.hedgedesk.persistence.NotFoundException;
import io.hedgedesk.persistence.RoleRefusedException;
import io.hedgedesk.persistence.StaleEditException;
import io.hedgedesk.persistence.audit.AuditLog;
import io.hedgedesk.persistence.portfolio.PortfolioService;
import io.hedgedesk.persistence.team.TeamService;
import io.hedgedesk.persistence.user.AppUserRepository;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class HedgeBookServiceTest {

    @Inject
    AppUserRepository users;

    @Inject
    TeamService teams;

    @Inject
    PortfolioService portfolios;

    @Inject
    HedgeBookService book;

    @Inject
    AuditLog audit;

    private AppUser login(String name) {
        return TestUsers.loggedIn(users, teams, name);
    }

    private Portfolio portfolio(AppUser owner) {
        return TestUsers.portfolio(portfolios, teams, owner, "Bags");
    }

    private Holding btc(AppUser owner, Portfolio p, String quantity) {
        return portfolios.addHolding(
                owner.id(),
                p.id(),
                UUID.randomUUID(),
                HoldingDraft.parse(
                        new HoldingInput("BTC", false, quantity, "Cold wallet", "", "", ""),
                        LocalDate.of(2026, 11, 29)));
    }

    static OpenHedge shortBtcusd(long portfolioId, List<Long> holdings, String size, String entry) {
        return new OpenHedge(
                portfolioId,
                "BYBIT:BTCUSD",
                Side.SHORT,
                new BigDecimal(size),
                new BigDecimal(entry),
                new BigDecimal("2"),
                new BigDecimal("0.1"),
                "DEPOSITED",
                holdings,
                BigDecimal.ONE,
                "{\"from\":\"test\"}",
                new BigDecimal("0.00012"));
    }

    private static BigDecimal r12(BigDecimal value) {
        return value.setScale(12, RoundingMode.HALF_UP);
    }

    /**
     * The ledger's entries and positions are stored as the pricing ledger computed them (its arithmetic is proven in
     * {@code HedgeLedgerTest}): open short 10,000 BYBIT:BTCUSD at 50,000 with margin 0.1 and fee 0.00012 BTC (OPEN
     * −0.00012, MARGIN_IN 0.10012), add 10,000 at 40,000, three fundings, reduce 5,000 at 40,000 (margin 0.1 →
     * 0.075), close; every step audited, the holding untouched, the closed hedge refusing anything but notes.
     */
    @Test
    void theLifecycleIsStoredAppendOnlyAndAudited() {
        AppUser alice = login("Alice");
        Portfolio p = portfolio(alice);
        Holding bag = btc(alice, p, "0.4");
        long id = book.open(alice.id(), UUID.randomUUID(), shortBtcusd(p.id(), List.of(bag.id()), "10000", "50000"));

        Hedge opened = book.hedge(alice.id(), id).hedge();
        assertThat(opened.status()).isEqualTo(HedgeStatus.OPEN);
        assertThat(opened.holdingIds()).containsExactly(bag.id());
        assertThat(opened.settlementAsset()).isEqualTo("BTC");
        assertThat(opened.margin()).isEqualByComparingTo("0.1");
        assertThat(book.events(alice.id(), id))
                .extracting(HedgeEvent::cashChange)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("-0.00012"), new BigDecimal("0.10012"));

        book.act(
                alice.id(),
                id,
                UUID.randomUUID(),
                opened.version(),
                HedgeAction.trade(HedgeEventType.INCREASE, new BigDecimal("10000"), new BigDecimal("40000"), null));
        long version = book.hedge(alice.id(), id).hedge().version();
        for (String amount : List.of("0.0001", "-0.00005", "0.0002")) {
            book.act(
                    alice.id(),
                    id,
                    UUID.randomUUID(),
                    version,
                    HedgeAction.cash(HedgeEventType.FUNDING, new BigDecimal(amount), new BigDecimal("45000"), null));
            version = book.hedge(alice.id(), id).hedge().version();
        }
        book.act(
                alice.id(),
                id,
                UUID.randomUUID(),
                version,
                HedgeAction.trade(HedgeEventType.REDUCE, new BigDecimal("5000"), new BigDecimal("40000"), null));
        Hedge reduced = book.hedge(alice.id(), id).hedge();
        assertThat(reduced.size()).isEqualByComparingTo("15000");
        assertThat(reduced.margin()).isEqualByComparingTo("0.075");
        assertThat(r12(reduced.realizedPnl())).isEqualByComparingTo("0.0125");

        book.act(
                alice.id(),
                id,
                UUID.randomUUID(),
                reduced.version(),
                HedgeAction.trade(HedgeEventType.CLOSE, null, new BigDecimal("50000"), null));
        Hedge closed = book.hedge(alice.id(), id).hedge();
        assertThat(closed.status()).isEqualTo(HedgeStatus.CLOSED);
        assertThat(closed.size()).isZero();
        assertThat(closed.margin()).isZero();
        assertThat(closed.closedAt()).isPresent();

        List<HedgeEvent> events = book.events(alice.id(), id);
        assertThat(events)
                .extracting(HedgeEvent::type)
                .containsExactly(
                        HedgeEventType.OPEN,
                        HedgeEventType.MARGIN_IN,
                        HedgeEventType.INCREASE,
                        HedgeEventType.FUNDING,
                        HedgeEventType.FUNDING,
                        HedgeEventType.FUNDING,
                        HedgeEventType.REDUCE,
                        HedgeEventType.CLOSE,
                        HedgeEventType.MARGIN_OUT);
        assertThat(events.get(0).cashChangeUsd()).isEqualByComparingTo("-6");
        assertThat(events.get(3).settlementUsd()).isEqualByComparingTo("45000");
        assertThat(r12(events.get(6).realizedPnl().orElseThrow())).isEqualByComparingTo("0.0125");
        assertThat(events.get(7).sizeAfter()).isZero();
        // +0.10012 − 0.00012 + 0.00025 funding + 0.0125 − 0.0375 = 0.07525 BTC in the account (0.1 + 0.00025 − 0.025),
        // returned by the close's MARGIN_OUT, which leaves the account at 0
        BigDecimal cash =
                events.subList(0, 8).stream().map(HedgeEvent::cashChange).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(r12(cash)).isEqualByComparingTo("0.07525");
        assertThat(r12(events.get(8).cashChange())).isEqualByComparingTo("-0.07525");
        assertThat(portfolios.holding(alice.id(), p.id(), bag.id()).version()).isEqualTo(bag.version());
        assertThat(audit.portfolioTrail(p.id()))
                .filteredOn(a -> a.objectType().equals("HEDGE") && a.objectId() == id)
                .extracting(AuditEvent::action)
                .containsExactlyInAnyOrder("OPEN", "INCREASE", "FUNDING", "FUNDING", "FUNDING", "REDUCE", "CLOSE");

        assertThatThrownBy(() -> book.act(
                        alice.id(),
                        id,
                        UUID.randomUUID(),
                        closed.version(),
                        HedgeAction.cash(HedgeEventType.FUNDING, BigDecimal.ONE, BigDecimal.ONE, null)))
                .isInstanceOfSatisfying(
                        InvalidHedgeException.class, e -> assertThat(e.errors()).containsKey("type"));
        assertThat(book.events(alice.id(), id)).hasSize(9);
    }

    /**
     * Margin out of the bag of an inverse hedge comes back to the bag at the close. BTC 0.4 + 0.3 (the larger is
     * changed); short 10,000 BYBIT:BTCUSD at 50,000, margin 0.1, fee 0.00012: 0.10012 BTC taken. Funding +0.0002
     * (balance 0.1002). Close at 40,000, no fee: R = 10,000 × (1/40,000 − 1/50,000) = 0.05 BTC; returned
     * 0.1002 + 0.05 = 0.1502 BTC; the holding changes by 0.1502 − 0.10012 = +0.05008 → 0.45008 BTC.
     */
    @Test
    void closingReturnsTheMarginToTheLargestHoldingOfTheCoin() {
        AppUser alice = login("Alice");
        Portfolio p = portfolio(alice);
        Holding small = btc(alice, p, "0.3");
        Holding large = btc(alice, p, "0.4");
        OpenHedge command = shortBtcusd(p.id(), List.of(small.id(), large.id()), "10000", "50000");
        long id = book.open(
                alice.id(),
                UUID.randomUUID(),
                new OpenHedge(
                        p.id(),
                        command.contractId(),
                        command.side(),
                        command.size(),
                        command.entryPrice(),
                        command.leverage(),
                        command.margin(),
                        "OUT_OF_BAG",
                        command.holdingIds(),
                        command.targetCoverage(),
                        command.planJson(),
                        command.fee()));
        book.act(
                alice.id(),
                id,
                UUID.randomUUID(),
                book.hedge(alice.id(), id).hedge().version(),
                HedgeAction.cash(HedgeEventType.FUNDING, new BigDecimal("0.0002"), new BigDecimal("45000"), null));
        book.act(
                alice.id(),
                id,
                UUID.randomUUID(),
                book.hedge(alice.id(), id).hedge().version(),
                HedgeAction.trade(HedgeEventType.CLOSE, null, new BigDecimal("40000"), null));

        HedgeEvent back = book.events(alice.id(), id).get(4);
        assertThat(back.type()).isEqualTo(HedgeEventType.MARGIN_OUT);
        assertThat(r12(back.cashChange())).isEqualByComparingTo("-0.1502");
        assertThat(portfolios.holding(alice.id(), p.id(), large.id()).draft().quantity())
                .isEqualByComparingTo("0.45008");
        assertThat(portfolios.holding(alice.id(), p.id(), small.id()).draft().quantity())
                .isEqualByComparingTo("0.3");
        assertThat(audit.portfolioTrail(p.id()))
                .filteredOn(a -> a.action().equals("HEDGE_MARGIN_RETURN"))
                .singleElement()
                .satisfies(a -> assertThat(a.after())
                        .contains("hedge #" + id
                                + " closed: 0.1502 BTC returned from BYBIT; the holding changes by 0.05008 BTC"));
    }

    /**
     * A short's stop below the mark or take-profit above it would fire at once: refused, nothing saved (targets,
     * version, audit). On the right side they are saved. The mark is whatever the book knows (a manual one at least).
     */
    @Test
    void targetsOnTheWrongSideOfTheMarkAreRefusedAndNothingIsSaved() {
        AppUser alice = login("Alice");
        Portfolio p = portfolio(alice);
        long id = book.open(alice.id(), UUID.randomUUID(), shortBtcusd(p.id(), List.of(), "1000", "60000"));
        book.enterMark(alice.id(), id, book.hedge(alice.id(), id).hedge().version(), new BigDecimal("61000"));
        HedgeBookService.HedgeAccess access = book.hedge(alice.id(), id);
        BigDecimal mark = book.mark(access).orElseThrow().price();
        long version = access.hedge().version();
        int trail = audit.portfolioTrail(p.id()).size();

        assertThatThrownBy(() -> book.setTargets(
                        alice.id(),
                        id,
                        version,
                        Optional.of(mark.multiply(new BigDecimal("0.9"))),
                        Optional.of(mark.multiply(new BigDecimal("1.1"))),
                        Optional.empty()))
                .isInstanceOfSatisfying(
                        InvalidHedgeException.class,
                        e -> assertThat(e.errors()).containsOnlyKeys("stopPrice", "takeProfitPrice"));
        Hedge unchanged = book.hedge(alice.id(), id).hedge();
        assertThat(unchanged.stopPrice()).isEmpty();
        assertThat(unchanged.takeProfitPrice()).isEmpty();
        assertThat(unchanged.version()).isEqualTo(version);
        assertThat(audit.portfolioTrail(p.id())).hasSize(trail);

        book.setTargets(
                alice.id(),
                id,
                version,
                Optional.of(mark.multiply(new BigDecimal("1.1"))),
                Optional.of(mark.multiply(new BigDecimal("0.9"))),
                Optional.empty());
        assertThat(book.hedge(alice.id(), id).hedge().stopPrice()).isPresent();
        assertThat(audit.portfolioTrail(p.id())).hasSize(trail + 1);
    }

    @Test
    void databaseRefusesUpdatingDeletingOrTruncatingLedgerRows() {
        AppUser alice = login("Alice");
        Portfolio p = portfolio(alice);
        long id = book.open(alice.id(), UUID.randomUUID(), shortBtcusd(p.id(), List.of(), "1000", "60000"));

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew()
                        .run(() -> Panache.getEntityManager()
                                .createNativeQuery("update hedge_event set cash_change = 1 where hedge_id = ?1")
                                .setParameter(1, id)
                                .executeUpdate()))
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew()
                        .run(() -> Panache.getEntityManager()
                                .createNativeQuery("delete from hedge_event where hedge_id = ?1")
                                .setParameter(1, id)
                                .executeUpdate()))
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew()
                        .run(() -> Panache.getEntityManager()
                                .createNativeQuery("truncate hedge_event")
                                .executeUpdate()))
                .hasStackTraceContaining("TRUNCATE refused");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew()
                        .run(() -> Panache.getEntityManager()
                                .createNativeQuery("truncate hedge_position cascade")
                                .executeUpdate()))
                .hasStackTraceContaining("TRUNCATE refused");

        assertThat(book.events(alice.id(), id))
                .hasSize(2)
                .first()
                .satisfies(e -> assertThat(e.cashChange()).isEqualByComparingTo("-0.00012"));
    }

    @Test
    void databaseRefusesAnEventOfAnotherPortfolioThanItsHedges() {
        AppUser alice = login("Alice");
        Portfolio p = portfolio(alice);
        Portfolio other = portfolio(alice);
        long id = book.open(alice.id(), UUID.randomUUID(), shortBtcusd(p.id(), List.of(), "1000", "60000"));

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew()
                        .run(() -> Panache.getEntityManager()
                                .createNativeQuery("""
            insert into hedge_event (hedge_id, portfolio_id, event_type, occurred_at, actor_id, settlement_asset,
              settlement_usd, cash_change, cash_change_usd, size_after, entry_after, note)
            values (?1, ?2, 'FEE', now(), ?3, 'BTC', 60000, -0.00001, -0.6, 1000, 60000, 'misfiled')""")
                                .setParameter(1, id)
                                .setParameter(2, other.id())
                                .setParameter(3, alice.id())
                                .executeUpdate()))
                .hasStackTraceContaining("hedge_event_portfolio_of_hedge_fk");
        assertThat(book.events(alice.id(), id)).hasSize(2);
    }

    @Test
    void aCorrectionIsANewEventReferencingTheCorrectedOne() {
        AppUser alice = login("Alice");
        Portfolio p = portfolio(alice);
        long id = book.open(alice.id(), UUID.randomUUID(), shortBtcusd(p.id(), List.of(), "1000", "60000"));
        long first = book.events(alice.id(), id).get(0).id();
        Hedge h = book.hedge(alice.id(), id).hedge();
        long note = book.act(
                alice.id(),
                id,
                UUID.randomUUID(),
                h.version(),
                new HedgeAction(
                        HedgeEventType.NOTE,
                        java.util.Optional.empty(),
                        java.util.Optional.empty(),
                        java.util.Optional.empty(),
                        java.util.Optional.empty(),
                        java.util.Optional.empty(),
                        java.util.Optional.empty(),
                        java.util.Optional.empty(),
                        "fee was 0.0001",
                        java.util.Optional.of(first)));
        assertThat(book.events(alice.id(), id))
                .filteredOn(e -> e.id() == note)
                .singleElement()
                .satisfies(e -> assertThat(e.correctsEventId()).contains(first));
    }

    @Test
    void otherTeamsGetNotFoundViewersAreRefusedAndNothingChanges() {
        AppUser alice = login("Alice");
        AppUser mallory = login("Mallory");
        AppUser victor = login("Victor");
        Portfolio p = portfolio(alice);
        long team = teams.currentTeam(alice.id()).team().id();
        teams.invite(alice.id(), team, UUID.randomUUID(), victor.username(), Role.VIEWER);
        teams.onLogin(victor);
        long id = book.open(alice.id(), UUID.randomUUID(), shortBtcusd(p.id(), List.of(), "1000", "60000"));
        long version = book.hedge(alice.id(), id).hedge().version();

        assertThatThrownBy(() -> book.hedge(mallory.id(), id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> book.open(mallory.id(), UUID.randomUUID(), shortBtcusd(p.id(), List.of(), "1", "1")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> book.act(
                        mallory.id(),
                        id,
                        UUID.randomUUID(),
                        version,
                        HedgeAction.cash(HedgeEventType.MARGIN_IN, BigDecimal.ONE, null, null)))
                .isInstanceOf(NotFoundException.class);
        assertThat(book.hedge(victor.id(), id).canAct()).isFalse();
        assertThatThrownBy(() -> book.act(
                        victor.id(),
                        id,
                        UUID.randomUUID(),
                        version,
                        HedgeAction.cash(HedgeEventType.MARGIN_IN, BigDecimal.ONE, null, null)))
                .isInstanceOf(RoleRefusedException.class);
        assertThat(book.events(alice.id(), id)).hasSize(2);
        assertThat(book.hedge(alice.id(), id).hedge().margin()).isEqualByComparingTo("0.1");
    }

    @Test
    void doubleSubmitStaleVersionAndForeignHoldingsAreRefused() {
        AppUser alice = login("Alice");
        Portfolio p = portfolio(alice);
        Portfolio other = portfolio(alice);
        Holding foreign = btc(alice, other, "1");
        assertThatThrownBy(() -> book.open(
                        alice.id(), UUID.randomUUID(), shortBtcusd(p.id(), List.of(foreign.id()), "1000", "60000")))
                .isInstanceOfSatisfying(
                        InvalidHedgeException.class, e -> assertThat(e.errors()).containsKey("holdingIds"));

        UUID token = UUID.randomUUID();
        long id = book.open(alice.id(), token, shortBtcusd(p.id(), List.of(), "1000", "60000"));
        assertThatThrownBy(() -> book.open(alice.id(), token, shortBtcusd(p.id(), List.of(), "1000", "60000")))
                .isInstanceOf(DuplicateSubmissionException.class);
        assertThat(book.hedges(alice.id(), p.id())).hasSize(1);

        long version = book.hedge(alice.id(), id).hedge().version();
        book.act(
                alice.id(),
                id,
                UUID.randomUUID(),
                version,
                HedgeAction.cash(HedgeEventType.MARGIN_IN, new BigDecimal("0.05"), null, null));
        assertThatThrownBy(() -> book.act(
                        alice.id(),
                        id,
                        UUID.randomUUID(),
                        version,
                        HedgeAction.cash(HedgeEventType.MARGIN_IN, new BigDecimal("0.05"), null, null)))
                .isInstanceOf(StaleEditException.class);
        // The same confirmation submitted again: a duplicate (its version is stale by then, but that is not the news).
        UUID actionToken = UUID.randomUUID();
        long current = book.hedge(alice.id(), id).hedge().version();
        book.act(
                alice.id(),
                id,
                actionToken,
                current,
                HedgeAction.cash(HedgeEventType.MARGIN_IN, new BigDecimal("0.01"), null, null));
        assertThatThrownBy(() -> book.act(
                        alice.id(),
                        id,
                        actionToken,
                        current,
                        HedgeAction.cash(HedgeEventType.MARGIN_IN, new BigDecimal("0.01"), null, null)))
                .isInstanceOf(DuplicateSubmissionException.class);
        // 0.1 opening margin + 0.05 + 0.01 (each MARGIN_IN once) = 0.16
        assertThat(book.hedge(alice.id(), id).hedge().margin()).isEqualByComparingTo("0.16");

        assertThatThrownBy(() -> book.open(
                        alice.id(),
                        UUID.randomUUID(),
                        new OpenHedge(
                                p.id(),
                                "BYBIT:BTCUSD",
                                Side.SHORT,
                                BigDecimal.TEN,
                                BigDecimal.TEN,
                                new BigDecimal("1000"),
                                BigDecimal.ZERO,
                                "",
                                List.of(),
                                BigDecimal.ONE,
                                "",
                                BigDecimal.ZERO)))
                .isInstanceOfSatisfying(
                        InvalidHedgeException.class, e -> assertThat(e.errors()).containsKey("leverage"));
    }
}
