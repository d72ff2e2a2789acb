package io.hedgedesk.web.hedge.book;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hedgedesk.domain.hedge.HedgeStatus;
import io.hedgedesk.domain.hedge.OpenHedge;
import io.hedgedesk.domain.instrument.Side;
import io.hedgedesk.domain.portfolio.Portfolio;
import io.hedgedesk.domain.user.AppUser;
import io.hedgedesk.persistence.NotFoundException;
import io.hedgedesk.persistence.hedge.HedgeHistoryFilter;
import io.hedgedesk.persistence.hedge.HedgeYears;
import io.hedgedesk.persistence.portfolio.PortfolioService;
import io.hedgedesk.persistence.team.TeamService;
import io.hedgedesk.persistence.user.AppUserRepository;
import io.hedgedesk.web.hedge.LedgerCsv;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
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

        HedgeHistoryFilter mine = new HedgeHistoryFilter(
                Optional.of(p.id()), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        assertThat(history.list(alice.id(), mine, 100))
                .hasSize(2)
                .allSatisfy(r -> assertThat(r.instrument()).isEqualTo("BYBIT:BTCUSD"));
        assertThat(history.list(
                        alice.id(),
                        new HedgeHistoryFilter(
                                Optional.of(p.id()),
                                Optional.of("eth"),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty()),
                        100))
                .isEmpty();
        assertThat(history.list(
                        alice.id(),
                        new HedgeHistoryFilter(
                                Optional.of(p.id()),
                                Optional.of("BTC"),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of(HedgeStatus.CLOSED)),
                        100))
                .isEmpty();
        assertThat(history.list(
                        alice.id(),
                        new HedgeHistoryFilter(
                                Optional.of(p.id()),
                                Optional.empty(),
                                Optional.of(LocalDate.of(2000, 1, 1)),
                                Optional.of(LocalDate.of(2000, 1, 2)),
                                Optional.empty()),
                        100))
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
        long id = book.open(
                alice.id(), UUID.randomUUID(), HedgeBookServiceTest.shortBtcusd(p.id(), List.of(), "1000", "60000"));
        QuarkusTransaction.requiringNew()
                .run(() -> Panache.getEntityManager()
                        .createNativeQuery("""
            insert into hedge_event (hedge_id, portfolio_id, event_type, occurred_at, actor_id, settlement_asset,
              settlement_usd, cash_change, cash_change_usd, funding_rate, size_after, entry_after, note)
            select ?1, ?2, 'FUNDING', now() + make_interval(secs => g), ?3, 'BTC', 60000, 0.00000123, 0.0738,
              0.0001, 1000, 60000, 'funding ' || g
            from generate_series(1, ?4) g""")
                        .setParameter(1, id)
                        .setParameter(2, p.id())
                        .setParameter(3, alice.id())
                        .setParameter(4, ROWS)
                        .executeUpdate());

        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long before = runtime.totalMemory() - runtime.freeMemory();
        AtomicLong seen = new AtomicLong();
        AtomicLong lastId = new AtomicLong();
        AtomicLong peak = new AtomicLong();
        long count = history.stream(
                alice.id(),
                new HedgeHistoryFilter(
                        Optional.of(p.id()), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()),
                Long.MAX_VALUE,
                row -> {
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

    /**
     * The native export written by PostgreSQL's COPY, cell by cell against hand-worked values: a linear hedge's USD
     * notional 2.5 ETH × 1 ETH per unit × 3,000.5 = 7,501.25 (as the exact product of the stored numerics, scale
     * 18 + 0 + 18); timestamps exactly as {@code Instant.toString()} prints them (no fraction, milliseconds,
     * microseconds); user text neutralized and quoted; empty cells for absent values; LF line ends.
     */
    @Test
    void theNativeExportIsWrittenByCopyCellByCell() throws Exception {
        AppUser alice = login("Alice");
        Portfolio p = portfolio(alice);
        QuarkusTransaction.requiringNew()
                .run(() -> Panache.getEntityManager()
                        .createNativeQuery("update app_user set display_name = ?1 where id = ?2")
                        .setParameter(1, "+Trader, \"Q\"")
                        .setParameter(2, alice.id())
                        .executeUpdate());
        long id = book.open(
                alice.id(),
                UUID.randomUUID(),
                new OpenHedge(
                        p.id(),
                        "BYBIT:ETHUSDT",
                        Side.SHORT,
                        new BigDecimal("2.5"),
                        new BigDecimal("3000.5"),
                        new BigDecimal("2"),
                        new BigDecimal("3750.625"),
                        "DEPOSITED",
                        List.of(),
                        BigDecimal.ONE,
                        "",
                        new BigDecimal("0.75")));
        QuarkusTransaction.requiringNew()
                .run(() -> Panache.getEntityManager()
                        .createNativeQuery("""
            insert into hedge_event (hedge_id, portfolio_id, event_type, occurred_at, actor_id, settlement_asset,
              settlement_usd, cash_change, cash_change_usd, funding_rate, size_after, entry_after, note)
            values (?1, ?2, 'FUNDING', timestamptz '2030-01-02 08:00:00Z', ?3, 'USDT', 1, -0.375, -0.375, 0.0001,
                    2.5, 3000.5, '=HYPERLINK("x")'),
                   (?1, ?2, 'FUNDING', timestamptz '2030-01-02 16:00:00.123Z', ?3, 'USDT', 1, 0.25, 0.25, -0.0000667,
                    2.5, 3000.5, 'line one' || chr(10) || 'line "two", end'),
                   (?1, ?2, 'FUNDING', timestamptz '2030-01-03 00:00:00.123456Z', ?3, 'USDT', 1, 0, 0, 0,
                    2.5, 3000.5, null)""")
                        .setParameter(1, id)
                        .setParameter(2, p.id())
                        .setParameter(3, alice.id())
                        .executeUpdate());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long count = history.copyNative(
                alice.id(),
                new HedgeHistoryFilter(
                        Optional.of(p.id()), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()),
                out);
        String csv = out.toString(StandardCharsets.UTF_8);
        assertThat(count).isEqualTo(5); // OPEN, MARGIN_IN, three fundings
        assertThat(csv).doesNotContain("\r");
        List<CSVRecord> rows = CSVFormat.RFC4180
                .builder()
                .setHeader(LedgerCsv.NATIVE_HEADER.toArray(String[]::new))
                .get()
                .parse(new StringReader(csv))
                .getRecords();
        assertThat(rows).hasSize(5).allSatisfy(r -> assertThat(r.size()).isEqualTo(LedgerCsv.NATIVE_HEADER.size()));

        CSVRecord open = rows.get(0);
        assertThat(open.get("event_type")).isEqualTo("OPEN");
        assertThat(open.get("member")).isEqualTo("'+Trader, \"Q\"");
        assertThat(open.get("venue")).isEqualTo("BYBIT");
        assertThat(open.get("instrument")).isEqualTo("BYBIT:ETHUSDT");
        assertThat(open.get("contract_type")).isEqualTo("LINEAR");
        assertThat(open.get("side")).isEqualTo("SHORT");
        assertThat(open.get("quantity")).isEqualTo("2.5");
        assertThat(open.get("quantity_unit")).isEqualTo("ETH");
        assertThat(open.get("face_value")).isEqualTo("1");
        assertThat(open.get("price")).isEqualTo("3000.5");
        // 2.5 × 1 × 3000.5 = 7501.25 USD, 2 decimals
        assertThat(open.get("usd_notional")).isEqualTo("7501.25");
        assertThat(open.get("fee")).isEqualTo("0.75");
        assertThat(open.get("cash_change_usd")).isEqualTo("-0.75");
        assertThat(open.get("opened_at")).isEqualTo(open.get("timestamp_utc").replaceAll("\\.[0-9]+Z$", "Z"));
        assertThat(open.get("holding_days")).isEmpty();
        assertThat(open.get("realized_pnl_usd")).isEmpty();
        assertThat(open.get("fee_asset")).isEqualTo("USDT");
        assertThat(open.get("funding_amount")).isEmpty();
        assertThat(open.get("realized_pnl_asset")).isEmpty();
        assertThat(open.get("corrects_event_id")).isEmpty();

        CSVRecord whole = rows.get(2);
        assertThat(whole.get("timestamp_utc")).isEqualTo("2030-01-02T08:00:00Z");
        assertThat(whole.get("event_type")).isEqualTo("FUNDING");
        assertThat(whole.get("quantity")).isEmpty();
        assertThat(whole.get("quantity_unit")).isEmpty();
        assertThat(whole.get("usd_notional")).isEmpty();
        assertThat(whole.get("funding_rate")).isEqualTo("0.0001");
        assertThat(whole.get("funding_amount")).isEqualTo("-0.375");
        assertThat(whole.get("funding_amount")).isEqualTo(whole.get("cash_change"));
        assertThat(whole.get("cash_asset")).isEqualTo("USDT");
        assertThat(whole.get("note")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(rows.get(3).get("timestamp_utc"))
                .isEqualTo("2030-01-02T16:00:00.123Z")
                .isEqualTo(Instant.parse("2030-01-02T16:00:00.123Z").toString());
        assertThat(rows.get(3).get("note")).isEqualTo("line one\nline \"two\", end");
        assertThat(rows.get(4).get("timestamp_utc")).isEqualTo("2030-01-03T00:00:00.123456Z");
        assertThat(rows.get(4).get("note")).isEmpty();
    }

    @Inject
    HedgeVoids voids;

    /**
     * A close carries its USD PnL, the opening time and the whole days held; amounts at most 8 decimals; voided
     * events and VOID entries are left out. Linear short 2 BYBIT:ETHUSDT at 3,000 opened 10.5 days ago, fee
     * 0.3333333333 USDT (→ 0.33333333), margin 3,000 (MARGIN_IN 3,000.3333333333); a funding +1.5 voided; closed at
     * 2,900: R = 2 × (3,000 − 2,900) = 200 USDT = 200.00 USD, 10 whole days; the margin returned
     * −0.3333333333 + 3,000.3333333333 + 200 = 3,200 USDT.
     */
    @Test
    void closesCarryUsdPnlAndHoldingDaysAndVoidedEventsAreLeftOut() throws Exception {
        AppUser alice = login("Alice");
        Portfolio p = portfolio(alice);
        Instant opened = Instant.now()
                .minus(java.time.Duration.ofHours(10 * 24 + 12))
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        long id = book.open(
                alice.id(),
                UUID.randomUUID(),
                new OpenHedge(
                        p.id(),
                        "BYBIT:ETHUSDT",
                        Side.SHORT,
                        new BigDecimal("2"),
                        new BigDecimal("3000"),
                        new BigDecimal("2"),
                        new BigDecimal("3000"),
                        "STABLECOIN",
                        List.of(),
                        BigDecimal.ONE,
                        "",
                        new BigDecimal("0.3333333333"),
                        Optional.of(opened)));
        book.act(
                alice.id(),
                id,
                UUID.randomUUID(),
                book.hedge(alice.id(), id).hedge().version(),
                io.hedgedesk.domain.hedge.HedgeAction.cash(
                        io.hedgedesk.domain.hedge.HedgeEventType.FUNDING, new BigDecimal("1.5"), null, null));
        long funding = book.events(alice.id(), id).get(2).id();
        voids.voidRecorded(
                alice.id(),
                id,
                UUID.randomUUID(),
                book.hedge(alice.id(), id).hedge().version(),
                Optional.of(funding),
                "typo");
        book.act(
                alice.id(),
                id,
                UUID.randomUUID(),
                book.hedge(alice.id(), id).hedge().version(),
                io.hedgedesk.domain.hedge.HedgeAction.trade(
                        io.hedgedesk.domain.hedge.HedgeEventType.CLOSE, null, new BigDecimal("2900"), null));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        history.copyNative(
                alice.id(),
                new HedgeHistoryFilter(
                        Optional.of(p.id()), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()),
                out);
        List<CSVRecord> rows = CSVFormat.RFC4180
                .builder()
                .setHeader(LedgerCsv.NATIVE_HEADER.toArray(String[]::new))
                .get()
                .parse(new StringReader(out.toString(StandardCharsets.UTF_8)))
                .getRecords();
        assertThat(rows)
                .extracting(r -> r.get("event_type"))
                .containsExactly("OPEN", "MARGIN_IN", "CLOSE", "MARGIN_OUT");
        assertThat(rows.get(0).get("fee")).isEqualTo("0.33333333");
        CSVRecord close = rows.get(2);
        assertThat(close.get("realized_pnl")).isEqualTo("200");
        assertThat(close.get("realized_pnl_usd")).isEqualTo("200.00");
        assertThat(close.get("holding_days")).isEqualTo("10");
        assertThat(close.get("opened_at")).isEqualTo(opened.toString());
        assertThat(rows.get(3).get("cash_change")).isEqualTo("-3200");
        assertThat(history.list(
                        alice.id(),
                        new HedgeHistoryFilter(
                                Optional.of(p.id()),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty()),
                        10))
                .extracting(LedgerRow::eventType)
                .startsWith("MARGIN_OUT", "CLOSE")
                .doesNotContain("FUNDING", "VOID");
        // the year's summary: realized 200 USDT (200 USD), fees 0.3333333333, the voided funding nowhere
        assertThat(years.of(
                        alice.id(),
                        new HedgeHistoryFilter(
                                Optional.of(p.id()),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty())))
                .singleElement()
                .satisfies(y -> {
                    assertThat(y.asset()).isEqualTo("USDT");
                    assertThat(y.realizedPnl()).isEqualByComparingTo("200");
                    assertThat(y.realizedPnlUsd()).isEqualByComparingTo("200");
                    assertThat(y.fees()).isEqualByComparingTo("0.3333333333");
                    assertThat(y.fundingReceived()).isZero();
                    assertThat(y.fundingPaid()).isZero();
                });
    }

    @Inject
    HedgeYears years;
}
