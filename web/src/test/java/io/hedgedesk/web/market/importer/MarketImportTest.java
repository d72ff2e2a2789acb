package io.hedgedesk.web.market.importer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.agroal.api.AgroalDataSource;
import io.hedgedesk.domain.market.FundingRateSeries;
import io.hedgedesk.domain.market.PriceSeries;
import io.hedgedesk.marketdata.importer.MarketCsv;
import io.hedgedesk.persistence.market.FundingHistoryRepository;
import io.hedgedesk.persistence.market.PriceHistoryRepository;
import io.hedgedesk.web.support.UserSession;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.net.URL;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.htmlunit.WebResponse;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/**
 * The CSV import end to end on the real database: upload → preview (nothing stored) → confirm → the background
 * import, all or nothing. The test profile stores 50 rows per statement ({@code hedgedesk.market-import.chunk-rows}).
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class MarketImportTest {

    private static final Pattern CONFIRM = Pattern.compile("action=\"/market/import/([0-9a-f-]{36})/confirm\"");

    @TestHTTPResource("/")
    URL root;

    @Inject
    PriceHistoryRepository prices;

    @Inject
    FundingHistoryRepository funding;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void dailyClosesArePreviewedImportedAndReimportingChangesNothing() throws Exception {
        String csv = "date,close\n2024-01-02,101\n2024-01-01,100\n2024-01-03,102.5\n";
        try (UserSession user = UserSession.logInNewAdmin(root, "Ivan")) {
            WebResponse preview = user.postFile("/market/import", "ZZA-USDT-1d.csv", csv, true);
            assertThat(preview.getStatusCode()).isEqualTo(200);
            String text = preview.getContentAsString();
            assertThat(text)
                    .contains(
                            "hedgedesk daily closes",
                            "ZZA",
                            "hedgedesk daily closes CSV import (ZZA-USDT-1d.csv)",
                            "Nothing has been stored yet");
            assertThat(summary(text))
                    .containsSubsequence(
                            "Rows",
                            "3",
                            "First",
                            "2024-01-01",
                            "Last",
                            "2024-01-03",
                            "New",
                            "3",
                            "Would overwrite",
                            "0",
                            "Already stored so",
                            "0");
            assertThat(prices.series("ZZA")).isEmpty();

            String id = importId(text);
            assertThat(finish(user, id)).contains("Done: 3 rows read, 3 inserted or changed");
            PriceSeries stored = prices.series("ZZA").orElseThrow();
            assertThat(stored.closes())
                    .extracting(c -> c.stripTrailingZeros().toPlainString())
                    .containsExactly("100", "101", "102.5");
            assertThat(stored.source()).isEqualTo("hedgedesk daily closes CSV import (ZZA-USDT-1d.csv)");
            // the rows name their writer, shown on the history page
            assertThat(prices.writers()).containsEntry("ZZA", "Ivan");
            assertThat(user.page("/market/history")
                            .getHtmlElementById("price-history")
                            .asNormalizedText())
                    .contains("hedgedesk daily closes CSV import (ZZA-USDT-1d.csv); imported or backfilled by Ivan");

            // the same file again: every row is stored so already, and storing it changes nothing
            String again = user.postFile("/market/import", "ZZA-USDT-1d.csv", csv, true)
                    .getContentAsString();
            assertThat(summary(again))
                    .containsSubsequence("New", "0", "Would overwrite", "0", "Already stored so", "3");
            assertThat(finish(user, importId(again))).contains("Done: 3 rows read, 0 inserted or changed");

            // one changed close is an overwrite, shown with the value it replaces
            String changed = user.postFile("/market/import", "ZZA-USDT-1d.csv", csv.replace("101", "99"), true)
                    .getContentAsString();
            assertThat(summary(changed))
                    .containsSubsequence("New", "0", "Would overwrite", "1", "Already stored so", "2");
            assertThat(changed).contains("replaces 101");
            assertThat(finish(user, importId(changed))).contains("1 inserted or changed");
            assertThat(prices.series("ZZA").orElseThrow().closes())
                    .extracting(c -> c.stripTrailingZeros().toPlainString())
                    .containsExactly("100", "99", "102.5");
        }
    }

    @Test
    void eachFundingLayoutIsStoredUnderItsContract() throws Exception {
        try (UserSession user = UserSession.logInNewAdmin(root, "Ivan")) {
            // hedgedesk's own layout, the contract typed into the form
            String own = "time,rate\n2024-03-16T00:00:00Z,0.0001\n2024-03-16T08:00:00Z,-0.0002\n";
            String ownPreview = user.postFile(
                            "/market/import", "rates.csv", own, true, "series", "test:zzown", "source", "my notes")
                    .getContentAsString();
            assertThat(finish(user, importId(ownPreview))).contains("Done: 2 rows read, 2 inserted");
            FundingRateSeries ownStored = funding.series("TEST:ZZOWN").orElseThrow();
            assertThat(ownStored.source()).isEqualTo("my notes");
            assertThat(ownStored.last().rate()).isEqualByComparingTo("-0.0002");

            // Bybit v5 funding-history fields, newest first: 1710576000000 ms = 2024-03-16T08:00:00Z
            String bybit =
                    "symbol,fundingRate,fundingRateTimestamp\nZZTUSDT,0.0003,1710576000000\nZZTUSDT,0.0001,1710547200000\n";
            assertThat(finish(
                            user,
                            importId(user.postFile("/market/import", "bybit.csv", bybit, true)
                                    .getContentAsString())))
                    .contains("Done: 2 rows read");
            FundingRateSeries bybitStored = funding.series("BYBIT:ZZTUSDT").orElseThrow();
            assertThat(bybitStored.first().time()).isEqualTo(Instant.parse("2024-03-16T00:00:00Z"));
            assertThat(bybitStored.last().rate()).isEqualByComparingTo("0.0003");

            // Binance fundingRate fields
            String binance = "symbol,fundingTime,fundingRate,markPrice\nZZTUSD_PERP,1710547200000,0.00010000,70000.1\n";
            assertThat(finish(
                            user,
                            importId(user.postFile("/market/import", "b.csv", binance, true)
                                    .getContentAsString())))
                    .contains("Done: 1 rows read");
            assertThat(funding.series("BINANCE:ZZTUSD_PERP")
                            .orElseThrow()
                            .first()
                            .rate())
                    .isEqualByComparingTo("0.0001");

            // Binance's history page, rates in percent: 0.0125 % = 0.000125
            String page =
                    "Time,Contracts,Funding Interval,Funding Rate\n2024-03-16 08:00:00,ZZTBUSD Perpetual,8h,0.0125%\n";
            assertThat(finish(
                            user,
                            importId(user.postFile("/market/import", "p.csv", page, true)
                                    .getContentAsString())))
                    .contains("Done: 1 rows read");
            FundingRateSeries pageStored = funding.series("BINANCE:ZZTBUSD").orElseThrow();
            assertThat(pageStored.first().time()).isEqualTo(Instant.parse("2024-03-16T08:00:00Z"));
            assertThat(pageStored.first().rate()).isEqualByComparingTo("0.000125");
        }
    }

    @Test
    void aFileWithOneBadRowIsRefusedWithLineNumbersAndNothingIsStored() throws Exception {
        String csv = "date,close\n2024-01-01,100\n2024-01-02,-3\n2024-01-01,5\n2024-13-01,5\n";
        try (UserSession user = UserSession.logInNewAdmin(root, "Ivan")) {
            WebResponse refused =
                    user.postFile("/market/import", "ZZB-USDT-1d.csv", csv, true, "series", "", "source", "x");
            assertThat(refused.getStatusCode()).isEqualTo(400);
            assertThat(refused.getContentAsString())
                    .contains(
                            "The file was not imported: 3 problems",
                            "line 3: close must be positive, was -3",
                            "line 4: 2024-01-01 appears twice: this row duplicates line 2",
                            "line 5: date &#39;2024-13-01&#39; is not a date YYYY-MM-DD",
                            "value=\"x\"");
            assertThat(refused.getContentAsString()).doesNotContain("/confirm");
            assertThat(prices.series("ZZB")).isEmpty();

            WebResponse tooBig = user.postFile(
                    "/market/import", "ZZB-USDT-1d.csv", "date,close\n" + "x".repeat(MarketCsv.MAX_BYTES), true);
            assertThat(tooBig.getStatusCode()).isEqualTo(400);
            assertThat(tooBig.getContentAsString()).contains("The file is larger than 8 MB; split it.");
        }
    }

    @Test
    void aDatabaseFailureMidwayRollsBackEveryRow() throws Exception {
        // 120 settlements every 8 h; PostgreSQL refuses the 101st, in the third statement of 50 rows
        StringBuilder csv = new StringBuilder("time,rate\n");
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        for (int i = 0; i < 120; i++) {
            csv.append(start.plusSeconds(8 * 3600L * i)).append(",0.0001\n");
        }
        Instant refused = start.plusSeconds(8 * 3600L * 100);
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute("""
          create or replace function test_refuse_row() returns trigger language plpgsql as $$
          begin
            if new.series_id = 'TEST:ZZFAIL' and new.funding_time = '%s' then
              raise exception 'test trigger refuses %%', new.funding_time;
            end if;
            return new;
          end $$""".formatted(refused));
            s.execute("create trigger test_refuse_row before insert on funding_rate_history for each row "
                    + "execute function test_refuse_row()");
        }
        try (UserSession user = UserSession.logInNewAdmin(root, "Ivan")) {
            String preview = user.postFile("/market/import", "TEST-ZZFAIL-funding.csv", csv.toString(), true)
                    .getContentAsString();
            assertThat(summary(preview)).containsSubsequence("Rows", "120", "New", "120");
            String done = finish(user, importId(preview));
            assertThat(done)
                    .contains(
                            "Failed; nothing was stored.",
                            "the database refused the rows:",
                            "test trigger refuses 2024-02-03");
            // the first 100 rows were written in the import's transaction (progress committed 100), then rolled back
            try (Connection c = dataSource.getConnection();
                    Statement s = c.createStatement();
                    var rows = s.executeQuery(
                            "select processed_rows, status from market_import where series_key = 'TEST:ZZFAIL'")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(100);
                assertThat(rows.getString(2)).isEqualTo("FAILED");
            }
            assertThat(funding.series("TEST:ZZFAIL")).isEmpty();
        } finally {
            try (Connection c = dataSource.getConnection();
                    Statement s = c.createStatement()) {
                s.execute("drop trigger if exists test_refuse_row on funding_rate_history");
                s.execute("drop function if exists test_refuse_row()");
            }
        }
    }

    @Test
    void anonymousVisitorsAreRefusedAndAnImportRunsOnceForItsOwnerOnly() throws Exception {
        given().redirects()
                .follow(false)
                .when()
                .get("/market/import")
                .then()
                .statusCode(302)
                .header("Location", containsString("/auth/realms/quarkus"));
        String csv = "date,close\n2024-01-01,7\n";
        try (UserSession ivan = UserSession.logInNewAdmin(root, "Ivan");
                UserSession eve = UserSession.logInNewAdmin(root, "Eve")) {
            assertThat(ivan.page("/market/import").getTitleText()).isEqualTo("Import market history · hedgedesk");
            assertThat(ivan.postFile("/market/import", "ZZC-USDT-1d.csv", csv, false)
                            .getStatusCode())
                    .isEqualTo(400);
            String id = importId(ivan.postFile("/market/import", "ZZC-USDT-1d.csv", csv, true)
                    .getContentAsString());

            assertThat(eve.post("/market/import/" + id + "/confirm").getStatusCode())
                    .isEqualTo(404);
            assertThat(eve.getStatus("/market/import/" + id)).isEqualTo(404);
            assertThat(ivan.postWithoutCsrf("/market/import/" + id + "/confirm").getStatusCode())
                    .isEqualTo(400);
            assertThat(ivan.page("/market/import/" + id).asNormalizedText()).contains("Waiting for confirmation");

            assertThat(finish(ivan, id)).contains("Done: 1 rows read, 1 inserted");
            WebResponse twice = ivan.post("/market/import/" + id + "/confirm");
            assertThat(twice.getResponseHeaderValue("Location")).endsWith("/market/import/" + id + "?again=1");
            assertThat(ivan.page("/market/import/" + id + "?again=1").asNormalizedText())
                    .contains("That import had already been confirmed; it runs once.");
            assertThat(prices.series("ZZC").orElseThrow().size()).isEqualTo(1);
            assertThat(ivan.getStatus("/market/import/not-a-uuid")).isEqualTo(404);
        }
    }

    /** Confirms the import and follows its page until it has finished; returns the page's text. */
    private static String finish(UserSession user, String id) throws Exception {
        WebResponse confirmed = user.post("/market/import/" + id + "/confirm");
        assertThat(confirmed.getStatusCode()).isEqualTo(303);
        // a running import's page refreshes itself every 2 s; here the loop below reloads it instead
        user.browser().setRefreshHandler((page, url, seconds) -> {});
        // the import runs on a worker thread: wait for its outcome (bounded, so a hang fails instead of blocking)
        for (int i = 0; i < 600; i++) {
            HtmlPage page = user.page("/market/import/" + id);
            String status = page.getHtmlElementById("import-status").getAttribute("data-status");
            if (status.equals("DONE") || status.equals("FAILED")) {
                return page.asNormalizedText();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("import " + id + " did not finish");
    }

    private static String importId(String previewHtml) {
        Matcher m = CONFIRM.matcher(previewHtml);
        assertThat(m.find()).as("a confirmation form in:\n" + previewHtml).isTrue();
        return m.group(1);
    }

    /** The preview's summary table as text (tags dropped, whitespace collapsed). */
    private static java.util.List<String> summary(String html) {
        int from = html.indexOf("id=\"import-summary\"");
        int to = html.indexOf("</table>", from);
        return java.util.Arrays.stream(
                        html.substring(from, to).replaceAll("<[^>]+>", "\n").split("\n"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
