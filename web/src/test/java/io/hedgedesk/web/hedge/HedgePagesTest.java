package io.hedgedesk.web.hedge;

import static org.assertj.core.api.Assertions.assertThat;

import io.hedgedesk.domain.hedge.Hedge;
import io.hedgedesk.domain.hedge.HedgeEvent;
import io.hedgedesk.domain.hedge.HedgeStatus;
import io.hedgedesk.domain.portfolio.Holding;
import io.hedgedesk.domain.portfolio.HoldingDraft;
import io.hedgedesk.domain.portfolio.HoldingInput;
import io.hedgedesk.domain.team.Role;
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
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URL;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.htmlunit.WebResponse;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Hedge pages: record, track, act with confirmation, history and CSV export; viewers and other teams. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class HedgePagesTest {

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

    Teams teams;

    @BeforeEach
    void setUp() {
        teams = new Teams(users, teamService);
    }

    private Holding addBtc(UserSession s, long portfolioId, String quantity) {
        return portfolios.addHolding(
                teams.user(s).id(),
                portfolioId,
                UUID.randomUUID(),
                HoldingDraft.parse(new HoldingInput("BTC", false, quantity, "Cold", "", "", ""), LocalDate.now()));
    }

    private static HtmlPage submit(HtmlForm form) throws Exception {
        return form.getOneHtmlElementByAttribute("button", "type", "submit").click();
    }

    private static HtmlForm form(HtmlPage page, String actionEnd) {
        return page.getForms().stream()
                .filter(f -> f.getActionAttribute().endsWith(actionEnd))
                .findFirst()
                .orElseThrow();
    }

    /** The "record an opened hedge" form of the portfolio, filled in with a short's contract, size, entry and margin. */
    private static HtmlForm openForm(
            UserSession s, long portfolioId, String contractId, String size, String entryPrice, String margin)
            throws Exception {
        HtmlForm open = form(s.page("/portfolios/" + portfolioId + "/hedges/new"), "/hedges");
        open.getSelectByName("contractId").setSelectedAttribute(contractId, true);
        open.getInputByName("size").setValue(size);
        open.getInputByName("entryPrice").setValue(entryPrice);
        open.getInputByName("leverage").setValue("2");
        open.getInputByName("margin").setValue(margin);
        return open;
    }

    private long recordThroughForm(UserSession s, long portfolioId, long holdingId) throws Exception {
        HtmlForm open = openForm(s, portfolioId, "BYBIT:BTCUSD", "10000", "50000", "0.1");
        open.getInputByName("fee").setValue("0.00012");
        open.getInputsByName("holding").stream()
                .filter(i -> i.getValueAttribute().equals(Long.toString(holdingId)))
                .findFirst()
                .orElseThrow()
                .setChecked(true);
        HtmlPage tracked = submit(open);
        assertThat(tracked.getUrl().getPath()).startsWith("/hedges/");
        assertThat(tracked.asNormalizedText()).contains("Hedge recorded.", "BYBIT:BTCUSD short");
        return Long.parseLong(tracked.getUrl().getPath().substring("/hedges/".length()));
    }

    /**
     * A coin under 1 USD: prices keep their digits. Short 10 BINANCE:DOGEUSD_PERP (10 USD each) at 0.1032: the entry is
     * shown at the contract's tick of 0.00001 (0.10320), the fill in the ledger as entered (0.1032); at 2 decimals both
     * were 0.10.
     */
    @Test
    void pricesOfACheapCoinKeepTheirDigits() throws Exception {
        try (UserSession dora = UserSession.logInNew(root, "Dora")) {
            long pid = dora.createPortfolio("Dog bag");
            HtmlPage tracked = submit(openForm(dora, pid, "BINANCE:DOGEUSD_PERP", "10", "0.1032", "484.5"));
            assertThat(tracked.asNormalizedText()).contains("Hedge recorded.", "Average entry\t0.10320");
            assertThat(tracked.getByXPath("//table[contains(@class,'ledger')]//tr[td[2]='opened']/td[6]"))
                    .singleElement()
                    .extracting(n -> ((org.htmlunit.html.DomNode) n).getTextContent())
                    .isEqualTo("0.1032");
        }
    }

    /**
     * Short 10,000 BYBIT:BTCUSD (1 USD each) at 50,000; reduce 5,000 at 40,000: realized 5,000·(1/40,000 − 1/50,000)
     * = 0.125 − 0.1 = 0.025 BTC, worth 0.025 × 40,000 = 1,000.00 USD (hand arithmetic).
     */
    @Test
    void anEditorRecordsTracksReducesWithConfirmationAndClosesAndSpotIsUntouched() throws Exception {
        try (UserSession alice = UserSession.logInNew(root, "Alice")) {
            long pid = alice.createPortfolio("Bags");
            Holding bag = addBtc(alice, pid, "0.2");
            long id = recordThroughForm(alice, pid, bag.id());

            assertThat(alice.page("/dashboard").asNormalizedText()).contains("#" + id + " BYBIT:BTCUSD short");
            // the form is submitted from the last page loaded (the CSRF token changes with each page)
            HtmlPage track = alice.page("/hedges/" + id);
            assertThat(track.asNormalizedText()).contains("Ledger", "opened", "margin added");

            HtmlForm action = form(track, "/confirm");
            action.getSelectByName("type").setSelectedAttribute("REDUCE", true);
            action.getInputByName("quantity").setValue("5000");
            action.getInputByName("price").setValue("40000");
            HtmlPage confirm = submit(action);
            // half the size closed: half the margin released (0.1 × 5,000/10,000)
            assertThat(confirm.asNormalizedText())
                    .contains(
                            "Realized PnL 0.025 BTC (1,000.00 USD)",
                            "Margin 0.1 BTC → 0.05 BTC",
                            "Spot holdings are not changed.");
            assertThat(book.events(teams.user(alice).id(), id)).hasSize(2);

            HtmlPage after = submit(form(confirm, "/actions"));
            assertThat(after.asNormalizedText()).contains("Recorded in the hedge's ledger.");
            Hedge reduced = book.hedge(teams.user(alice).id(), id).hedge();
            assertThat(reduced.size()).isEqualByComparingTo("5000");
            assertThat(reduced.realizedPnl()).isEqualByComparingTo("0.025");

            // resubmitting the confirmed form records nothing more
            WebResponse again = alice.post(
                    "/hedges/" + id + "/actions",
                    "type",
                    "REDUCE",
                    "quantity",
                    "5000",
                    "price",
                    "40000",
                    "version",
                    Long.toString(reduced.version()),
                    "formToken",
                    form(confirm, "/actions").getInputByName("formToken").getValue());
            assertThat(again.getStatusCode()).isEqualTo(303);
            assertThat(book.events(teams.user(alice).id(), id)).hasSize(3);

            // a stale version is a conflict and saves nothing
            WebResponse stale = alice.post(
                    "/hedges/" + id + "/actions",
                    "type",
                    "FUNDING",
                    "amount",
                    "0.0001",
                    "version",
                    Long.toString(reduced.version() - 1),
                    "formToken",
                    UUID.randomUUID().toString());
            assertThat(stale.getStatusCode()).isEqualTo(409);

            // bad input: message next to the field, nothing saved
            WebResponse bad = alice.post(
                    "/hedges/" + id + "/confirm",
                    "type",
                    "REDUCE",
                    "quantity",
                    "abc",
                    "price",
                    "1",
                    "version",
                    Long.toString(reduced.version()));
            assertThat(bad.getStatusCode()).isEqualTo(400);
            assertThat(bad.getContentAsString()).contains("id=\"quantity-error\"");

            WebResponse closed = alice.post(
                    "/hedges/" + id + "/actions",
                    "type",
                    "CLOSE",
                    "price",
                    "50000",
                    "version",
                    Long.toString(reduced.version()),
                    "formToken",
                    UUID.randomUUID().toString());
            assertThat(closed.getStatusCode()).isEqualTo(303);
            assertThat(book.hedge(teams.user(alice).id(), id).hedge().status()).isEqualTo(HedgeStatus.CLOSED);
            assertThat(portfolios.holding(teams.user(alice).id(), pid, bag.id()).version())
                    .isEqualTo(bag.version());
        }
    }

    /**
     * A short's stop below the mark would fire at once: 400, the reason at the top of the page, the typed values kept
     * in the targets form, nothing saved.
     */
    @Test
    void aStopOnTheWrongSideIsRefusedAtTheTopAndWhatWasTypedIsKept() throws Exception {
        try (UserSession alice = UserSession.logInNew(root, "Alice")) {
            long pid = alice.createPortfolio("Targets");
            long id = recordThroughForm(alice, pid, addBtc(alice, pid, "0.2").id());
            long userId = teams.user(alice).id();
            book.enterMark(userId, id, book.hedge(userId, id).hedge().version(), new BigDecimal("50000"));
            HedgeBookService.HedgeAccess access = book.hedge(userId, id);
            String wrongStop = book.mark(access)
                    .orElseThrow()
                    .price()
                    .subtract(new BigDecimal("1000"))
                    .toPlainString();

            WebResponse refused = alice.post(
                    "/hedges/" + id + "/targets",
                    "stopPrice",
                    wrongStop,
                    "takeProfitPrice",
                    "",
                    "maxFundingCostUsd",
                    "75",
                    "version",
                    Long.toString(access.hedge().version()));

            assertThat(refused.getStatusCode()).isEqualTo(400);
            String html = refused.getContentAsString();
            assertThat(html)
                    .contains(
                            "id=\"targets-refused\"",
                            "stop must be above the current mark",
                            "id=\"stopPrice-error\"",
                            "value=\"" + wrongStop + "\"",
                            "value=\"75\"");
            assertThat(html.indexOf("targets-refused")).isLessThan(html.indexOf("<h2>Position</h2>"));
            Hedge unchanged = book.hedge(userId, id).hedge();
            assertThat(unchanged.stopPrice()).isEmpty();
            assertThat(unchanged.maxFundingCostUsd()).isEmpty();
            assertThat(unchanged.version()).isEqualTo(access.hedge().version());
        }
    }

    @Test
    void viewersReadAndExportButCannotActAndOtherTeamsGet404() throws Exception {
        try (UserSession alice = UserSession.logInNew(root, "Alice");
                UserSession victor = UserSession.logInNew(root, "Victor");
                UserSession mallory = UserSession.logInNew(root, "Mallory")) {
            long pid = alice.createPortfolio("Shared");
            Holding bag = addBtc(alice, pid, "0.2");
            long id = recordThroughForm(alice, pid, bag.id());
            teams.join(alice, victor, Role.VIEWER);
            long version = book.hedge(teams.user(alice).id(), id).hedge().version();

            assertThat(victor.getStatus("/hedges/" + id)).isEqualTo(200);
            assertThat(victor.page("/hedges/" + id).getForms())
                    .noneMatch(f -> f.getActionAttribute().contains("/hedges/"));
            assertThat(victor.getStatus("/hedges/export.csv?portfolio=" + pid)).isEqualTo(200);
            assertThat(victor.post(
                                    "/hedges/" + id + "/actions",
                                    "type",
                                    "MARGIN_IN",
                                    "amount",
                                    "1",
                                    "version",
                                    Long.toString(version),
                                    "formToken",
                                    UUID.randomUUID().toString())
                            .getStatusCode())
                    .isEqualTo(403);
            assertThat(victor.getStatus("/portfolios/" + pid + "/hedges/new")).isEqualTo(403);

            assertThat(mallory.getStatus("/hedges/" + id)).isEqualTo(404);
            assertThat(mallory.getStatus("/hedges/export.csv?portfolio=" + pid)).isEqualTo(404);
            assertThat(mallory.post(
                                    "/hedges/" + id + "/actions",
                                    "type",
                                    "MARGIN_IN",
                                    "amount",
                                    "1",
                                    "version",
                                    Long.toString(version),
                                    "formToken",
                                    UUID.randomUUID().toString())
                            .getStatusCode())
                    .isEqualTo(404);
            assertThat(mallory.post(
                                    "/hedges/" + id + "/confirm",
                                    "type",
                                    "MARGIN_IN",
                                    "amount",
                                    "1",
                                    "version",
                                    Long.toString(version))
                            .getStatusCode())
                    .isEqualTo(404);
            assertThat(mallory.page("/hedges").asNormalizedText()).contains("No hedge events match.");

            assertThat(alice.postWithoutCsrf(
                                    "/hedges/" + id + "/actions",
                                    "type",
                                    "MARGIN_IN",
                                    "amount",
                                    "1",
                                    "version",
                                    Long.toString(version),
                                    "formToken",
                                    UUID.randomUUID().toString())
                            .getStatusCode())
                    .isEqualTo(400);
            assertThat(book.events(teams.user(alice).id(), id)).hasSize(2);
        }
    }

    @Test
    void theNativeCsvParsesBackToTheLedgerAndNeutralizesFormulas() throws Exception {
        try (UserSession alice = UserSession.logInNew(root, "Alice")) {
            long pid = alice.createPortfolio("=HYPERLINK(\"x\")");
            Holding bag = addBtc(alice, pid, "0.2");
            long id = recordThroughForm(alice, pid, bag.id());
            long version = book.hedge(teams.user(alice).id(), id).hedge().version();
            assertThat(alice.post(
                                    "/hedges/" + id + "/actions",
                                    "type",
                                    "FUNDING",
                                    "amount",
                                    "-0.00005",
                                    "note",
                                    "-2+3 @cmd",
                                    "version",
                                    Long.toString(version),
                                    "formToken",
                                    UUID.randomUUID().toString())
                            .getStatusCode())
                    .isEqualTo(303);

            WebResponse csv = alice.browser()
                    .getPage(new URL(root, "/hedges/export.csv?format=native&portfolio=" + pid))
                    .getWebResponse();
            assertThat(csv.getContentType()).isEqualTo("text/csv");
            assertThat(csv.getContentCharset().name()).isEqualTo("UTF-8");
            assertThat(csv.getResponseHeaderValue("Cache-Control")).isEqualTo("no-store");
            assertThat(csv.getResponseHeaderValue("Content-Disposition"))
                    .matches("attachment; filename=\"hedges-HYPERLINK-x-\\d{4}-\\d{2}-\\d{2}-native.csv\"");
            List<CSVRecord> records = CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(new StringReader(csv.getContentAsString()))
                    .getRecords();
            List<HedgeEvent> ledger = book.events(teams.user(alice).id(), id);
            assertThat(records).hasSize(ledger.size());
            for (int i = 0; i < ledger.size(); i++) {
                HedgeEvent e = ledger.get(i);
                CSVRecord r = records.get(i);
                assertThat(Long.parseLong(r.get("event_id"))).isEqualTo(e.id());
                assertThat(r.get("timestamp_utc")).isEqualTo(e.occurredAt().toString());
                assertThat(r.get("event_type")).isEqualTo(e.type().name());
                // coins at most 8 decimals, USD 2 (the export's rounding)
                assertThat(new BigDecimal(r.get("cash_change")))
                        .isEqualByComparingTo(e.cashChange().setScale(8, java.math.RoundingMode.HALF_EVEN));
                assertThat(new BigDecimal(r.get("cash_change_usd")))
                        .isEqualByComparingTo(e.cashChangeUsd().setScale(2, java.math.RoundingMode.HALF_EVEN));
                assertThat(r.get("portfolio")).isEqualTo("'=HYPERLINK(\"x\")");
                assertThat(r.get("instrument")).isEqualTo("BYBIT:BTCUSD");
            }
            CSVRecord funding = records.get(2);
            assertThat(funding.get("funding_amount")).isEqualTo("-0.00005");
            assertThat(funding.get("note")).isEqualTo("'-2+3 @cmd");
            assertThat(records.get(0).get("quantity_unit")).isEqualTo("CONTRACTS");
            assertThat(new BigDecimal(records.get(0).get("usd_notional"))).isEqualByComparingTo("10000");

            for (String preset : List.of("koinly", "cointracker", "rotki")) {
                WebResponse p = alice.browser()
                        .getPage(new URL(root, "/hedges/export.csv?format=" + preset + "&portfolio=" + pid))
                        .getWebResponse();
                assertThat(p.getStatusCode()).isEqualTo(200);
                List<CSVRecord> rows = CSVFormat.RFC4180
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .get()
                        .parse(new StringReader(p.getContentAsString()))
                        .getRecords();
                // opening fee, margin in, funding paid
                assertThat(rows).hasSize(3);
            }
        }
    }
}
