package io.hedgedesk.web.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agroal.api.AgroalDataSource;
import io.hedgedesk.domain.hedge.Hedge;
import io.hedgedesk.domain.hedge.HedgeEvent;
import io.hedgedesk.domain.hedge.HedgeEventType;
import io.hedgedesk.domain.instrument.Side;
import io.hedgedesk.domain.market.FundingRate;
import io.hedgedesk.domain.market.FundingRateSeries;
import io.hedgedesk.marketdata.account.AccountEndpoints;
import io.hedgedesk.marketdata.account.VenueStub;
import io.hedgedesk.persistence.connection.ExchangeConnections;
import io.hedgedesk.persistence.market.FundingHistoryRepository;
import io.hedgedesk.persistence.team.TeamService;
import io.hedgedesk.persistence.user.AppUserRepository;
import io.hedgedesk.web.hedge.book.HedgeBookService;
import io.hedgedesk.web.statement.StatementImportService;
import io.hedgedesk.web.support.Teams;
import io.hedgedesk.web.support.UserSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.htmlunit.WebResponse;
import org.junit.jupiter.api.Test;

/**
 * Fills and funding synced from the stub venue into a portfolio's hedges, through the file import's path and keys.
 *
 * <p>Bybit (stub: LTCUSDT linear, 1 LTC per contract): 1000 USDT transferred in at 2026-09-01 07:00; SELL 10 @ 87.00
 * (execFee 0.4785, paid) at 07:30 opens a short with margin 1000 − 0.4785 = 999.5215 USDT; funding received 0.17406
 * at 16:00; SELL 5 @ 88.00 (fee 0.242) on 2026-09-12 07:30 makes it 15; funding 0.08703 at 08:00. Five rows: the
 * execution list's Funding entry and the transaction log's TRADE row are the same money again and are left out.
 *
 * <p>Binance (stub: LTCUSD_PERP, 10 USD contracts, settled in LTC): 2 LTC transferred in at 07:00; SELL 10 @ 87.00 at
 * 07:30 opens a short with margin 2 LTC (its commission comes as its own COMMISSION row: fee 0.00057471 LTC); funding
 * +0.0001 LTC at 08:00 and again, equal, on 2026-09-12 16:00: two payments at two times stay two.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(VenueStubResource.class)
class ConnectionHistorySyncTest {

    private static final long AFTER_OPENING =
            Instant.parse("2026-09-01T07:30:00Z").toEpochMilli();

    @TestHTTPResource("/")
    URL root;

    @Inject
    TeamService teams;

    @Inject
    AppUserRepository users;

    @Inject
    ExchangeConnections connections;

    @Inject
    HedgeBookService book;

    @Inject
    StatementImportService statements;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    HistorySync historySync;

    @Inject
    ConnectionStore store;

    @Inject
    AccountEndpoints endpoints;

    @Inject
    FundingHistoryRepository funding;

    @Test
    void bybitFillsAndFundingAreSyncedAcrossPagesAndAFileOfTheSamePeriodAddsNothing() throws Exception {
        try (UserSession alice = UserSession.logInNew(root, "HistAlice")) {
            long userId = new Teams(users, teams).user(alice).id();
            long teamId = new Teams(users, teams).teamOf(alice);
            long pid = alice.createPortfolio("Linear");
            long id = StubConnections.connect(alice, teamId, "BYBIT", connections);
            choose(alice, teamId, id, pid);
            WebResponse synced = sync(alice, teamId, id);
            assertThat(synced.getStatusCode()).isEqualTo(303);
            assertThat(synced.getResponseHeaderValue("Location")).endsWith("?flash=connection-syncing");

            Hedge hedge = onlyHedge(userId, pid);
            assertThat(hedge.contractId()).isEqualTo("BYBIT:LTCUSDT");
            assertThat(hedge.side()).isEqualTo(Side.SHORT);
            assertThat(hedge.size()).isEqualByComparingTo("15");
            assertThat(hedge.margin()).isEqualByComparingTo("999.5215");
            List<HedgeEvent> events = book.events(userId, hedge.id());
            assertThat(events)
                    .extracting(HedgeEvent::type)
                    .containsExactly(
                            HedgeEventType.OPEN,
                            HedgeEventType.MARGIN_IN,
                            HedgeEventType.FUNDING,
                            HedgeEventType.INCREASE,
                            HedgeEventType.FUNDING);
            assertThat(events.get(1).cashChange()).isEqualByComparingTo("1000");
            assertThat(events.get(2).cashChange()).isEqualByComparingTo("0.17406");
            assertThat(events.get(3).fee())
                    .hasValueSatisfying(f -> assertThat(f).isEqualByComparingTo("0.242"));
            assertThat(events.get(4).cashChange()).isEqualByComparingTo("0.08703");
            assertThat(rows(pid)).isEqualTo(5);
            // the second page of the linear executions was asked for with the cursor of the first
            assertThat(VenueStubResource.stub.requests)
                    .anySatisfy(r -> assertThat(r)
                            .startsWith("/v5/execution/list?category=linear")
                            .contains("&cursor=page-2"));
            assertThat(history(alice, teamId, id))
                    .contains(
                            "Synced into Linear",
                            "Fills: 2 rows stored by the last sync (2 in all)",
                            "Funding, transfers and fees: 3 rows stored by the last sync (3 in all)");
            // the rows show in the hedge page's reconciliation as imported rows do
            funding.upsert(new FundingRateSeries(
                    "BYBIT:LTCUSDT",
                    "connection sync test",
                    List.of(new FundingRate(Instant.parse("2026-09-01T16:00:00Z"), new BigDecimal("0.0002")))));
            assertThat(alice.page("/hedges/" + hedge.id())
                            .getHtmlElementById("reconciliation")
                            .asNormalizedText())
                    .contains("2026-09-01 16:00 UTC", "0.17406");

            // the exchange's own file of the same period: every row is known
            StatementImportService.Preview preview =
                    statements.preview(userId, pid, "bybit.csv", file("bybit-ltc-synced-period.csv"), Optional.empty());
            assertThat(preview.plan().newRows()).isZero();
            assertThat(preview.plan().duplicates()).isEqualTo(5);
            assertThat(preview.importId()).isEmpty();

            // and the next sync, reading the last hour again, adds nothing either
            assertThat(sync(alice, teamId, id).getStatusCode()).isEqualTo(303);
            assertThat(rows(pid)).isEqualTo(5);
            assertThat(history(alice, teamId, id)).contains("Fills: 0 rows stored by the last sync (2 in all)");

            // while an instance holds the connection's lease, the page says a sync is running
            QuarkusTransaction.requiringNew()
                    .run(() -> connections.claim(id, "another-instance", Instant.now(), Duration.ofMinutes(5)));
            assertThat(history(alice, teamId, id)).contains("Syncing now");
            QuarkusTransaction.requiringNew()
                    .run(() -> connections.release(id, "another-instance", Instant.now(), null, null));
            assertThat(history(alice, teamId, id)).doesNotContain("Syncing now");
        }
    }

    @Test
    void aFileImportedFirstAndASyncOfTheSamePeriodStoreEachRowOnce() throws Exception {
        try (UserSession bob = UserSession.logInNew(root, "HistBob")) {
            long userId = new Teams(users, teams).user(bob).id();
            long teamId = new Teams(users, teams).teamOf(bob);
            long pid = bob.createPortfolio("From the file");
            StatementImportService.Preview preview =
                    statements.preview(userId, pid, "bybit.csv", file("bybit-ltc-synced-period.csv"), Optional.empty());
            assertThat(preview.plan().newRows()).isEqualTo(5);
            statements
                    .confirm(userId, preview.importId().orElseThrow(), Optional.empty())
                    .orElseThrow()
                    .get(60, TimeUnit.SECONDS);
            assertThat(rows(pid)).isEqualTo(5);
            Hedge hedge = onlyHedge(userId, pid);

            long id = StubConnections.connect(bob, teamId, "BYBIT", connections);
            choose(bob, teamId, id, pid);
            assertThat(sync(bob, teamId, id).getStatusCode()).isEqualTo(303);
            assertThat(rows(pid)).isEqualTo(5);
            assertThat(book.events(userId, hedge.id())).hasSize(5);
            assertThat(onlyHedge(userId, pid).size()).isEqualByComparingTo("15");
            assertThat(history(bob, teamId, id))
                    .contains(
                            "Fills: 0 rows stored by the last sync (0 in all)",
                            "Funding, transfers and fees: 0 rows stored by the last sync (0 in all)");
        }
    }

    @Test
    void binanceFillsIncomeAndFundingBecomeAHedgeAndItsTransactionHistoryAddsNothing() throws Exception {
        try (UserSession carol = UserSession.logInNew(root, "HistCarol")) {
            long userId = new Teams(users, teams).user(carol).id();
            long teamId = new Teams(users, teams).teamOf(carol);
            long pid = carol.createPortfolio("Coin-M");
            long id = StubConnections.connect(carol, teamId, "BINANCE", connections);
            choose(carol, teamId, id, pid);
            int before = VenueStubResource.stub.requests.size();
            assertThat(sync(carol, teamId, id).getStatusCode()).isEqualTo(303);

            Hedge hedge = onlyHedge(userId, pid);
            assertThat(hedge.contractId()).isEqualTo("BINANCE:LTCUSD_PERP");
            assertThat(hedge.side()).isEqualTo(Side.SHORT);
            assertThat(hedge.size()).isEqualByComparingTo("10");
            assertThat(hedge.margin()).isEqualByComparingTo("2");
            List<HedgeEvent> events = book.events(userId, hedge.id());
            assertThat(events)
                    .extracting(HedgeEvent::type)
                    .containsExactly(
                            HedgeEventType.OPEN,
                            HedgeEventType.MARGIN_IN,
                            HedgeEventType.FEE,
                            HedgeEventType.FUNDING,
                            HedgeEventType.FUNDING);
            assertThat(events.get(2).cashChange()).isEqualByComparingTo("-0.00057471");
            assertThat(events.subList(3, 5))
                    .allSatisfy(e -> assertThat(e.cashChange()).isEqualByComparingTo("0.0001"));
            assertThat(rows(pid)).isEqualTo(5);
            // fills asked for only for the contracts the income rows name and the one the account holds
            assertThat(VenueStubResource.stub.requests.subList(before, VenueStubResource.stub.requests.size()))
                    .filteredOn(r -> r.startsWith("/dapi/v1/userTrades"))
                    .allSatisfy(r -> assertThat(r).containsAnyOf("symbol=LTCUSD_PERP&", "symbol=ADAUSD_PERP&"));

            StatementImportService.Preview preview = statements.preview(
                    userId, pid, "binance.csv", file("binance-ltc-synced-period.csv"), Optional.empty());
            assertThat(preview.plan().newRows()).isZero();
            assertThat(preview.plan().duplicates()).isEqualTo(4);
        }
    }

    @Test
    void aServerErrorMidSyncKeepsTheWindowsDoneAndTheNextSyncResumesWithoutDuplicates() throws Exception {
        try (UserSession dave = UserSession.logInNew(root, "HistDave")) {
            long userId = new Teams(users, teams).user(dave).id();
            long teamId = new Teams(users, teams).teamOf(dave);
            long pid = dave.createPortfolio("Interrupted");
            long id = StubConnections.connect(dave, teamId, "BYBIT", connections);
            choose(dave, teamId, id, pid);
            AtomicLong failedAt = new AtomicLong();
            VenueStubResource.stub.onceWhen(
                    "/v5/account/transaction-log",
                    q -> {
                        long start = VenueStub.param(q, "startTime");
                        if (start > AFTER_OPENING) {
                            failedAt.set(start);
                            return true;
                        }
                        return false;
                    },
                    new VenueStub.Answer(503, "<html>busy</html>", Map.of()));
            WebResponse failed = sync(dave, teamId, id);
            // the positions were synced before the answer; the fills and funding stopped in the background
            assertThat(failed.getStatusCode()).isEqualTo(303);
            assertThat(dave.page("/teams/" + teamId + "/connections").asNormalizedText())
                    .contains("The exchange could not be reached");
            // the window of 2026-09-01 was committed: the transfer, the opening fill, the funding of 16:00
            assertThat(rows(pid)).isEqualTo(3);
            assertThat(onlyHedge(userId, pid).size()).isEqualByComparingTo("10");
            assertThat(history(dave, teamId, id)).contains("Stopped: The exchange could not be reached");

            int before = VenueStubResource.stub.requests.size();
            assertThat(sync(dave, teamId, id).getStatusCode()).isEqualTo(303);
            assertThat(rows(pid)).isEqualTo(5);
            Hedge hedge = onlyHedge(userId, pid);
            assertThat(hedge.size()).isEqualByComparingTo("15");
            assertThat(book.events(userId, hedge.id())).hasSize(5);
            // it resumed at the failed window (an hour before it), not two years back
            assertThat(VenueStubResource.stub.requests.subList(before, VenueStubResource.stub.requests.size()))
                    .filteredOn(r -> r.startsWith("/v5/"))
                    .filteredOn(r -> r.contains("startTime="))
                    .allSatisfy(r -> assertThat(VenueStub.param(r, "startTime"))
                            .isGreaterThanOrEqualTo(failedAt.get() - 3_600_000));
            assertThat(history(dave, teamId, id)).doesNotContain("Stopped:");
        }
    }

    /** A sync whose lease another instance holds now (it waited past it) stores nothing and leaves the rest to it. */
    @Test
    void aSyncThatLostItsLeaseStoresNothing() throws Exception {
        try (UserSession fay = UserSession.logInNew(root, "HistFay")) {
            long teamId = new Teams(users, teams).teamOf(fay);
            long pid = fay.createPortfolio("Taken over");
            long id = StubConnections.connect(fay, teamId, "BYBIT", connections);
            choose(fay, teamId, id, pid);
            QuarkusTransaction.requiringNew()
                    .run(() -> connections.claim(id, "another-instance", Instant.now(), Duration.ofMinutes(5)));
            ConnectionStore.SyncTarget target = store.forSync(id);
            assertThatThrownBy(() -> historySync.run(
                            id,
                            "this-instance",
                            target,
                            endpoints.client(target.venue(), target.credentials()),
                            List.of(),
                            Duration.ofMinutes(5),
                            RuntimeException::getMessage))
                    .isInstanceOf(HistorySync.LeaseLostException.class);
            assertThat(rows(pid)).isZero();
            assertThat(history(fay, teamId, id)).doesNotContain("Stopped:");
            QuarkusTransaction.requiringNew()
                    .run(() -> connections.release(id, "another-instance", Instant.now(), null, null));
        }
    }

    @Test
    void rateLimitsStopTheSyncUntilTheTimeTheVenueGives() throws Exception {
        try (UserSession erin = UserSession.logInNew(root, "HistErin")) {
            long userId = new Teams(users, teams).user(erin).id();
            long teamId = new Teams(users, teams).teamOf(erin);
            long pid = erin.createPortfolio("Limited");
            long binance = StubConnections.connect(erin, teamId, "BINANCE", connections);
            choose(erin, teamId, binance, pid);
            VenueStubResource.stub.onceWhen(
                    "/dapi/v1/income",
                    q -> VenueStub.param(q, "startTime") > AFTER_OPENING,
                    new VenueStub.Answer(
                            429, "{\"code\":-1003,\"msg\":\"Too many requests\"}", Map.of("Retry-After", "120")));
            assertThat(sync(erin, teamId, binance).getStatusCode()).isEqualTo(303);
            assertThat(history(erin, teamId, binance)).contains("Rate limited by the exchange; the sync resumes at");
            Instant next = QuarkusTransaction.requiringNew().call(() -> connections.of(teamId, binance).nextSyncAt);
            assertThat(next).isAfter(Instant.now().plusSeconds(100));
            // transfer, fill, commission and the 08:00 funding of the first window are kept
            assertThat(rows(pid)).isEqualTo(4);
            assertThat(sync(erin, teamId, binance).getStatusCode()).isEqualTo(303);
            assertThat(rows(pid)).isEqualTo(5);
            assertThat(book.events(userId, onlyHedge(userId, pid).id())).hasSize(5);

            // Bybit: retCode 10006 with the time its window resets
            long bybit = StubConnections.connect(erin, teamId, "BYBIT", connections);
            choose(erin, teamId, bybit, erin.createPortfolio("Limited too"));
            long reset = Instant.now().plusSeconds(90).toEpochMilli();
            VenueStubResource.stub.once(
                    "/v5/account/transaction-log",
                    new VenueStub.Answer(
                            200,
                            "{\"retCode\":10006,\"retMsg\":\"Too many visits!\",\"result\":{}}",
                            Map.of(
                                    "X-Bapi-Limit-Status",
                                    "0",
                                    "X-Bapi-Limit",
                                    "50",
                                    "X-Bapi-Limit-Reset-Timestamp",
                                    Long.toString(reset))));
            assertThat(sync(erin, teamId, bybit).getStatusCode()).isEqualTo(303);
            assertThat(history(erin, teamId, bybit)).contains("Rate limited by the exchange; the sync resumes at");
            Instant bybitNext = QuarkusTransaction.requiringNew().call(() -> connections.of(teamId, bybit).nextSyncAt);
            assertThat(bybitNext).isAfter(Instant.now().plusSeconds(60));
        }
    }

    private static void choose(UserSession s, long teamId, long id, long portfolioId) throws Exception {
        WebResponse chosen = s.post(
                "/teams/" + teamId + "/connections/" + id + "/portfolio", "portfolio", Long.toString(portfolioId));
        assertThat(chosen.getStatusCode()).as(chosen.getContentAsString()).isEqualTo(303);
    }

    /** The connection's "Fills and funding" section as text. */
    private static String history(UserSession s, long teamId, long id) throws Exception {
        return s.page("/teams/" + teamId + "/connections")
                .getHtmlElementById("history-" + id)
                .asNormalizedText();
    }

    /**
     * "Sync now": the positions before the answer, fills and funding in the background (the answer says so); waits
     * until the background part has released the connection's lease.
     */
    private WebResponse sync(UserSession s, long teamId, long id) throws Exception {
        WebResponse response = s.post("/teams/" + teamId + "/connections/" + id + "/sync");
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (QuarkusTransaction.requiringNew().call(() -> connections.of(teamId, id).leaseOwner) != null) {
            assertThat(System.nanoTime())
                    .as("the sync of connection %d ends", id)
                    .isLessThan(until);
            Thread.sleep(100);
        }
        return response;
    }

    private Hedge onlyHedge(long userId, long portfolioId) {
        List<Hedge> hedges = book.hedges(userId, portfolioId);
        assertThat(hedges).hasSize(1);
        return hedges.get(0);
    }

    private long rows(long portfolioId) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select count(*) from statement_row where portfolio_id = ?")) {
            s.setLong(1, portfolioId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static String file(String name) throws Exception {
        try (InputStream in = ConnectionHistorySyncTest.class.getResourceAsStream("/statements/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
