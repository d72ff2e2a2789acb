package io.hedgedesk.web.statement;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.hedgedesk.domain.hedge.Hedge;
import io.hedgedesk.domain.hedge.HedgeEvent;
import io.hedgedesk.domain.hedge.HedgeEventType;
import io.hedgedesk.domain.hedge.HedgeStatus;
import io.hedgedesk.domain.hedge.OpenHedge;
import io.hedgedesk.domain.instrument.Side;
import io.hedgedesk.domain.market.FundingRate;
import io.hedgedesk.domain.market.FundingRateSeries;
import io.hedgedesk.persistence.market.FundingHistoryRepository;
import io.hedgedesk.persistence.portfolio.PortfolioService;
import io.hedgedesk.persistence.team.TeamService;
import io.hedgedesk.persistence.user.AppUserRepository;
import io.hedgedesk.web.hedge.book.HedgeBookService;
import io.hedgedesk.web.support.Teams;
import io.hedgedesk.web.support.UserSession;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.htmlunit.WebResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Importing exchange statements end to end on the real database: upload → preview (nothing saved) → confirm → the
 * background import; the same and an overlapping file again; the reconciliation on the hedge page; bad files.
 *
 * <p>Worked example (Bybit LTCUSDT, linear, 1 LTC per unit; files under {@code statements/}): 1000 USDT transferred in,
 * SELL 10 @ 87.00 (fee 0.4785) opens a short, so the new hedge's margin is 1000 − 0.4785 = 999.5215 USDT. Stored rates
 * and the stored LTC closes (2025-05-31: 87.03, 2025-06-01: 88.39) give the expected funding of the short,
 * {@code rate × 10 × close of the day before}:
 * <pre>
 *   2025-06-01 08:00  0.0001 × 870.3 = 0.08703   paid 0.08703            → matched
 *   2025-06-01 16:00  0.0002 × 870.3 = 0.17406   paid 0.17406 twice      → duplicate
 *   2025-06-02 00:00 −0.0001 × 883.9 = −0.08839  paid +0.08839           → sign flipped
 *   2025-06-02 08:00  0.0001 × 883.9 = 0.08839   nothing                 → missing
 *   2025-06-02 16:00  0.0001 × 883.9 = 0.08839   paid 0.1 (13 % more)    → different
 * </pre>
 * BUY 10 @ 89.00 closes it: realized (87 − 89) × 10 = −20 USDT, the exchange's Cash Flow −20: matches.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class StatementImportTest {

    private static final Pattern CONFIRM =
            Pattern.compile("action=\"(/portfolios/\\d+/statements/[0-9a-f-]{36})/confirm\"");

    @TestHTTPResource("/")
    URL root;

    @Inject
    AppUserRepository users;

    @Inject
    TeamService teamService;

    @Inject
    PortfolioService portfolios;

    @Inject
    HedgeBookService book;

    @Inject
    FundingHistoryRepository funding;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void rates() {
        funding.upsert(new FundingRateSeries(
                "BYBIT:LTCUSDT",
                "statement import test",
                List.of(
                        rate("2025-06-01T00:00:00Z", "0.0001"),
                        rate("2025-06-01T08:00:00Z", "0.0001"),
                        rate("2025-06-01T16:00:00Z", "0.0002"),
                        rate("2025-06-02T00:00:00Z", "-0.0001"),
                        rate("2025-06-02T08:00:00Z", "0.0001"),
                        rate("2025-06-02T16:00:00Z", "0.0001"),
                        rate("2025-06-03T00:00:00Z", "0.0001"))));
        funding.upsert(new FundingRateSeries(
                "BINANCE:LTCUSD_PERP",
                "statement import test",
                List.of(rate("2025-06-01T08:00:00Z", "0.0001"), rate("2025-06-01T16:00:00Z", "0.0001"))));
    }

    @Test
    void aBybitLogOpensAHedgeAndImportingItAgainOrAnOverlappingFileAddsOnlyWhatIsNew() throws Exception {
        Teams teams = new Teams(users, teamService);
        try (UserSession alice = UserSession.logInNew(root, "Alice")) {
            long portfolio = alice.createPortfolio("Statements");
            long aliceId = teams.user(alice).id();
            String base = "/portfolios/" + portfolio + "/statements";
            assertThat(alice.page("/portfolios/" + portfolio).asNormalizedText())
                    .contains("Import an exchange statement");

            WebResponse preview = alice.postFile(base, "bybit-ltc-part1.csv", file("bybit-ltc-part1.csv"), true);
            assertThat(preview.getStatusCode()).isEqualTo(200);
            String text = preview.getContentAsString();
            assertThat(text).contains("Nothing has been saved yet", "Bybit unified account transaction log");
            assertThat(summary(text))
                    .containsSubsequence(
                            "Rows read",
                            "5",
                            "New",
                            "5",
                            "Already imported",
                            "0",
                            "Match no hedge",
                            "0",
                            "Hedges opened from the file",
                            "1");
            // how each row was read, as the user checks it against the exchange
            assertThat(text)
                    .contains(
                            "Type TRADE → TRADE; fee = −Fee Paid = 0.4785",
                            "SELL 10 @ 87.00, fee 0.4785",
                            "new → opens a new hedge on BYBIT:LTCUSDT (SHORT 10 @ 87.00)",
                            "new → margin of a new hedge on BYBIT:LTCUSDT at its opening",
                            "0.17406 USDT funding (+ received)");
            assertThat(book.hedges(aliceId, portfolio)).isEmpty();
            assertThat(count("select count(*) from statement_row where portfolio_id = ?", portfolio))
                    .isZero();

            assertThat(finish(alice, confirmPath(text))).contains("Done: 5 rows stored, 1 hedge opened from the file.");
            Hedge hedge = part1Imported(aliceId, portfolio);
            assertThat(portfolios.auditTrail(aliceId, portfolio))
                    .extracting(e -> e.action() + " " + e.objectType())
                    .contains("IMPORT_STATEMENT PORTFOLIO", "IMPORT_STATEMENT HEDGE", "OPEN HEDGE");

            // the same file again: everything is already imported, nothing to confirm
            String again = alice.postFile(base, "bybit-ltc-part1.csv", file("bybit-ltc-part1.csv"), true)
                    .getContentAsString();
            assertThat(summary(again)).containsSubsequence("Rows read", "5", "New", "0", "Already imported", "5");
            assertThat(again).contains("Nothing new to import").doesNotContain("/confirm");

            // an overlapping file: its two 16:00 payments are known, the rest attaches to the hedge and closes it
            String overlap = alice.postFile(base, "bybit-ltc-part2.csv", file("bybit-ltc-part2.csv"), true)
                    .getContentAsString();
            assertThat(summary(overlap)).containsSubsequence("Rows read", "5", "New", "3", "Already imported", "2");
            assertThat(overlap).contains("new → hedge #" + hedge.id() + " as CLOSE + MARGIN_OUT");
            assertThat(finish(alice, confirmPath(overlap))).contains("Done: 3 rows stored, 0 hedges");
            assertThat(count("select count(*) from statement_row where portfolio_id = ?", portfolio))
                    .isEqualTo(8);
            Hedge closed = book.hedges(aliceId, portfolio).get(0);
            assertThat(closed.status()).isEqualTo(HedgeStatus.CLOSED);
            assertThat(closed.realizedPnl()).isEqualByComparingTo("-20");

            // the reconciliation on the hedge page, settlement by settlement, and the close
            String page = alice.page("/hedges/" + hedge.id())
                    .getHtmlElementById("reconciliation")
                    .asNormalizedText();
            assertThat(page)
                    .containsSubsequence(
                            "2025-06-01 08:00 UTC",
                            "0.01 %",
                            "0.08703 USDT",
                            "0.08703 USDT",
                            "matched",
                            "2025-06-01 16:00 UTC",
                            "0.02 %",
                            "0.17406 USDT",
                            "0.34812 USDT",
                            "duplicate: the exchange booked 2 payments",
                            "2025-06-02 00:00 UTC",
                            "-0.01 %",
                            "-0.08839 USDT",
                            "0.08839 USDT",
                            "sign flipped: received where it should have been paid",
                            "2025-06-02 08:00 UTC",
                            "0.01 %",
                            "0.08839 USDT",
                            "—",
                            "missing: the exchange booked no payment",
                            "2025-06-02 16:00 UTC",
                            "0.01 %",
                            "0.08839 USDT",
                            "0.1 USDT",
                            "different: further from the expectation than 5 %",
                            "2025-06-02 20:00 UTC",
                            "10 @ 89.00",
                            "-20 USDT",
                            "-20 USDT",
                            "0 USDT",
                            "matches");
            assertThat(page).contains("4 items to check");
        }
    }

    @Test
    void aBinanceHistoryAttachesToTheOpenHedgeOfItsContractAndTransfersBecomeMarginMoves() throws Exception {
        Teams teams = new Teams(users, teamService);
        try (UserSession bea = UserSession.logInNew(root, "Bea")) {
            long portfolio = bea.createPortfolio("Coin-M");
            long beaId = teams.user(bea).id();
            long hedgeId = book.open(
                    beaId,
                    UUID.randomUUID(),
                    new OpenHedge(
                            portfolio,
                            "BINANCE:LTCUSD_PERP",
                            Side.SHORT,
                            new BigDecimal("100"),
                            new BigDecimal("87"),
                            new BigDecimal("2"),
                            new BigDecimal("6"),
                            "EXTRA_COIN",
                            List.of(),
                            BigDecimal.ONE,
                            "",
                            BigDecimal.ZERO,
                            Optional.of(Instant.parse("2025-06-01T00:00:00Z"))));
            String base = "/portfolios/" + portfolio + "/statements";
            String text = bea.postFile(base, "binance.csv", file("binance-ltc-coinm.csv"), true)
                    .getContentAsString();
            assertThat(summary(text))
                    .containsSubsequence(
                            "Rows read",
                            "4",
                            "New",
                            "3",
                            "Already imported",
                            "0",
                            "Match no hedge",
                            "0",
                            "Not imported (other kinds of row)",
                            "1");
            assertThat(text)
                    .contains(
                            "type FUNDING_FEE → FUNDING; Amount 0.00114903 (positive = credited)",
                            "new → hedge #" + hedgeId + " as MARGIN_IN");
            assertThat(finish(bea, confirmPath(text))).contains("Done: 3 rows stored");
            assertThat(book.events(beaId, hedgeId))
                    .extracting(HedgeEvent::type)
                    .containsExactly(
                            HedgeEventType.OPEN,
                            HedgeEventType.MARGIN_IN,
                            HedgeEventType.FUNDING,
                            HedgeEventType.MARGIN_IN,
                            HedgeEventType.FUNDING);
            assertThat(book.hedge(beaId, hedgeId).hedge().margin()).isEqualByComparingTo("6.5");
            // 100 contracts × 10 USD / 87.03 USD per LTC = 11.49029... LTC; × 0.0001 = 0.00114903 LTC each
            assertThat(bea.page("/hedges/" + hedgeId)
                            .getHtmlElementById("reconciliation")
                            .asNormalizedText())
                    .containsSubsequence(
                            "2025-06-01 08:00 UTC",
                            "0.00114903",
                            "0.00114903",
                            "matched",
                            "2025-06-01 16:00 UTC",
                            "0.00114903",
                            "0.00114903",
                            "matched");

            // the account statement names its account: the first one imported is the portfolio's
            String first = bea.postFile(base, "s111.csv", file("binance-statement-111.csv"), true)
                    .getContentAsString();
            assertThat(finish(bea, confirmPath(first))).contains("Done: 1 row stored");
            WebResponse other = bea.postFile(base, "s222.csv", file("binance-statement-222.csv"), true);
            assertThat(other.getStatusCode()).isEqualTo(400);
            assertThat(other.getContentAsString())
                    .contains(
                            "This file cannot be imported: 1 problem. Nothing was saved.",
                            "line 2: account 222 is not this portfolio&#39;s BINANCE account 111 (the first one imported)")
                    .doesNotContain("/confirm");
            assertThat(count("select count(*) from statement_row where portfolio_id = ?", portfolio))
                    .isEqualTo(4);
        }
    }

    @Test
    void badFilesAreRefusedAtTheTopAndNothingIsSaved() throws Exception {
        try (UserSession carl = UserSession.logInNew(root, "Carl")) {
            long portfolio = carl.createPortfolio("Refusals");
            String base = "/portfolios/" + portfolio + "/statements";

            WebResponse holdings = carl.postFile(base, "holdings.csv", "asset,quantity\nBTC,1\n", true);
            assertThat(holdings.getStatusCode()).isEqualTo(400);
            assertThat(holdings.getContentAsString())
                    .contains(
                            "Nothing was saved.",
                            "This file&#39;s header (asset,quantity) is none of the exports hedgedesk reads",
                            "Binance futures transaction history",
                            "Date(UTC),type,Amount,Asset,Symbol,Transaction ID");

            WebResponse unknown = carl.postFile(base, "foo.csv", file("bybit-unknown-contract.csv"), true);
            assertThat(unknown.getStatusCode()).isEqualTo(400);
            assertThat(unknown.getContentAsString())
                    .contains("line 3: contract FOOUSDT is not one hedgedesk knows on BYBIT");

            WebResponse bad = carl.postFile(base, "bad.csv", file("bybit-bad-line.csv"), true);
            assertThat(bad.getStatusCode()).isEqualTo(400);
            assertThat(bad.getContentAsString())
                    .contains(
                            "line 4: Change must be a plain number such as -0.0025, was " + "&quot;1.5e-3&quot;",
                            "new → opens a new hedge on BYBIT:LTCUSDT")
                    .doesNotContain("/confirm");

            WebResponse huge =
                    carl.postFile(base, "huge.csv", "x".repeat((int) StatementImportService.MAX_BYTES + 1), true);
            assertThat(huge.getStatusCode()).isEqualTo(400);
            assertThat(huge.getContentAsString()).contains("The file is larger than 50 MB; split it by date range");

            assertThat(count("select count(*) from statement_row where portfolio_id = ?", portfolio))
                    .isZero();
            assertThat(count("select count(*) from statement_import where portfolio_id = ?", portfolio))
                    .isZero();
            assertThat(count("select count(*) from hedge_position where portfolio_id = ?", portfolio))
                    .isZero();
        }
    }

    @Test
    void viewersCannotImport() throws Exception {
        Teams teams = new Teams(users, teamService);
        try (UserSession owner = UserSession.logInNew(root, "Olga");
                UserSession viewer = UserSession.logInNew(root, "Vic")) {
            long portfolio = owner.createPortfolio("Shared");
            teams.join(owner, viewer, io.hedgedesk.domain.team.Role.VIEWER);
            assertThat(viewer.getStatus("/portfolios/" + portfolio + "/statements"))
                    .isEqualTo(403);
            WebResponse posted = viewer.postFile(
                    "/portfolios/" + portfolio + "/statements", "a.csv", file("bybit-ltc-part1.csv"), true);
            assertThat(posted.getStatusCode()).isEqualTo(403);
            assertThat(count("select count(*) from statement_import where portfolio_id = ?", portfolio))
                    .isZero();
        }
    }

    private static FundingRate rate(String time, String rate) {
        return new FundingRate(Instant.parse(time), new BigDecimal(rate));
    }

    /** A file in time order is planned as it streams (no sorting): the same result as the file newest first. */
    @Test
    void theSameFileOldestFirstImportsTheSame() throws Exception {
        Teams teams = new Teams(users, teamService);
        try (UserSession cleo = UserSession.logInNew(root, "Cleo")) {
            long portfolio = cleo.createPortfolio("Oldest first");
            long cleoId = teams.user(cleo).id();
            List<String> lines = file("bybit-ltc-part1.csv").lines().toList();
            List<String> rows = new ArrayList<>(lines.subList(2, lines.size()));
            Collections.reverse(rows);
            String oldestFirst = String.join("\n", lines.subList(0, 2)) + "\n" + String.join("\n", rows) + "\n";
            String text = cleo.postFile(
                            "/portfolios/" + portfolio + "/statements", "oldest-first.csv", oldestFirst, true)
                    .getContentAsString();
            assertThat(summary(text))
                    .containsSubsequence(
                            "Rows read",
                            "5",
                            "New",
                            "5",
                            "Already imported",
                            "0",
                            "Match no hedge",
                            "0",
                            "Hedges opened from the file",
                            "1");
            assertThat(finish(cleo, confirmPath(text))).contains("Done: 5 rows stored, 1 hedge opened from the file.");
            part1Imported(cleoId, portfolio);
            assertThat(count("select count(*) from statement_row where portfolio_id = ?", portfolio))
                    .isEqualTo(5);
        }
    }

    /** The hedge bybit-ltc-part1.csv opens, checked: its position and its ledger. */
    private Hedge part1Imported(long userId, long portfolio) {
        List<Hedge> hedges = book.hedges(userId, portfolio);
        assertThat(hedges).hasSize(1);
        Hedge hedge = hedges.get(0);
        assertThat(hedge.contractId()).isEqualTo("BYBIT:LTCUSDT");
        assertThat(hedge.side()).isEqualTo(Side.SHORT);
        assertThat(hedge.size()).isEqualByComparingTo("10");
        // margin: 1000 transferred − 0.4785 opening fee = 999.5215
        assertThat(hedge.margin()).isEqualByComparingTo("999.5215");
        assertThat(hedge.openedAt()).isEqualTo(Instant.parse("2025-06-01T07:30:00Z"));
        List<HedgeEvent> events = book.events(userId, hedge.id());
        assertThat(events)
                .extracting(HedgeEvent::type)
                .containsExactly(
                        HedgeEventType.OPEN,
                        HedgeEventType.MARGIN_IN,
                        HedgeEventType.FUNDING,
                        HedgeEventType.FUNDING,
                        HedgeEventType.FUNDING);
        assertThat(events.get(1).cashChange()).isEqualByComparingTo("1000");
        // the two equal payments at 16:00 stay two
        assertThat(events.subList(2, 5))
                .extracting(e -> e.cashChange().stripTrailingZeros().toPlainString())
                .containsExactly("0.08703", "0.17406", "0.17406");
        return hedge;
    }

    static String file(String name) throws IOException {
        try (InputStream in = StatementImportTest.class.getResourceAsStream("/statements/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String confirmPath(String preview) {
        Matcher m = CONFIRM.matcher(preview);
        assertThat(m.find()).as("a confirm form in the preview").isTrue();
        return m.group(1);
    }

    /** Confirms the import and waits for it to finish; the progress page's status text. */
    private static String finish(UserSession user, String importPath) throws Exception {
        WebResponse confirmed = user.post(importPath + "/confirm", "hedge", "auto");
        assertThat(confirmed.getStatusCode()).isEqualTo(303);
        // a running import's page refreshes itself every 2 s; here the loop below reloads it instead
        user.browser().setRefreshHandler((page, url, seconds) -> {});
        for (int i = 0; i < 200; i++) {
            var status = user.page(importPath + "/progress").getHtmlElementById("import-status");
            if (status.getAttribute("data-status").equals("DONE")
                    || status.getAttribute("data-status").equals("FAILED")) {
                return status.asNormalizedText();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the import did not finish");
    }

    private static String summary(String html) {
        int start = html.indexOf("id=\"import-summary\"");
        return html.substring(start, html.indexOf("</table>", start)).replaceAll("<[^>]+>", " ");
    }

    private long count(String sql, long id) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
