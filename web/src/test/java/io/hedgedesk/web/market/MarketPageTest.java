package io.hedgedesk.web.market;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.agroal.api.AgroalDataSource;
import io.hedgedesk.domain.market.MarketTick;
import io.hedgedesk.persistence.market.MarketTickRepository;
import io.hedgedesk.web.support.SqlCount;
import io.hedgedesk.web.support.UserSession;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.htmlunit.WebResponse;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlTableCell;
import org.htmlunit.html.HtmlTableRow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The market page's numbers against hand arithmetic, its sources and stale flags, the contract page's chart and the
 * manual mark. Ticks are written with the repository the venue adapters use; the shipped history (closes to
 * 2025-12-31, funding to 2024-03-16 or 2023-12-31) is the fallback.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class MarketPageTest {

    private static final List<String> CONTRACTS = List.of(
            "BINANCE:LINKUSD_PERP",
            "BINANCE:DOTUSD_PERP",
            "BINANCE:ADAUSD_PERP",
            "BINANCE:LTCUSD_PERP",
            "BINANCE:AVAXUSD_PERP",
            "BYBIT:BTCUSDT",
            "DERIBIT:BTC-PERPETUAL");

    @TestHTTPResource("/")
    URL root;

    @Inject
    MarketTickRepository ticks;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void noTicksOfTheseContracts() throws Exception {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.executeUpdate("delete from market_tick where contract_id in ('" + String.join("','", CONTRACTS) + "')");
        }
    }

    @Test
    void anonymousVisitorsAreSentToLogIn() {
        given().redirects()
                .follow(false)
                .when()
                .get("/market")
                .then()
                .statusCode(302)
                .header("Location", containsString("/auth/realms/quarkus"));
        given().redirects()
                .follow(false)
                .when()
                .get("/market/BYBIT:BTCUSDT")
                .then()
                .statusCode(302);
    }

    @Test
    void aVenueTickGivesBasisAndAnnualizedFundingAsWorkedByHand() throws Exception {
        Instant now = Instant.now();
        tick(
                "BINANCE:LINKUSD_PERP",
                "15.2530",
                "15.2000",
                "0.000125",
                Optional.of(8),
                now.minusSeconds(60),
                Optional.of(Instant.parse("2030-01-01T16:00:00Z")));
        // a 1 h interval reported by the venue overrides the catalog's 8 h
        tick("BINANCE:DOTUSD_PERP", "4.50", "4.51", "0.00002", Optional.of(1), now.minusSeconds(60), Optional.empty());

        try (UserSession user = UserSession.logInNewAdmin(root, "Marta")) {
            HtmlPage page = user.page("/market");
            assertThat(page.getTitleText()).isEqualTo("Market · hedgedesk");
            assertThat(page.getAnchorByHref("/market").getTextContent()).isEqualTo("Market");
            assertThat(page.getAnchorByHref("/market/backfill").getTextContent())
                    .isEqualTo("Backfill from a venue");
            assertThat(page.getAnchorByHref("/market/import").getTextContent())
                    .isEqualTo("Import price or funding history");
            assertThat(page.getHtmlElementById("market").getElementsByTagName("tr"))
                    .hasSize(1 + 40);

            List<String> link = row(page, "BINANCE:LINKUSD_PERP");
            // prices at the tick of 0.001; basis 15.2530 − 15.2000 = 0.0530; in % of the index 0.0530 / 15.2000 × 100 =
            // 0.348684… → 0.3487
            // funding 0.000125 = 0.0125 % per 8 h; 24 / 8 × 365 = 1095 a year; 0.000125 × 1095 = 0.136875 → 13.69 %
            assertThat(link.subList(0, 3)).containsExactly("BINANCE:LINKUSD_PERP", "inverse", "15.253");
            assertThat(link.get(3)).startsWith("venue: test feed,").doesNotContain("stale");
            assertThat(link.subList(4, 10))
                    .containsExactly("15.200", "0.053", "0.3487 %", "0.0125 %", "8 h", "13.69 %");
            assertThat(link.get(10)).startsWith("venue: test feed,").doesNotContain("stale");
            assertThat(link.get(11)).isEqualTo("2030-01-01 16:00 UTC");

            List<String> dot = row(page, "BINANCE:DOTUSD_PERP");
            // basis 4.50 − 4.51 = −0.01; −0.01 / 4.51 × 100 = −0.221729… → −0.2217
            // 0.00002 = 0.0020 % per 1 h; 24 / 1 × 365 = 8760 a year; 0.00002 × 8760 = 0.1752 → 17.52 %
            assertThat(dot.subList(4, 10))
                    .containsExactly("4.510", "-0.010", "-0.2217 %", "0.0020 %", "1 h", "17.52 %");
        }
    }

    @Test
    void oldTicksAndOldStoredHistoryAreFlaggedAndLabelled() throws Exception {
        tick(
                "BINANCE:ADAUSD_PERP",
                "0.40",
                "0.40",
                "0.0001",
                Optional.of(8),
                Instant.now().minus(Duration.ofMinutes(20)),
                Optional.empty());
        try (UserSession user = UserSession.logInNewAdmin(root, "Marta")) {
            HtmlPage page = user.page("/market");

            List<String> ada = row(page, "BINANCE:ADAUSD_PERP");
            assertThat(ada.get(3)).startsWith("venue: test feed, 20 min ago").endsWith("(stale)");
            assertThat(ada.get(10)).endsWith("(stale)");

            // no tick: the mark is AVAX's last shipped close (12.32 on 2025-12-31), older than 3 days
            List<String> avax = row(page, "BINANCE:AVAXUSD_PERP");
            assertThat(avax.get(2)).isEqualTo("12.32");
            assertThat(avax.get(3))
                    .startsWith("stored close (spot AVAX): Binance spot AVAXUSDT daily close in USDT")
                    .endsWith("(stale)");
            assertThat(avax.subList(4, 7)).containsExactly("–", "–", "–");

            // no tick: funding is the last shipped Bybit BTCUSDT settlement, 0.00044151 at 2023-12-31T16:00Z:
            // 0.044151 % → 0.0442; 0.00044151 × 1095 = 0.48345345 → 48.35 %; far older than two 8 h intervals
            List<String> bybit = row(page, "BYBIT:BTCUSDT");
            assertThat(bybit.subList(7, 10)).containsExactly("0.0442 %", "8 h", "48.35 %");
            assertThat(bybit.get(10))
                    .startsWith("stored settlement of 2023-12-31 16:00 UTC: Bybit BTCUSDT funding")
                    .endsWith("(stale)");
            assertThat(bybit.get(11)).isEqualTo("–");

            // Deribit accrues continuously: no settlement count, no annualized figure
            List<String> deribit = row(page, "DERIBIT:BTC-PERPETUAL");
            assertThat(deribit.get(8)).isEqualTo("continuous");
            assertThat(deribit.get(9)).isEqualTo("–");
        }
    }

    @Test
    void theContractPageChartsTheStoredFunding() throws Exception {
        try (UserSession user = UserSession.logInNewAdmin(root, "Marta")) {
            HtmlPage page = user.page("/market/BYBIT:BTCUSDT?days=30");
            assertThat(page.asNormalizedText())
                    .contains(
                            "3,285 settlements stored from 2021-01-01 00:00 UTC to " + "2023-12-31 16:00 UTC",
                            "from 2023-12-02 to 2023-12-31");
            assertThat(page.getElementsByTagName("svg")).hasSize(1);
            assertThat(page.getElementsByTagName("svg").get(0).getAttribute("aria-label"))
                    .isEqualTo("Funding per day, % of position value (BYBIT:BTCUSDT)");
            assertThat(user.getStatus("/market/NOPE:NOPE")).isEqualTo(404);
            assertThat(user.page("/market/BINANCE:LTCUSD_PERP").asNormalizedText())
                    .contains("No funding history of BINANCE:LTCUSD_PERP is stored");
        }
    }

    @Test
    void aManualMarkIsStoredAsTheContractsTickAndShownAsManual() throws Exception {
        try (UserSession user = UserSession.logInNewAdmin(root, "Marta")) {
            String path = "/market/BINANCE:LTCUSD_PERP/mark";
            assertThat(user.postWithoutCsrf(path, "mark", "76.5").getStatusCode())
                    .isEqualTo(400);
            WebResponse letters = user.post(path, "mark", "abc");
            assertThat(letters.getStatusCode()).isEqualTo(400);
            assertThat(letters.getContentAsString())
                    .contains("id=\"mark-error\"", "Mark price must be a number such as 1234.5");
            assertThat(user.post(path, "mark", "-1").getContentAsString())
                    .contains("Mark price must be greater than zero, was -1");
            assertThat(ticks.latest("BINANCE:LTCUSD_PERP")).isEmpty();

            WebResponse saved = user.post(path, "mark", "76.5");
            assertThat(saved.getStatusCode()).isEqualTo(303);
            assertThat(saved.getResponseHeaderValue("Location"))
                    .endsWith("/market/BINANCE:LTCUSD_PERP?flash=mark-saved");
            MarketTick stored = ticks.latest("BINANCE:LTCUSD_PERP").orElseThrow();
            assertThat(stored.markPrice()).isEqualByComparingTo("76.5");
            assertThat(stored.source()).isEqualTo("manual");
            assertThat(stored.indexPrice()).isEmpty();

            HtmlPage contract = user.page("/market/BINANCE:LTCUSD_PERP?flash=mark-saved");
            assertThat(contract.asNormalizedText()).contains("Mark price saved.");
            List<String> ltc = row(user.page("/market"), "BINANCE:LTCUSD_PERP");
            assertThat(ltc.get(2)).isEqualTo("76.50");
            assertThat(ltc.get(3))
                    .startsWith("manual, by Marta, 20")
                    .contains(" UTC, just now")
                    .doesNotContain("stale");
            assertThat(ltc.get(4)).isEqualTo("–");
        }
    }

    /**
     * The market's manual mark needs no form token: it replaces the contract's one tick row, so a double submit stores
     * the same single row and both answers are the saved page.
     */
    @Test
    void aDoubleSubmitOfTheManualMarkLeavesOneTickRow() throws Exception {
        try (UserSession user = UserSession.logInNewAdmin(root, "Marta")) {
            // DOT's last stored close is 1.789: 1.80 is 0.6 % away, no confirmation
            String path = "/market/BINANCE:DOTUSD_PERP/mark";
            WebResponse first = user.post(path, "mark", "1.80");
            WebResponse second = user.post(path, "mark", "1.80");

            for (WebResponse r : List.of(first, second)) {
                assertThat(r.getStatusCode()).isEqualTo(303);
                assertThat(r.getResponseHeaderValue("Location")).endsWith("?flash=mark-saved");
            }
            assertThat(SqlCount.of(
                            dataSource,
                            "select count(*) from market_tick where contract_id = ?",
                            "BINANCE:DOTUSD_PERP"))
                    .isEqualTo(1);
            assertThat(ticks.latest("BINANCE:DOTUSD_PERP").orElseThrow().markPrice())
                    .isEqualByComparingTo("1.80");
        }
    }

    /**
     * The case: a mark of 5.00 where the last one is 76.50. |5 − 76.5| / 76.5 = 71.5 / 76.5 = 0.93464… →
     * "93.5 %", more than 50 %: the post stores nothing and leads to a confirmation showing both values; the
     * confirmation's post stores it. A confirmation made against another last mark than the stored one asks again.
     */
    @Test
    void aMarkMoreThanHalfAwayFromTheLastOneIsStoredOnlyOnceConfirmed() throws Exception {
        tick(
                "BINANCE:LTCUSD_PERP",
                "76.50",
                "76.40",
                "0.0001",
                Optional.of(8),
                Instant.now().minusSeconds(60),
                Optional.empty());
        try (UserSession admin = UserSession.logInNewAdmin(root, "Ada")) {
            WebResponse asked = admin.post("/market/BINANCE:LTCUSD_PERP/mark", "mark", "5.00");
            assertThat(asked.getStatusCode()).isEqualTo(303);
            assertThat(asked.getResponseHeaderValue("Location"))
                    .endsWith("/market/BINANCE:LTCUSD_PERP?confirmMark=5.00");
            assertThat(ticks.latest("BINANCE:LTCUSD_PERP").orElseThrow().markPrice())
                    .isEqualByComparingTo("76.50");

            HtmlPage confirm = admin.page("/market/BINANCE:LTCUSD_PERP?confirmMark=5.00");
            assertThat(confirm.getHtmlElementById("confirm-old").getTextContent())
                    .isEqualTo("76.50");
            assertThat(confirm.getHtmlElementById("confirm-new").getTextContent())
                    .isEqualTo("5.00");
            assertThat(confirm.getHtmlElementById("confirm-distance").getTextContent())
                    .isEqualTo("93.5 %");
            // reloading the confirmation stores nothing either
            admin.page("/market/BINANCE:LTCUSD_PERP?confirmMark=5.00");
            assertThat(ticks.latest("BINANCE:LTCUSD_PERP").orElseThrow().markPrice())
                    .isEqualByComparingTo("76.50");

            // confirmed against a last mark that is no longer the stored one: asked again, nothing stored
            WebResponse stale = admin.post("/market/BINANCE:LTCUSD_PERP/mark", "mark", "5.00", "confirmedFrom", "70");
            assertThat(stale.getResponseHeaderValue("Location")).endsWith("?confirmMark=5.00");
            assertThat(ticks.latest("BINANCE:LTCUSD_PERP").orElseThrow().markPrice())
                    .isEqualByComparingTo("76.50");

            HtmlPage saved = confirm.getHtmlElementById("confirm-mark")
                    .getElementsByTagName("button")
                    .get(0)
                    .click();
            assertThat(saved.getUrl().toString()).endsWith("/market/BINANCE:LTCUSD_PERP?flash=mark-saved");
            MarketTick stored = ticks.latest("BINANCE:LTCUSD_PERP").orElseThrow();
            assertThat(stored.markPrice()).isEqualByComparingTo("5.00");
            assertThat(stored.source()).isEqualTo("manual");
            assertThat(saved.getHtmlElementById("quote").asNormalizedText()).contains("manual, by Ada, ");
            // within 50 % of the new last mark: stored at once
            assertThat(admin.post("/market/BINANCE:LTCUSD_PERP/mark", "mark", "7.40")
                            .getResponseHeaderValue("Location"))
                    .endsWith("?flash=mark-saved");
        }
    }

    @Test
    void someoneWhoIsNotAnAdministratorSeesTheDataWithoutFormsAndIsRefusedAWrite() throws Exception {
        try (UserSession user = UserSession.logInNew(root, "Nadia")) {
            HtmlPage market = user.page("/market");
            assertThat(market.getHtmlElementById("market").getElementsByTagName("tr"))
                    .hasSize(1 + 40);
            assertThat(market.getAnchors())
                    .noneMatch(a -> a.getHrefAttribute().equals("/market/import")
                            || a.getHrefAttribute().equals("/market/backfill"));
            HtmlPage contract = user.page("/market/BINANCE:LTCUSD_PERP?confirmMark=5");
            assertThat(contract.getForms())
                    .noneMatch(f -> f.getActionAttribute().endsWith("/mark"));
            assertThat(contract.getElementById("confirm-mark")).isNull();
            assertThat(contract.getHtmlElementById("mark-admins-only").getTextContent())
                    .contains("administrators");
            HtmlPage upload = user.page("/market/import");
            assertThat(upload.getForms()).noneMatch(f -> f.getActionAttribute().equals("/market/import"));
            assertThat(upload.getElementById("import-admins-only")).isNotNull();

            WebResponse refused = user.post("/market/BINANCE:LTCUSD_PERP/mark", "mark", "76.5");
            assertThat(refused.getStatusCode()).isEqualTo(403);
            assertThat(refused.getContentAsString())
                    .contains("Only administrators of this installation", "Nothing was saved");
            assertThat(ticks.latest("BINANCE:LTCUSD_PERP")).isEmpty();
        }
    }

    private void tick(
            String id,
            String mark,
            String index,
            String rate,
            Optional<Integer> hours,
            Instant at,
            Optional<Instant> next) {
        ticks.upsert(new MarketTick(
                id,
                new BigDecimal(mark),
                Optional.of(new BigDecimal(index)),
                Optional.empty(),
                Optional.of(new BigDecimal(rate)),
                next,
                hours,
                "test feed",
                at));
    }

    private static List<String> row(HtmlPage page, String contractId) {
        HtmlTableRow row = (HtmlTableRow) page.getHtmlElementById("row-" + contractId.replace(':', '-'));
        return row.getCells().stream()
                .map(HtmlTableCell::getTextContent)
                .map(t -> t.strip().replaceAll("\\s+", " "))
                .toList();
    }
}
